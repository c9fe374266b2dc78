/**
 * What every CLI command gets: parsed options, the install's folders, output
 * helpers that honour --json, and the exit codes (0 ok, 1 failed, 2 usage).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QirtasError } from '../../common/errors.js';
import { resolveDataDir } from '../store/data-dir.js';
import { openArchiveApp, type ArchiveApp } from '../service/archive-app.js';
import type { WireResponse } from '../../common/api.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface CliContext {
  /** Root of the installed app (holds assets/ and dist/). */
  appRoot: string;
  dataDir: string;
  json: boolean;
  out(text: string): void;
  err(text: string): void;
  version: string;
  /** Opens the archive; read-only commands take no lock so they work while the app is open. */
  open(readOnly: boolean): Promise<ArchiveApp>;
}

export function createContext(appRoot: string, dataDirOption: string | undefined, json: boolean): CliContext {
  const version = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = resolveDataDir(dataDirOption);
  return {
    appRoot,
    dataDir,
    json,
    version,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    open: (readOnly) => openArchiveApp({ dataDir, assetsDir: join(appRoot, 'assets'), host: 'cli', version, readOnly }),
  };
}

/** Unwraps a dispatcher response, turning an API error back into a QirtasError for the CLI's error path. */
export function unwrap<T>(response: WireResponse): T {
  if (!response.ok) throw new QirtasError(response.error.code, response.error.message, response.error.file, response.error.params);
  return response.value as T;
}
