/**
 * One term's postings in one field: which records hold it and how often. MiniSearch keeps them in a Map per term and
 * field; this class answers the same calls (`get`, `set`, `delete`, `size`, `keys()` and iteration, deletions during
 * iteration included) from two arrays sorted by record number, which take a fraction of the memory and are filled by
 * appending, since records are numbered in the order they are added.
 */
export class Postings {
  /** Record numbers, ascending; a removed record keeps its place with a count of 0 until the arrays are compacted. */
  private ids: number[];
  private counts: number[];
  private removed = 0;
  /** Where the last lookup or iteration was, so reading a record's count right after visiting it costs nothing. */
  private cursor = 0;

  constructor(ids: number[] = [], counts: number[] = []) {
    this.ids = ids;
    this.counts = counts;
  }

  get size(): number {
    return this.ids.length - this.removed;
  }

  /** Adds a record numbered above every record here. */
  append(id: number, count: number): void {
    if (this.removed > 16 && this.removed * 2 > this.ids.length) this.compact();
    this.ids.push(id);
    this.counts.push(count);
  }

  get(id: number): number | undefined {
    const at = this.find(id);
    return at >= 0 ? this.counts[at] : undefined;
  }

  has(id: number): boolean {
    return this.find(id) >= 0;
  }

  set(id: number, count: number): this {
    const last = this.ids.length - 1;
    if (last < 0 || id > this.ids[last]!) {
      this.append(id, count);
      return this;
    }
    const at = this.position(id);
    if (this.ids[at] === id) {
      if (this.counts[at] === 0) this.removed--;
      this.counts[at] = count;
    } else {
      this.ids.splice(at, 0, id);
      this.counts.splice(at, 0, count);
    }
    return this;
  }

  delete(id: number): boolean {
    const at = this.find(id);
    if (at < 0) return false;
    this.counts[at] = 0;
    this.removed++;
    return true;
  }

  /** Calls `visit` with each record and count, in order: the quick way through, for ranking. */
  each(visit: (id: number, count: number) => void): void {
    const { ids, counts } = this;
    for (let at = 0; at < ids.length; at++) if (counts[at] !== 0) visit(ids[at]!, counts[at]!);
  }

  keys(): IterableIterator<number> {
    return this.walk((at) => this.ids[at]!);
  }

  entries(): IterableIterator<[number, number]> {
    return this.walk((at) => [this.ids[at]!, this.counts[at]!]);
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  /** The records and counts as two arrays, removed records left out: the arrays themselves, to read, not change. */
  toArrays(): { ids: readonly number[]; counts: readonly number[] } {
    this.compact();
    return { ids: this.ids, counts: this.counts };
  }

  /** Index of a record here (not removed), or -1. */
  private find(id: number): number {
    const at = this.ids[this.cursor] === id ? this.cursor : this.position(id);
    if (this.ids[at] !== id || this.counts[at] === 0) return -1;
    this.cursor = at;
    return at;
  }

  /** Index of the first record numbered `id` or above. */
  private position(id: number): number {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ids[middle]! < id) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private compact(): void {
    if (!this.removed) return;
    let kept = 0;
    for (let at = 0; at < this.ids.length; at++)
      if (this.counts[at] !== 0) {
        this.ids[kept] = this.ids[at]!;
        this.counts[kept++] = this.counts[at]!;
      }
    this.ids.length = kept;
    this.counts.length = kept;
    this.removed = 0;
    this.cursor = 0;
  }

  /** Iterates over the records not removed, reading each as it comes, so those removed meanwhile are skipped. */
  private walk<T>(read: (at: number) => T): IterableIterator<T> {
    let at = 0;
    const next = (): IteratorResult<T> => {
      while (at < this.ids.length && this.counts[at] === 0) at++;
      if (at >= this.ids.length) return { done: true, value: undefined };
      this.cursor = at;
      return { done: false, value: read(at++) };
    };
    const iterator: IterableIterator<T> = { next, [Symbol.iterator]: () => iterator };
    return iterator;
  }
}
