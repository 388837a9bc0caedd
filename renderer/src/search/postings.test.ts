import { describe, expect, it } from 'vitest';
import { Postings } from './postings';

describe('Postings', () => {
  it('answers get, set, delete, size and iteration as a Map of the same records would', () => {
    const postings = new Postings();
    const map = new Map<number, number>();
    let seed = 3;
    const random = (below: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below;
    let next = 0;
    for (let step = 0; step < 5_000; step++) {
      const choice = random(10);
      if (choice < 4) {
        next += 1 + random(3);
        postings.append(next, 1 + random(9));
        map.set(next, postings.get(next)!);
      } else if (choice < 6 && map.size) {
        const id = [...map.keys()][random(map.size)]!;
        expect(postings.delete(id)).toBe(true);
        map.delete(id);
      } else if (choice < 8) {
        const id = random(next + 1);
        const count = 1 + random(9);
        postings.set(id, count);
        map.set(id, count);
      } else {
        const id = random(next + 5);
        expect(postings.get(id)).toBe(map.get(id));
        expect(postings.has(id)).toBe(map.has(id));
      }
      expect(postings.size).toBe(map.size);
    }
    const sorted = [...map].sort(([a], [b]) => a - b);
    expect([...postings]).toEqual(sorted);
    expect([...postings.keys()]).toEqual(sorted.map(([id]) => id));
    expect(postings.toArrays()).toEqual({ ids: sorted.map(([id]) => id), counts: sorted.map(([, count]) => count) });
    expect(Object.fromEntries(postings)).toEqual(Object.fromEntries(map));
  });

  it('goes on iterating correctly while records are deleted, as MiniSearch does when cleaning up', () => {
    const postings = new Postings([1, 2, 3, 4, 5, 6], [1, 1, 2, 1, 3, 1]);
    const seen: number[] = [];
    for (const [id] of postings) {
      seen.push(id);
      if (id % 2 === 0) postings.delete(id);
      if (id === 3) postings.delete(5);
    }
    expect(seen).toEqual([1, 2, 3, 4, 6]);
    expect([...postings.keys()]).toEqual([1, 3]);
    expect(postings.get(3)).toBe(2);
    expect(postings.get(2)).toBeUndefined();
  });
});
