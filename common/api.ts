/**
 * The one API contract (design §2): every operation the UI may ask for, with a zod
 * schema for its arguments and one for its result. The Electron IPC handler, the
 * HTTP host and the CLI all go through the same dispatcher that validates against
 * these schemas; the renderer's client is typed from them.
 */
import { z } from 'zod';
import type { ApiResponse } from './errors.js';
import { type OperationName, OPERATION_NAMES } from './operations.js';
import { ArticleMeta, Annotation, Block, IsoDate, Settings, Locale } from './types/article.js';

const Id = z.object({ id: z.string().min(1).max(200) });

/** Metadata a user may edit. Every field optional: a patch. */
export const ArticlePatch = z
  .object({
    title: z.string().trim().min(1, 'title cannot be empty').max(500),
    source: z.string().max(500),
    author: z.string().max(500),
    url: z
      .string()
      .max(2000)
      .refine((value) => value === '' || /^https?:\/\//i.test(value), 'url must start with http:// or https://'),
    published: IsoDate.nullable(),
    tags: z.array(z.string().trim().min(1).max(100)).max(100),
  })
  .partial();
export type ArticlePatch = z.infer<typeof ArticlePatch>;

export const ImportTextArgs = z.object({
  text: z.string().max(50 * 1024 * 1024),
  /** Shown in messages about this text (a file name, or "pasted text"). */
  origin: z.string().max(1000).optional(),
  title: z.string().max(500).optional(),
  source: z.string().max(500).optional(),
  tags: z.array(z.string()).max(100).optional(),
});

export const ImportOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), article: ArticleMeta }),
  /** The same text (by normalized content hash) is already in the archive. */
  z.object({ status: z.literal('duplicate'), existing: ArticleMeta }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ArticleView = z.enum(['library', 'trash']);
export type ArticleView = z.infer<typeof ArticleView>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  host: z.enum(['electron', 'browser', 'cli']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const FullArticle = z.object({
  meta: ArticleMeta,
  blocks: z.array(Block),
  annotations: z.array(Annotation),
});
export type FullArticle = z.infer<typeof FullArticle>;

export const contract = {
  appInfo: { args: z.object({}), result: AppInfo },
  listArticles: { args: z.object({ view: ArticleView.default('library') }), result: z.array(ArticleMeta) },
  getArticle: { args: Id, result: FullArticle },
  importText: { args: ImportTextArgs, result: ImportOutcome },
  importSample: { args: z.object({}), result: ImportOutcome },
  updateArticle: { args: Id.extend({ patch: ArticlePatch }), result: ArticleMeta },
  trashArticle: { args: Id, result: ArticleMeta },
  restoreArticle: { args: Id, result: ArticleMeta },
  /** Deletes for good; only articles already in the trash. */
  deleteArticle: { args: Id, result: z.object({ id: z.string() }) },
  getSettings: { args: z.object({}), result: Settings },
  updateSettings: { args: z.object({ locale: Locale.optional() }), result: Settings },
} satisfies Record<OperationName, { args: z.ZodType; result: z.ZodType }>;

// Compile-time check: the contract has exactly the operations that OPERATION_NAMES lists.
type MissingFromNames = Exclude<keyof typeof contract, OperationName>;
const namesCoverContract: MissingFromNames extends never ? true : never = true;
void namesCoverContract;
export { OPERATION_NAMES };
export type { OperationName };

export type Contract = typeof contract;
export type ArgsOf<K extends OperationName> = z.input<Contract[K]['args']>;
export type ResultOf<K extends OperationName> = z.output<Contract[K]['result']>;

/** The API as the renderer sees it: one async function per operation. */
export type ArchiveApi = { [K in OperationName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

/** What the raw transports carry (IPC invoke result, HTTP response body). */
export type WireResponse = ApiResponse<unknown>;

/** Push events: IPC `send` under Electron, Server-Sent Events in the browser shell. */
export type ArchiveEvent = { type: 'articles-changed' } | { type: 'settings-changed' };

export function isOperationName(value: string): value is OperationName {
  return (OPERATION_NAMES as readonly string[]).includes(value);
}
