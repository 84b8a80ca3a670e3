/**
 * The best `limit` hits of one search, kept in rank order while candidates stream in: one number
 * per candidate (its score, then billable before header, then the shorter description) so most
 * candidates are turned away with a single comparison. A code offered twice (by its code and by
 * its words, or by an abbreviation) keeps its better rank. Equal ranks go in code order.
 *
 * @module
 */

export type MatchedBy = 'code' | 'words' | 'abbreviation';

/** Rank key: higher is better. Scores are integers well inside 2^30, so the key is exact. */
export function rankKey(score: number, billable: number, descriptionLength: number): number {
  return (score * 2 + billable) * 4096 + (4095 - Math.min(descriptionLength, 4095));
}

export class TopHits {
  readonly docs: number[] = [];
  readonly keys: number[] = [];
  readonly scores: number[] = [];
  readonly matchedBy: MatchedBy[] = [];

  constructor(
    private readonly limit: number,
    /** Code order of a document, for ties. */
    private readonly codeRank: (doc: number) => number,
  ) {}

  /** The key a candidate must beat once the list is full; -Infinity until then. */
  threshold(): number {
    return this.docs.length < this.limit ? -Infinity : this.keys[this.keys.length - 1]!;
  }

  private before(key: number, doc: number, i: number): boolean {
    const other = this.keys[i]!;
    return key > other || (key === other && this.codeRank(doc) < this.codeRank(this.docs[i]!));
  }

  offer(doc: number, key: number, score: number, by: MatchedBy): void {
    const last = this.docs.length - 1;
    if (this.limit === 0 || (last + 1 >= this.limit && !this.before(key, doc, last))) return;
    const existing = this.docs.indexOf(doc);
    if (existing >= 0) {
      if (!this.before(key, doc, existing)) return;
      this.remove(existing);
    }
    let at = this.docs.length;
    while (at > 0 && this.before(key, doc, at - 1)) at--;
    this.docs.splice(at, 0, doc);
    this.keys.splice(at, 0, key);
    this.scores.splice(at, 0, score);
    this.matchedBy.splice(at, 0, by);
    if (this.docs.length > this.limit) this.remove(this.docs.length - 1);
  }

  private remove(i: number): void {
    this.docs.splice(i, 1);
    this.keys.splice(i, 1);
    this.scores.splice(i, 1);
    this.matchedBy.splice(i, 1);
  }
}
