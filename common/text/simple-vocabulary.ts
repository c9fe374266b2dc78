/**
 * A brute-force Vocabulary over a term → document-frequency map: for unit tests
 * and archives small enough that scanning every term per query is cheaper than
 * maintaining a radix tree. The map is read live, so the owner may keep updating it.
 */
import { editDistance } from './edit-distance.js';
import { arabicSkeletons } from './latin-skeleton.js';
import { tokenize } from './tokenize.js';
import type { Vocabulary } from './vocabulary.js';

export class SimpleVocabulary implements Vocabulary {
  private readonly docFreq: Map<string, number>;

  constructor(docFreq: Map<string, number>) {
    this.docFreq = docFreq;
  }

  /** Counts, for each normalized token, the number of texts (documents) containing it. */
  static fromTexts(texts: Iterable<string>): SimpleVocabulary {
    const docFreq = new Map<string, number>();
    for (const text of texts) {
      for (const term of new Set(tokenize(text).map((t) => t.norm))) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
    }
    return new SimpleVocabulary(docFreq);
  }

  docFrequency(term: string): number {
    return this.docFreq.get(term) ?? 0;
  }

  *termsWithPrefix(prefix: string, limit: number): Iterable<string> {
    if (limit <= 0) return;
    let count = 0;
    for (const term of this.docFreq.keys()) {
      if (!term.startsWith(prefix)) continue;
      yield term;
      count += 1;
      if (count >= limit) return;
    }
  }

  *termsWithin(term: string, maxEdits: number): Iterable<string> {
    for (const candidate of this.docFreq.keys()) {
      if (Math.abs(candidate.length - term.length) > maxEdits) continue;
      if (editDistance(term, candidate, maxEdits) <= maxEdits) yield candidate;
    }
  }

  *termsWithSkeleton(skeleton: string): Iterable<string> {
    for (const term of this.docFreq.keys()) if (arabicSkeletons(term).includes(skeleton)) yield term;
  }
}
