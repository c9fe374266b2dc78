/**
 * `qirtas import PATH… [--recursive] [--format F] [--encoding E] [--tag T]`: imports
 * files and prints a report (imported / duplicate / failed with the reason, a bad
 * dataset record with its line), with a progress line on a terminal (per file, and
 * per share of a dataset read). Exits 1 when anything failed. The search index is
 * saved, current, when the command ends.
 */
import { relative } from 'node:path';
import { collectFiles } from '../../import/collect-files.js';
import { importFiles } from '../../import/import-files.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../import/formats/index.js';
import { type CliContext, EXIT_FAILED, EXIT_OK, UsageError } from '../cli-context.js';

export interface ImportCommandOptions {
  recursive: boolean;
  tags: string[];
  format?: string;
  encoding?: string;
}

export async function importCommand(context: CliContext, paths: string[], options: ImportCommandOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError('import needs at least one file: qirtas import FILE…');
  const format = options.format === 'md' ? 'markdown' : options.format;
  if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}, not "${options.format}"`);
  }
  const { files, problems } = await collectFiles(paths, options.recursive);
  const app = await context.open(false);
  const showProgress = !context.json && process.stderr.isTTY;
  try {
    const report = await importFiles(app.service, files, {
      tags: options.tags,
      format: format as ImportFormat | undefined,
      encoding: options.encoding,
      onProgress: showProgress
        ? (done, total, file) => process.stderr.write(`\r\u001b[K[${done}/${total}] ${file ? relative(process.cwd(), file) : 'done'}`)
        : undefined,
      // A dataset streams record by record: its share read and the records so far, on the same line.
      onDatasetProgress: showProgress
        ? (file, read, total, records) =>
            process.stderr.write(`\r\u001b[K${relative(process.cwd(), file)}: ${Math.floor((100 * read) / Math.max(1, total))}% (${records.toLocaleString('en')} records)`)
        : undefined,
    });
    if (showProgress) process.stderr.write('\n');
    report.failed.unshift(...problems);
    if (context.json) {
      context.out(JSON.stringify(report, null, 2));
    } else {
      for (const item of report.imported) {
        context.out(`imported   ${item.id}  ${item.title}  (${item.file})`);
        for (const warning of item.warnings ?? []) context.out(`           note: ${warning}`);
      }
      for (const item of report.duplicates) context.out(`duplicate  ${item.existingId}  ${item.title}  (${item.file}: already in the archive)`);
      for (const item of report.failed) context.err(`failed     ${item.file}: ${item.reason}`);
      context.out(`${report.imported.length} imported, ${report.duplicates.length} duplicate, ${report.failed.length} failed`);
    }
    return report.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    await app.close();
  }
}
