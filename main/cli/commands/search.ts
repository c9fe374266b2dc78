/**
 * `qirtas search QUERY [--limit N] [--tag T] [--source S] [--from D] [--to D] [--exact] [--json]`
 * and `qirtas search --batch --json`: one JSON query per stdin line
 * ({"q": "...", "limit": 10}) → one JSON line of results per query, in order.
 */
import { createInterface } from 'node:readline';
import type { SearchResponse } from '../../../common/api.js';
import { QirtasError } from '../../../common/errors.js';
import type { ArchiveApp } from '../../service/archive-app.js';
import { type CliContext, EXIT_FAILED, EXIT_OK, UsageError, unwrap } from '../cli-context.js';

export interface SearchCommandOptions {
  limit?: string;
  tag?: string;
  source?: string;
  from?: string;
  to?: string;
  exact: boolean;
  batch: boolean;
}

/** Search works while the app is open: it then reads the archive without the lock and keeps its index in memory. */
async function openForSearch(context: CliContext): Promise<ArchiveApp> {
  try {
    return await context.open(false);
  } catch (error) {
    if (error instanceof QirtasError && error.code === 'LOCKED') return context.open(true);
    throw error;
  }
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(`--limit must be a whole number from 1 to 500, not "${value}"`);
  return limit;
}

function toWire(response: SearchResponse) {
  return {
    results: response.results.map((result) => ({
      id: result.id,
      externalId: result.externalId ?? null,
      title: result.title,
      score: Number(result.score.toFixed(4)),
      approximate: result.approximate,
      snippet: result.snippet.text,
      highlights: result.snippet.highlights,
    })),
    ...(response.didYouMean ? { didYouMean: response.didYouMean } : {}),
  };
}

async function runBatch(context: CliContext, app: ArchiveApp): Promise<number> {
  let failed = false;
  let lineNumber = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let request: { q?: unknown; limit?: unknown };
    try {
      request = JSON.parse(line) as { q?: unknown; limit?: unknown };
    } catch {
      context.out(JSON.stringify({ error: `line ${lineNumber}: not valid JSON` }));
      failed = true;
      continue;
    }
    const response = await app.dispatch('search', { query: request.q, ...(request.limit !== undefined ? { limit: request.limit } : {}) });
    if (response.ok) context.out(JSON.stringify(toWire(response.value as SearchResponse)));
    else {
      context.out(JSON.stringify({ error: `line ${lineNumber}: ${response.error.message}` }));
      failed = true;
    }
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}

export async function searchCommand(context: CliContext, words: string[], options: SearchCommandOptions): Promise<number> {
  if (options.batch && !context.json) throw new UsageError('search --batch writes JSON lines: add --json');
  if (!options.batch && words.length === 0) throw new UsageError('search needs a query: qirtas search QUERY');
  const limit = parseLimit(options.limit);
  const app = await openForSearch(context);
  try {
    if (options.batch) return await runBatch(context, app);
    const response = unwrap<SearchResponse>(
      await app.dispatch('search', {
        query: words.join(' '),
        exact: options.exact,
        ...(limit ? { limit } : {}),
        ...(options.tag ? { tag: options.tag } : {}),
        ...(options.source ? { source: options.source } : {}),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
      }),
    );
    if (context.json) {
      context.out(JSON.stringify(toWire(response), null, 2));
      return EXIT_OK;
    }
    if (response.didYouMean) context.out(`Did you mean: ${response.didYouMean}`);
    if (response.results.length === 0) context.out('No results.');
    for (const result of response.results) {
      const approximate = result.approximate ? '  (approximate)' : '';
      const external = result.externalId ? `  [${result.externalId}]` : '';
      context.out(`${result.id}  ${result.title}${external}${approximate}\n    ${result.snippet.text}`);
    }
    return EXIT_OK;
  } finally {
    await app.close();
  }
}
