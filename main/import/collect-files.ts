/**
 * Expands the paths a user gives to `qirtas import` (files and, with --recursive,
 * folders) into a sorted list of files. Hidden files and folders are skipped.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface CollectedFiles {
  files: string[];
  /** Paths that could not be used, with the reason. */
  problems: Array<{ file: string; reason: string }>;
}

async function walk(folder: string, into: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, into);
    else if (entry.isFile()) into.push(path);
  }
}

export async function collectFiles(paths: readonly string[], recursive: boolean): Promise<CollectedFiles> {
  const files: string[] = [];
  const problems: CollectedFiles['problems'] = [];
  for (const given of paths) {
    const path = resolve(given);
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        if (recursive) await walk(path, files);
        else problems.push({ file: given, reason: 'is a folder; add --recursive to import the files in it' });
      } else {
        files.push(path);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ file: given, reason: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})` });
    }
  }
  return { files, problems };
}
