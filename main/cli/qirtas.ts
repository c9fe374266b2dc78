/**
 * The `qirtas` command line: parses arguments, runs one command, maps errors to
 * exit codes (0 ok, 1 failed, 2 usage) with the message on stderr.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { QirtasError } from '../../common/errors.js';
import { createContext, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './cli-context.js';
import { importCommand } from './commands/import.js';
import { listCommand, showCommand } from './commands/list-show.js';
import { serveCommand } from './commands/serve.js';
import { searchCommand } from './commands/search.js';
import { exportCommand, importJsonCommand } from './commands/export.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { collectionCommand, statusCommand, tagCommand } from './commands/library.js';

export const USAGE = `Usage: qirtas <command> [options]

Commands:
  import PATH…            import .txt .md .html .docx .pdf .jsonl .csv files (folders with --recursive)
  list                    list the articles (--trash: the trash); --sort FIELD[:asc|desc]
                          (title source author published added words highlights lastRead trashed),
                          --filter TEXT, --collection NAME|ID, --tag T, --source S, --limit N
  collection list         collections (a tree, with counts) and saved searches
  collection rename-search S NAME   rename a saved search (by id or name; its query and filters kept)
  collection create NAME  [--parent C]; also: rename C NAME, move C --parent P|--top
  collection add|remove C ID…   put articles in / take them out of a collection
  collection delete C     delete it (articles are kept; sub-collections move up,
                          or go too with --with-subcollections)
  tag add|remove ID… TAG  tag or untag articles
  status ID… STATUS       mark articles unread, reading or read
  show ID                 print one article (ID or a unique prefix of it)
  search QUERY            search the archive (Arabic folding, clitics, typos); quotes for phrases
  search --batch --json   one {"q": "...", "limit": N} per stdin line → one result line each
  serve                   run Qirtas in your browser on 127.0.0.1 (--port N, --open)
  export --format F -o FILE   export notes: md html pdf docx json csv csl bib ris
                          [--article ID…|--tag T|--color C|--query Q|--collection C|--all] [--only-highlights]
                          [--group-by article|color|tag] [--locale ar|en]; -o - for stdout
  import-json FILE…       import Qirtas JSON exports (W3C Web Annotation) back
  backup -o FILE          a verified zip of the whole archive (--with-index: include the search index);
                          --collection C: only that collection, its sub-collections and their articles
  restore FILE            restore a backup zip (verified first; the old archive is kept in backups/);
                          a collection backup is merged in: missing articles are added, none replaced

Options:
  --data-dir DIR          use the archive in DIR (default: QIRTAS_DATA_DIR, else the app's data folder)
  --json                  machine-readable output
  --recursive             import: descend into folders
  --tag T                 import: tag every imported article (repeatable)
  --format F              import: read every file as F (txt, md, html, docx, pdf, jsonl, csv)
  --encoding E            import: text encoding (utf-8, utf-16le, windows-1256, iso-8859-6…)
  --limit N               search: at most N results (default 20)
  --tag T / --source S    search: only this tag / source
  --from D / --to D       search: published from / to (YYYY-MM-DD)
  --exact                 search: diacritics and hamza as typed
  --port N                serve: port (default: a free one)
  --open                  serve: open the app in a browser window
  --article ID            export: this article (repeatable; a unique prefix of the id will do)
  --color C / --query Q   export: highlights of colour C / the articles a search finds
  --collection C          list / export / backup: the articles of collection C (name, path or id)
  --all                   export: the whole archive (the default)
  --only-highlights       export: only highlights with notes and tags, not the article text
  --group-by G            export: group highlights by article, color or tag
  -o, --output FILE       export / backup: where to write
  -h, --help              this text
  -v, --version           the version`;

const OPTIONS: ParseArgsConfig['options'] = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  recursive: { type: 'boolean', short: 'r', default: false },
  tag: { type: 'string', multiple: true },
  trash: { type: 'boolean', default: false },
  port: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
  encoding: { type: 'string' },
  source: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  exact: { type: 'boolean', default: false },
  batch: { type: 'boolean', default: false },
  open: { type: 'boolean', default: false },
  article: { type: 'string', multiple: true },
  color: { type: 'string' },
  query: { type: 'string' },
  all: { type: 'boolean', default: false },
  'only-highlights': { type: 'boolean', default: false },
  'group-by': { type: 'string' },
  locale: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'with-index': { type: 'boolean', default: false },
  sort: { type: 'string' },
  filter: { type: 'string' },
  collection: { type: 'string' },
  parent: { type: 'string' },
  top: { type: 'boolean', default: false },
  'with-subcollections': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
};

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return port;
}

export async function runCli(argv: string[], appRoot: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`qirtas: ${(error as Error).message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const { positionals } = parsed;
  const values = parsed.values as {
    'data-dir'?: string; json: boolean; recursive: boolean; tag?: string[]; trash: boolean;
    port?: string; open: boolean; help: boolean; version: boolean;
    limit?: string; format?: string; encoding?: string; source?: string; from?: string; to?: string; exact: boolean; batch: boolean;
    article?: string[]; color?: string; query?: string; all: boolean; 'only-highlights': boolean; 'group-by'?: string; locale?: string;
    output?: string; 'with-index': boolean;
    sort?: string; filter?: string; collection?: string; parent?: string; top: boolean; 'with-subcollections': boolean;
  };
  const [command, ...rest] = positionals;
  const context = createContext(appRoot, values['data-dir'], values.json);
  if (values.version) {
    context.out(context.version);
    return EXIT_OK;
  }
  if (values.help || !command) {
    (command || values.help ? context.out : context.err)(USAGE);
    return values.help ? EXIT_OK : EXIT_USAGE;
  }
  try {
    switch (command) {
      case 'import':
        return await importCommand(context, rest, { recursive: values.recursive, tags: values.tag ?? [], format: values.format, encoding: values.encoding });
      case 'list':
        return await listCommand(context, {
          trash: values.trash,
          sort: values.sort,
          filter: values.filter,
          collection: values.collection,
          tags: values.tag ?? [],
          source: values.source,
          limit: values.limit,
        });
      case 'collection':
        return await collectionCommand(context, rest, { parent: values.parent, top: values.top, withSubcollections: values['with-subcollections'] });
      case 'tag':
        return await tagCommand(context, rest);
      case 'status':
        return await statusCommand(context, rest);
      case 'show':
        if (rest.length !== 1) throw new UsageError('show needs exactly one article id: qirtas show ID');
        return await showCommand(context, rest[0] as string);
      case 'search':
        return await searchCommand(context, rest, {
          limit: values.limit,
          tag: values.tag?.[0],
          source: values.source,
          from: values.from,
          to: values.to,
          exact: values.exact,
          batch: values.batch,
        });
      case 'serve':
        return await serveCommand(context, parsePort(values.port), values.open);
      case 'export':
        if (rest.length > 0) throw new UsageError(`export takes no positional arguments (got "${rest.join(' ')}"); use --article ID`);
        return await exportCommand(context, {
          format: values.format,
          articles: values.article ?? [],
          tag: values.tag?.[0],
          color: values.color,
          query: values.query,
          collection: values.collection,
          all: values.all,
          onlyHighlights: values['only-highlights'],
          groupBy: values['group-by'],
          locale: values.locale,
          output: values.output,
        });
      case 'import-json':
        return await importJsonCommand(context, rest);
      case 'backup':
        return await backupCommand(context, values.output, values['with-index'], values.collection);
      case 'restore':
        if (rest.length > 1) throw new UsageError('restore takes one backup file: qirtas restore FILE.zip');
        return await restoreCommand(context, rest[0]);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      context.err(`qirtas: ${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (error instanceof QirtasError) {
      context.err(`qirtas: ${error.message}`);
      return EXIT_FAILED;
    }
    context.err(`qirtas: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return EXIT_FAILED;
  }
}
