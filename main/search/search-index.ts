/**
 * SearchIndex: Qirtas' full-text search engine, an inverted index of our own over
 * normalized Arabic surface tokens (design §5, reference §3.3). Plain Node, no
 * Electron. The API:
 *
 *   SearchIndex.build(docs: Iterable<SearchDoc>): SearchIndex
 *   new SearchIndex()                       an empty index
 *   index.size: number                      live documents
 *   index.has(id: string): boolean
 *   index.ids(): IterableIterator<string>   ids of the indexed articles
 *   index.upsert(doc: SearchDoc): void      add or replace one article (cheap)
 *   index.remove(id: string): boolean       false when the id was not indexed
 *   index.search(query: string, options?: SearchOptions): SearchResponse
 *   index.findInText(text: string, query: string, exact?: boolean): Range[]
 *   index.vocabulary(): Vocabulary          the term dictionary, for query tools
 *   index.compact(): void                   drop removed documents, renumber densely
 *   index.pendingMemory()                   texts and postings held in memory since the last save
 *   index.save(dir: string): Promise<string>          writes dir/search-v<ANALYZER_VERSION>.bin
 *   SearchIndex.load(dir: string): Promise<SearchIndex | null>   null → rebuild
 *   index.damaged: boolean                  a stored text failed its checksum → rebuild
 *   index.close(): void                     release the saved file it reads texts from
 *
 * Queries: AND across words, OR across each word's tiered candidates, BM25F scores
 * times tier weight; typo-only matches are flagged approximate and ranked after
 * confident ones; quoted phrases and exact mode are verified against the stored
 * text; each result carries a snippet with highlights on the original characters
 * and the offset of its first match in the canonical text.
 */
import type { Vocabulary } from '../../common/text/query-expansion.js';
import { didYouMean } from './did-you-mean.js';
import { DocTable } from './doc-table.js';
import { analyzeDoc, FIELD_COUNT, termsOfStored } from './fields.js';
import { buildFilter } from './filters.js';
import { findInText } from './find-in-text.js';
import { type IndexSnapshot, type LoadedSnapshot, openTextFile, readIndexFile, writeIndexFile } from './persistence.js';
import { Postings } from './postings.js';
import { QueryExecutor } from './query-exec.js';
import { listFiltered } from './result-builder.js';
import { runSearch } from './search-run.js';
import { TermDictionary } from './term-dictionary.js';
import { TextStore } from './text-store.js';
import type { Range, SearchDoc, SearchOptions, SearchResponse } from './types.js';

const DEFAULT_LIMIT = 20;
/** Compact on its own once removed documents outnumber live ones (memory bound). */
const AUTO_COMPACT_DEAD_RATIO = 1;

export class SearchIndex {
  private dict = new TermDictionary();
  private postings = new Postings();
  private docs = new DocTable();
  private texts = new TextStore();
  private readonly executor = new QueryExecutor();
  /** Counts renumberings, so a save can tell whether its doc numbers still hold. */
  private compactions = 0;

  static build(docs: Iterable<SearchDoc>): SearchIndex {
    const index = new SearchIndex();
    for (const doc of docs) index.upsert(doc);
    index.compact();
    return index;
  }

  get size(): number {
    return this.docs.liveCount;
  }

  has(id: string): boolean {
    return this.docs.numberOf(id) !== undefined;
  }

  /** The ids of the indexed articles. */
  ids(): IterableIterator<string> {
    return this.docs.ids();
  }

  vocabulary(): Vocabulary {
    return this.dict;
  }

  upsert(doc: SearchDoc): void {
    this.remove(doc.id);
    const analyzed = analyzeDoc(doc);
    const number = this.docs.add(
      {
        id: doc.id,
        ...(doc.externalId === undefined ? {} : { externalId: doc.externalId }),
        title: doc.title,
        tags: [...doc.tags],
        source: doc.source,
        published: doc.published,
        colors: doc.highlights.map((h) => h.color),
      },
      analyzed.lengths,
    );
    this.texts.add(number, analyzed.canonical, analyzed.extra, analyzed.sequence);
    for (const [term, packed] of analyzed.terms) {
      const id = this.dict.intern(term);
      this.postings.append(id, number, packed);
      this.dict.addDf(id, 1);
    }
  }

  remove(id: string): boolean {
    const number = this.docs.numberOf(id);
    if (number === undefined) return false;
    for (const term of termsOfStored(this.texts.canonical(number), this.texts.extra(number))) {
      const termId = this.dict.idOf(term);
      if (termId >= 0) this.dict.addDf(termId, -1);
    }
    this.docs.remove(number);
    this.texts.drop(number);
    const dead = this.docs.count - this.docs.liveCount;
    if (dead > 1000 && dead > this.docs.liveCount * AUTO_COMPACT_DEAD_RATIO) this.compact();
    return true;
  }

  /** What was added since the last save or compaction and is held in memory only (texts, appended postings). */
  pendingMemory(): { textBytes: number; postings: number } {
    return { textBytes: this.texts.ownBytes, postings: this.postings.appendedTotal };
  }

  findInText(text: string, query: string, exact = false): Range[] {
    return findInText(text, query, exact);
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const filter = buildFilter(this.docs, options);
    const parts = { dict: this.dict, postings: this.postings, docs: this.docs, texts: this.texts };
    const run = runSearch(parts, this.executor, query, options, limit, filter);
    const response: SearchResponse = { results: run.results };
    const suggestion = didYouMean(parts, run.plan);
    if (suggestion !== undefined) response.didYouMean = suggestion;
    if (run.searched) response.searched = run.searched;
    if (run.plan.words.length === 0) response.results = filter ? listFiltered(parts, filter, limit) : [];
    return response;
  }

  /** Drops removed documents and unused terms; renumbers densely; merges appended postings. */
  compact(): void {
    const count = this.docs.count;
    if (count === this.docs.liveCount && this.postings.appendedTotal === 0) return;
    this.compactions += 1;
    const docMap = new Int32Array(count);
    let live = 0;
    for (let doc = 0; doc < count; doc += 1) docMap[doc] = this.docs.alive[doc] ? live++ : -1;
    const { terms, df } = this.dict.snapshot();
    const termOrder: number[] = [];
    for (let id = 0; id < terms.length; id += 1) if (df[id]! > 0) termOrder.push(id);
    termOrder.sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
    const sortedTerms = termOrder.map((id) => terms[id]!);
    const sortedDf = Int32Array.from(termOrder, (id) => df[id]!);
    this.postings = this.postings.compacted(docMap, termOrder);
    this.texts = this.texts.renumbered(docMap, live);
    const docs = new DocTable();
    for (let doc = 0; doc < count; doc += 1) {
      if (docMap[doc]! < 0) continue;
      docs.add(this.docs.metas[doc]!, this.docs.lengths.subarray(doc * FIELD_COUNT, (doc + 1) * FIELD_COUNT));
    }
    this.docs = docs;
    this.dict = new TermDictionary(sortedTerms, sortedDf, true);
  }

  /**
   * Compacts, then writes the index durably to `dir`/search-v<ANALYZER_VERSION>.bin;
   * returns the file path. Afterwards the texts are served from that file again, so
   * their memory is released.
   */
  async save(dir: string): Promise<string> {
    this.compact();
    const compactions = this.compactions;
    const snapshot = this.snapshot();
    const { path, textPosition, written } = await writeIndexFile(dir, snapshot, this.texts);
    // Unless the index was renumbered meanwhile, read the saved texts from the new file.
    if (this.compactions === compactions) this.texts = this.texts.rebased(openTextFile(path, written, textPosition), snapshot.metas.length);
    return path;
  }

  /**
   * The saved index, or null when missing, damaged or built by another analyzer
   * version. The index keeps its file open to read result texts on demand: call
   * close() when done with it.
   */
  static async load(dir: string): Promise<SearchIndex | null> {
    const snapshot = await readIndexFile(dir);
    return snapshot ? SearchIndex.fromSnapshot(snapshot) : null;
  }

  /** True once a text read from the saved file failed its checksum: rebuild the index. */
  get damaged(): boolean {
    return this.texts.damaged;
  }

  /** Releases the saved index file (after load or save). The index must not be used afterwards. */
  close(): void {
    this.texts.close();
  }

  private snapshot(): IndexSnapshot {
    const metas = this.docs.metas.map((meta) => meta!);
    const { terms, df } = this.dict.snapshot();
    return { metas, lengths: this.docs.lengths.subarray(0, metas.length * FIELD_COUNT), terms, df, postings: this.postings.base };
  }

  private static fromSnapshot(snapshot: LoadedSnapshot): SearchIndex {
    const index = new SearchIndex();
    index.dict = new TermDictionary(snapshot.terms as string[], snapshot.df, true);
    index.postings = new Postings(snapshot.postings);
    index.texts = new TextStore(snapshot.text);
    snapshot.metas.forEach((meta, doc) => index.docs.add(meta, snapshot.lengths.subarray(doc * FIELD_COUNT, (doc + 1) * FIELD_COUNT)));
    return index;
  }
}

export { findInText };
