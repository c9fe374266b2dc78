/**
 * One article file (articles/<id>.json) as a lowdb database (design §3: lowdb is
 * the database API, over our own durable adapter). Each article file is small and
 * is rewritten whole on every change, which is lowdb's model; the adapter reads
 * it validated — keeping the keys this version does not know, so a save never
 * drops them — and writes it with temp file, fsync, rename and folder fsync.
 * (library.json is not a lowdb database: rewriting 29 MB for one tag at 50,000
 * articles is what the change journal, library-journal.ts, exists to avoid.)
 */
import { Low, type Adapter } from 'lowdb';
import { Annotation, ArticleFile } from '../../common/types/article.js';
import { readJsonWithRaw, writeFileDurably } from './durable-file.js';
import { type Extras, unknownKeys, unknownKeysById, withExtras } from './unknown-keys.js';

/** An article file as read: the validated file, plus what it held that this version does not know. */
export interface StoredArticle {
  file: ArticleFile;
  top: Extras | null;
  annotations: Map<string, Extras>;
}

class DurableArticleAdapter implements Adapter<StoredArticle> {
  constructor(private readonly path: string) {}

  /** null when the file is missing; a file that does not parse or validate throws DAMAGED_FILE naming it. */
  async read(): Promise<StoredArticle | null> {
    const read = await readJsonWithRaw(this.path, ArticleFile);
    if (!read) return null;
    return { file: read.data, top: unknownKeys(read.raw, ArticleFile), annotations: unknownKeysById(read.raw.annotations, Annotation) };
  }

  async write({ file, top, annotations }: StoredArticle): Promise<void> {
    const valid = ArticleFile.parse(file);
    const out = withExtras({ ...valid, annotations: valid.annotations.map((annotation) => withExtras(annotation, annotations.get(annotation.id))) }, top);
    await writeFileDurably(this.path, `${JSON.stringify(out)}\n`);
  }
}

/** Reads one article file through lowdb; null when it is missing. */
export async function readArticleDb(path: string): Promise<StoredArticle | null> {
  const db = new Low<StoredArticle | null>(new DurableArticleAdapter(path) as Adapter<StoredArticle | null>, null);
  await db.read();
  return db.data;
}

/** Writes one article file through lowdb, durably. */
export async function writeArticleDb(path: string, stored: StoredArticle): Promise<void> {
  await new Low<StoredArticle>(new DurableArticleAdapter(path), stored).write();
}
