/**
 * The indexed fields, their weights, and how one document becomes per-term field
 * frequencies. Each posting packs the six per-field term frequencies into one
 * 32-bit word: body in 8 bits (saturating at 255), the five short fields in 4 bits
 * each (saturating at 15). BM25 saturates long before those caps, and one word per
 * posting keeps the index compact.
 */
import { tokenize } from '../../common/text/tokenize.js';
import { BLOCK_SEPARATOR, canonicalText } from '../../common/types/article.js';
import type { SearchDoc } from './types.js';
import { SEPARATOR, wordHash } from './word-sequence.js';

export const Field = { Body: 0, Title: 1, Headings: 2, Highlights: 3, Notes: 4, Tags: 5 } as const;
export const FIELD_COUNT = 6;

const SHIFT = [0, 8, 12, 16, 20, 24];
const MAX = [255, 15, 15, 15, 15, 15];

/** How much one occurrence in each field counts (title and tags say what an article is about). */
export const FIELD_WEIGHT = Float64Array.of(1, 3, 2, 2, 1.5, 3);
/** BM25 length normalisation per field: full for the body, mild for short fields. */
export const FIELD_B = Float64Array.of(0.75, 0.5, 0.5, 0.5, 0.5, 0.3);

export function fieldTf(packed: number, field: number): number {
  return (packed >>> SHIFT[field]!) & MAX[field]!;
}

/** Adds one occurrence in `field` to a packed value, saturating. */
function bump(packed: number, field: number): number {
  return fieldTf(packed, field) >= MAX[field]! ? packed : packed + (1 << SHIFT[field]!);
}

export interface AnalyzedDoc {
  /** normalized term → packed field frequencies */
  terms: Map<string, number>;
  /** token count per field */
  lengths: number[];
  /** The canonical text (blocks joined by a blank line). */
  canonical: string;
  /** Title, tags, highlights and notes, joined by blank lines. */
  extra: string;
  /** Word hashes of the canonical text, a separator, then of the extra text (word-sequence.ts). */
  sequence: number[];
}

const PIECE_SEPARATOR = BLOCK_SEPARATOR;

/**
 * Tokenizes `pieces` joined by blank lines in ONE call and credits each token to its
 * piece's field. Removal re-tokenizes the same joined strings (termsOfStored), so the
 * terms taken out are exactly the terms put in.
 */
function addPieces(doc: AnalyzedDoc, joined: string, pieces: readonly { length: number; field: number }[]): void {
  let piece = 0;
  let pieceEnd = pieces.length > 0 ? pieces[0]!.length : 0;
  for (const token of tokenize(joined)) {
    while (piece < pieces.length - 1 && token.start >= pieceEnd) {
      piece += 1;
      pieceEnd += PIECE_SEPARATOR.length + pieces[piece]!.length;
    }
    const field = pieces[piece]!.field;
    doc.lengths[field]! += 1;
    doc.terms.set(token.norm, bump(doc.terms.get(token.norm) ?? 0, field));
    doc.sequence.push(wordHash(token.norm));
  }
}

/** Tokenizes every field of a document. */
export function analyzeDoc(doc: SearchDoc): AnalyzedDoc {
  const extras = [
    { text: doc.title, field: Field.Title },
    ...doc.tags.map((text) => ({ text, field: Field.Tags })),
    ...doc.highlights.map((h) => ({ text: h.text, field: Field.Highlights })),
    ...doc.notes.map((text) => ({ text, field: Field.Notes })),
  ];
  const analyzed: AnalyzedDoc = {
    terms: new Map(),
    lengths: new Array<number>(FIELD_COUNT).fill(0),
    canonical: canonicalText(doc.blocks),
    extra: extras.map((e) => e.text).join(PIECE_SEPARATOR),
    sequence: [],
  };
  addPieces(analyzed, analyzed.canonical, doc.blocks.map((b) => ({ length: b.text.length, field: b.kind === 'heading' ? Field.Headings : Field.Body })));
  analyzed.sequence.push(SEPARATOR);
  addPieces(analyzed, analyzed.extra, extras.map((e) => ({ length: e.text.length, field: e.field })));
  return analyzed;
}

/** The set of terms of a stored document, for decrementing document frequencies on removal. */
export function termsOfStored(canonical: string, extra: string): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(canonical)) terms.add(token.norm);
  for (const token of tokenize(extra)) terms.add(token.norm);
  return terms;
}
