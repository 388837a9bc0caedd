import { describe, expect, it } from 'vitest';
import { ancestorsOf, placeTypedTag, tagCounts, tagPath, tagPathKey, withDescendants, wouldCycle } from './codebook';

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

describe('a tag typed as a path', () => {
  const named = (id: string, name: string, parentId: string | null) => ({ id, parentId, name });
  // Évidence › Arrests, and "Yes/No" at the top, whose name holds a separator.
  const CODEBOOK = [named('evidence', 'Évidence', null), named('arrests', 'Arrests', 'evidence'), named('yes-no', 'Yes/No', null)];

  it('compares paths name by name, whatever the separators, case and accents', () => {
    expect(tagPathKey('Évidence › Arrests')).toBe(tagPathKey(' evidence>ARRESTS '));
    expect(tagPathKey('Evidence / Arrests')).toBe(tagPathKey('Evidence›Arrests'));
    expect(tagPathKey('Evidence / Arrests')).not.toBe(tagPathKey('Evidence Arrests'));
  });

  it('goes at the top when no parent is typed', () => {
    expect(placeTypedTag(CODEBOOK, '  Harbour ')).toEqual({ name: 'Harbour', parent: null });
    expect(placeTypedTag(CODEBOOK, '› Harbour')).toEqual({ name: 'Harbour', parent: null });
  });

  it('goes under the tag its parent path names, typed with any separator, case or accents', () => {
    for (const typed of ['Évidence › Raids', 'evidence > Raids', 'EVIDENCE/Raids'])
      expect(placeTypedTag(CODEBOOK, typed)).toEqual({ name: 'Raids', parent: CODEBOOK[0] });
    expect(placeTypedTag(CODEBOOK, 'evidence > arrests > Night raids')).toEqual({ name: 'Night raids', parent: CODEBOOK[1] });
    expect(placeTypedTag(CODEBOOK, 'Yes / No › Maybe')).toEqual({ name: 'Maybe', parent: CODEBOOK[2] });
  });

  it('names the parent path typed when no tag has it', () => {
    expect(placeTypedTag(CODEBOOK, 'Evidnce > Raids')).toEqual({ name: 'Raids', missingParent: 'Evidnce' });
    expect(placeTypedTag(CODEBOOK, 'Arrests / Raids')).toEqual({ name: 'Raids', missingParent: 'Arrests' });
    expect(placeTypedTag(CODEBOOK, 'evidence>Raids>')).toEqual({ name: '', missingParent: 'evidence › Raids' });
  });
});
