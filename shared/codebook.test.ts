import { describe, expect, it } from 'vitest';
import { ancestorsOf, tagCounts, tagPath, withDescendants, wouldCycle } from './codebook';

const tag = (id: string, parentId: string | null) => ({ id, parentId, name: id });
// evidence › arrests › raids, evidence › payments; people at the top.
const TAGS = [tag('evidence', null), tag('arrests', 'evidence'), tag('raids', 'arrests'), tag('payments', 'evidence'), tag('people', null)];

describe('the codebook as a tree', () => {
  it('finds a tag with every tag under it, at any depth', () => {
    expect(withDescendants(TAGS, 'evidence')).toEqual(new Set(['evidence', 'arrests', 'raids', 'payments']));
    expect(withDescendants(TAGS, 'raids')).toEqual(new Set(['raids']));
  });

  it('lists the tags above a tag, nearest first, and writes its path', () => {
    expect(ancestorsOf(TAGS, 'raids').map((found) => found.id)).toEqual(['arrests', 'evidence']);
    expect(tagPath(TAGS, 'raids')).toBe('evidence › arrests › raids');
    expect(tagPath(TAGS, 'missing')).toBe('');
  });

  it('says when a move would make a tag its own ancestor', () => {
    expect(wouldCycle(TAGS, 'evidence', 'raids')).toBe(true);
    expect(wouldCycle(TAGS, 'evidence', 'evidence')).toBe(true);
    expect(wouldCycle(TAGS, 'raids', 'payments')).toBe(false);
    expect(wouldCycle(TAGS, 'raids', null)).toBe(false);
  });

  it('counts excerpts per tag, with sub-tags, an excerpt once per tag however many of its sub-tags it has', () => {
    const counts = tagCounts(TAGS, [['raids', 'payments'], ['arrests'], ['people'], ['unknown']]);
    expect(counts.get('evidence')).toEqual({ own: 0, withSubTags: 2 });
    expect(counts.get('arrests')).toEqual({ own: 1, withSubTags: 2 });
    expect(counts.get('raids')).toEqual({ own: 1, withSubTags: 1 });
    expect(counts.get('people')).toEqual({ own: 1, withSubTags: 1 });
  });
});
