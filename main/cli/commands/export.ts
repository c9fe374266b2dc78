/**
 * `qirtas export --format md|html|pdf|docx|json|csv|csl|bib|ris
 *   [--article ID…|--tag T|--color C|--query Q|--all] [--only-highlights]
 *   [--group-by article|color|tag] [--locale ar|en] -o FILE`
 * and `qirtas import-json FILE…` (reads Qirtas JSON exports back in).
 *
 * Export only reads, so it also works while the app holds the archive (it then
 * reads without the lock). `-o -` writes a text format to stdout. PDF is printed
 * by Chromium through Playwright when both are installed; otherwise the command
 * says so and exits 1.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, type ExportRequest, type ImportJsonReport } from '../../../common/api.js';
import { QirtasError } from '../../../common/errors.js';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../common/types/article.js';
import { exportNotes } from '../../export/export-notes.js';
import { findChromium, pdfUnavailableReason } from '../../export/pdf.js';
import type { ArchiveApp } from '../../service/archive-app.js';
import { writeFileDurably } from '../../store/durable-file.js';
import { type CliContext, EXIT_FAILED, EXIT_OK, UsageError } from '../cli-context.js';
import { resolveArticleId } from './list-show.js';
import { resolveCollection } from './collection-names.js';

export interface ExportCommandOptions {
  format?: string;
  articles: string[];
  tag?: string;
  color?: string;
  query?: string;
  /** A collection by name, path or id (with its sub-collections). */
  collection?: string;
  all: boolean;
  onlyHighlights: boolean;
  groupBy?: string;
  locale?: string;
  output?: string;
}

const FORMAT_ALIASES: Record<string, ExportFormat> = { markdown: 'md', 'csl-json': 'csl', bibtex: 'bib', htm: 'html', word: 'docx' };

function parseFormat(value: string | undefined): ExportFormat {
  if (!value) throw new UsageError(`export needs --format (${EXPORT_FORMATS.join(', ')})`);
  const format = FORMAT_ALIASES[value] ?? value;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${value}"`);
  return format as ExportFormat;
}

async function openForReading(context: CliContext): Promise<ArchiveApp> {
  try {
    return await context.open(false);
  } catch (error) {
    if (error instanceof QirtasError && error.code === 'LOCKED') return context.open(true);
    throw error;
  }
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function exportCommand(context: CliContext, options: ExportCommandOptions): Promise<number> {
  const format = parseFormat(options.format);
  if (!options.output) throw new UsageError('export needs an output file: -o FILE (or -o - for stdout)');
  const toStdout = options.output === '-';
  if (toStdout && (format === 'docx' || format === 'pdf')) throw new UsageError(`${format} is binary: write it to a file with -o FILE`);
  const scopes = [options.articles.length > 0, options.tag !== undefined, options.color !== undefined, options.query !== undefined, options.collection !== undefined, options.all].filter(Boolean).length;
  if (scopes > 1) throw new UsageError('give one scope: --article ID…, --tag T, --color C, --query Q, --collection C or --all');
  if (options.color !== undefined && !(HIGHLIGHT_COLORS as readonly string[]).includes(options.color)) {
    throw new UsageError(`--color must be one of ${HIGHLIGHT_COLORS.join(', ')}, not "${options.color}"`);
  }
  const groupBy = options.groupBy ?? 'article';
  if (!['article', 'color', 'tag'].includes(groupBy)) throw new UsageError(`--group-by must be article, color or tag, not "${groupBy}"`);
  const locale = options.locale ?? 'ar';
  if (locale !== 'ar' && locale !== 'en') throw new UsageError(`--locale must be ar or en, not "${locale}"`);
  if (format === 'pdf') {
    const reason = await pdfUnavailableReason();
    if (reason) throw new QirtasError('NOT_FOUND', reason);
  }

  const app = await openForReading(context);
  try {
    let scope: ExportRequest['scope'];
    if (options.articles.length > 0) scope = { kind: 'articles', ids: options.articles.map((id) => resolveArticleId(app, id)) };
    else if (options.tag !== undefined) scope = { kind: 'tag', tag: options.tag };
    else if (options.color !== undefined) scope = { kind: 'color', color: options.color as HighlightColor };
    else if (options.query !== undefined) scope = { kind: 'query', query: options.query, exact: false };
    else if (options.collection !== undefined) scope = { kind: 'collection', id: resolveCollection(app, options.collection).id };
    else scope = { kind: 'all' };
    const result = await exportNotes(
      app.service.currentStore,
      { scope, format, options: { onlyHighlights: options.onlyHighlights, groupBy: groupBy as 'article', locale } },
      {
        appRoot: context.appRoot,
        findArticles: async (query, exact) => (await app.service.search({ query, exact, limit: 500, prefix: false })).results.map((hit) => hit.id),
      },
    );
    for (const warning of result.warnings) context.err(`skipped: ${warning}`);
    if (toStdout) {
      process.stdout.write(result.bytes);
      return EXIT_OK;
    }
    const target = resolve(options.output);
    await writeFileDurably(target, result.bytes);
    if (context.json) {
      context.out(JSON.stringify({ file: target, format, size: result.bytes.byteLength, articles: result.articleCount, highlights: result.highlightCount }, null, 2));
    } else {
      const how = format === 'pdf' ? ` (printed by Chromium at ${findChromium()})` : '';
      context.out(`wrote ${target}: ${result.articleCount} articles, ${result.highlightCount} highlights, ${sizeText(result.bytes.byteLength)}${how}`);
    }
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

/** `qirtas import-json FILE…`: imports Qirtas JSON exports (W3C Web Annotation collections). */
export async function importJsonCommand(context: CliContext, files: string[]): Promise<number> {
  if (files.length === 0) throw new UsageError('import-json needs at least one file: qirtas import-json FILE.json…');
  const app = await context.open(false);
  let failed = false;
  try {
    for (const file of files) {
      try {
        // Straight to the service: a whole-archive export can be larger than what the UI may send.
        const data = (await readFile(file)).toString('base64');
        const report: ImportJsonReport = await app.service.importAnnotationsJson({ name: basename(file), data });
        if (context.json) context.out(JSON.stringify({ file, ...report }));
        else {
          context.out(
            `${file}: ${report.articlesAdded} articles added, ${report.articlesMerged} merged, ${report.annotationsAdded} highlights added, ` +
              `${report.annotationsSkipped} already there or unusable, ${report.orphans} orphans`,
          );
        }
      } catch (error) {
        failed = true;
        context.err(`failed     ${file}: ${(error as Error).message}`);
      }
    }
    return failed ? EXIT_FAILED : EXIT_OK;
  } finally {
    await app.close();
  }
}
