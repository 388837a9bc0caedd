import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseFile, Excerpt, Tag } from '../../../shared/domain';
import { TAG_COLOURS } from '../../../shared/codebook';
import type { CasebookDB } from '../db/schema';
import { codebookWithCounts, excerptsWithTag } from '../db/queries/tags';
import { rejection, snapshot, withCase } from '../../../tests/unit/database';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createExcerpt,
  createTag,
  deleteTag,
  describeTag,
  mergeTags,
  moveTag,
  recolourTag,
  renameTag,
  updateExcerpt,
} from '.';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

const tagsInCase = () => db.tags.where('caseId').equals(caseFile.id).toArray();
const tag = async (id: string) => (await db.tags.get(id))!;
const tagsOf = async (excerpt: Excerpt) => (await db.excerpts.get(excerpt.id))!.tags;
const lastHistory = async () => (await db.history.where('caseId').equals(caseFile.id).sortBy('seq')).at(-1)!;

/** Runs an operation expected to be refused: it fails with a message for `field`, and the database is unchanged. */
async function refused(operation: () => Promise<unknown>, field: string): Promise<string> {
  const before = await snapshot(db);
  const error = await rejection(operation(), ValidationError);
  expect(await snapshot(db)).toEqual(before);
  const message = error.messageFor(field);
  expect(message, `a message for ${field}: ${error.message}`).toBeTruthy();
  return message!;
}

const excerpt = (quote: string, tags: string[]) => createExcerpt(db, caseFile.id, { quote, tags });

describe('createTag', () => {
  it('adds a tag at the top of the codebook, then a sub-tag, each coloured in turn, with a history entry', async () => {
    const evidence = await createTag(db, caseFile.id, { name: '  Evidence ', description: 'What proves it.' });
    expect(evidence).toMatchObject({
      caseId: caseFile.id, parentId: null, name: 'Evidence', nameKey: 'evidence', colour: TAG_COLOURS[0], description: 'What proves it.',
    });
    const arrests = await createTag(db, caseFile.id, { name: 'Arrests', parentId: evidence.id, colour: '#ABCDEF' });
    expect(arrests).toMatchObject({ parentId: evidence.id, colour: '#abcdef' });
    expect(await tagsInCase()).toHaveLength(2);
    expect(await lastHistory()).toMatchObject({ action: 'create', summary: 'Added tag “Evidence › Arrests” to the codebook' });
  });

  it('refuses a name already used under the same parent, whatever its case and accents, naming where', async () => {
    const evidence = await createTag(db, caseFile.id, { name: 'Evidence' });
    await createTag(db, caseFile.id, { name: 'Arrêts', parentId: evidence.id });
    expect(await refused(() => createTag(db, caseFile.id, { name: 'ARRETS', parentId: evidence.id }), 'name')).toBe(
      'A tag named “Arrêts” already exists under “Evidence”. Choose another name, or use that tag.',
    );
    expect(await refused(() => createTag(db, caseFile.id, { name: 'évidence' }), 'name')).toBe(
      'A tag named “Evidence” already exists at the top of the codebook. Choose another name, or use that tag.',
    );
    // Under another parent, or in another case, the name is free.
    await expect(createTag(db, caseFile.id, { name: 'Arrêts' })).resolves.toMatchObject({ parentId: null });
    const other = await createCase(db, { name: 'Airport' });
    await expect(createTag(db, other.id, { name: 'Evidence' })).resolves.toMatchObject({ caseId: other.id });
  });

  it('refuses an empty name, a bad colour, a parent not in the case', async () => {
    expect(await refused(() => createTag(db, caseFile.id, { name: '   ' }), 'name')).toBe('Tag name cannot be empty.');
    expect(await refused(() => createTag(db, caseFile.id, { name: 'A', colour: 'red' }), 'colour')).toMatch(/#rrggbb/);
    const other = await createCase(db, { name: 'Airport' });
    const theirs = await createTag(db, other.id, { name: 'Theirs' });
    expect(await refused(() => createTag(db, caseFile.id, { name: 'A', parentId: theirs.id }), 'parentId')).toMatch(/no longer in the codebook/);
  });
});

describe('renaming, recolouring and describing', () => {
  let evidence: Tag;
  beforeEach(async () => {
    evidence = await createTag(db, caseFile.id, { name: 'Evidence' });
  });

  it('renames a tag, and its excerpts are written again (for search) and named in the history', async () => {
    const tagged = await excerpt('Raids at dawn', [evidence.id]);
    const renamed = await renameTag(db, evidence.id, ' Proof ');
    expect(renamed).toMatchObject({ name: 'Proof', nameKey: 'proof' });
    expect(await tag(evidence.id)).toEqual(renamed);
    expect(await lastHistory()).toMatchObject({
      action: 'update', summary: 'Renamed tag “Evidence” to “Proof”', records: [{ type: 'excerpt', id: tagged.id }],
    });
  });

  it('refuses a rename to a sibling’s name, but lets a tag change its own spelling', async () => {
    await createTag(db, caseFile.id, { name: 'Method' });
    expect(await refused(() => renameTag(db, evidence.id, 'méthod'), 'name')).toMatch(/“Method” already exists at the top/);
    await expect(renameTag(db, evidence.id, 'EVIDENCE')).resolves.toMatchObject({ name: 'EVIDENCE' });
  });

  it('recolours and describes', async () => {
    await recolourTag(db, evidence.id, '#15803D');
    await describeTag(db, evidence.id, ' Anything that proves a claim. ');
    expect(await tag(evidence.id)).toMatchObject({ colour: '#15803d', description: 'Anything that proves a claim.' });
    expect(await refused(() => recolourTag(db, evidence.id, '#12345'), '')).toMatch(/#rrggbb/);
  });

  it('says so when the tag is gone', async () => {
    await deleteTag(db, evidence.id, 'remove');
    await expect(rejection(renameTag(db, evidence.id, 'X'), NotFoundError)).resolves.toMatchObject({
      message: expect.stringMatching(/no longer in the codebook/),
    });
  });
});

describe('moveTag', () => {
  let evidence: Tag;
  let arrests: Tag;
  let dawn: Tag;
  beforeEach(async () => {
    evidence = await createTag(db, caseFile.id, { name: 'Evidence' });
    arrests = await createTag(db, caseFile.id, { name: 'Arrests', parentId: evidence.id });
    dawn = await createTag(db, caseFile.id, { name: 'Dawn raids', parentId: arrests.id });
  });

  it('moves a tag with its sub-tags under another tag, and back to the top', async () => {
    const people = await createTag(db, caseFile.id, { name: 'People' });
    await moveTag(db, arrests.id, people.id);
    expect(await tag(arrests.id)).toMatchObject({ parentId: people.id });
    expect(await tag(dawn.id)).toMatchObject({ parentId: arrests.id });
    expect(await lastHistory()).toMatchObject({ summary: 'Moved tag “Arrests” under “People”' });
    await moveTag(db, arrests.id, null);
    expect(await tag(arrests.id)).toMatchObject({ parentId: null });
  });

  it('refuses to make a tag its own ancestor', async () => {
    expect(await refused(() => moveTag(db, evidence.id, dawn.id), 'parentId')).toBe(
      '“Evidence” cannot go under “Evidence › Arrests › Dawn raids”: that tag is one of its own sub-tags.',
    );
    expect(await refused(() => moveTag(db, evidence.id, evidence.id), 'parentId')).toBe('“Evidence” cannot go under itself.');
  });

  it('refuses a move where a sibling already has the name', async () => {
    await createTag(db, caseFile.id, { name: 'Arrests' });
    expect(await refused(() => moveTag(db, arrests.id, null), 'name')).toMatch(/“Arrests” already exists at the top/);
  });
});

describe('mergeTags', () => {
  it('gives every excerpt of the merged tag the kept one, moves its sub-tags under it and deletes it', async () => {
    const arrests = await createTag(db, caseFile.id, { name: 'Arrests' });
    const detentions = await createTag(db, caseFile.id, { name: 'Detentions' });
    const dawn = await createTag(db, caseFile.id, { name: 'Dawn', parentId: detentions.id });
    const both = await excerpt('Held and arrested', [arrests.id, detentions.id]);
    const merged = await excerpt('Held overnight', [detentions.id, dawn.id]);
    const untouched = await excerpt('Quay', []);

    await mergeTags(db, detentions.id, arrests.id);
    expect(await db.tags.get(detentions.id)).toBeUndefined();
    expect(await tag(dawn.id)).toMatchObject({ parentId: arrests.id });
    expect(await tagsOf(both)).toEqual([arrests.id]);
    expect(await tagsOf(merged)).toEqual([arrests.id, dawn.id]);
    expect(await tagsOf(untouched)).toEqual([]);
    expect(await lastHistory()).toMatchObject({ summary: 'Merged tag “Detentions” into “Arrests” (2 excerpts)' });
  });

  it('merges sub-tags of the same name into each other, so nothing is lost', async () => {
    const a = await createTag(db, caseFile.id, { name: 'A' });
    const b = await createTag(db, caseFile.id, { name: 'B' });
    const aDawn = await createTag(db, caseFile.id, { name: 'Dawn', parentId: a.id });
    const bDawn = await createTag(db, caseFile.id, { name: 'dawn', parentId: b.id });
    const deep = await createTag(db, caseFile.id, { name: 'Deep', parentId: aDawn.id });
    const tagged = await excerpt('At dawn', [aDawn.id]);
    await mergeTags(db, a.id, b.id);
    expect((await tagsInCase()).map((t) => t.id).sort()).toEqual([b.id, bDawn.id, deep.id].sort());
    expect(await tag(deep.id)).toMatchObject({ parentId: bDawn.id });
    expect(await tagsOf(tagged)).toEqual([bDawn.id]);
  });

  it('keeps a tag merged with its own ancestor in the ancestor’s place, never under itself', async () => {
    const a = await createTag(db, caseFile.id, { name: 'A' });
    const b = await createTag(db, caseFile.id, { name: 'B', parentId: a.id });
    const c = await createTag(db, caseFile.id, { name: 'C', parentId: b.id });
    const tagged = await excerpt('Quote', [a.id]);
    await mergeTags(db, a.id, c.id);
    expect(await tag(c.id)).toMatchObject({ parentId: null });
    expect(await tag(b.id)).toMatchObject({ parentId: c.id });
    expect(await tagsOf(tagged)).toEqual([c.id]);
  });

  it('refuses a tag merged into itself or into a tag not in the codebook', async () => {
    const a = await createTag(db, caseFile.id, { name: 'A' });
    expect(await refused(() => mergeTags(db, a.id, a.id), 'keptId')).toMatch(/cannot be merged into itself/);
    const other = await createCase(db, { name: 'Airport' });
    const theirs = await createTag(db, other.id, { name: 'Theirs' });
    expect(await refused(() => mergeTags(db, a.id, theirs.id), 'keptId')).toMatch(/no longer in the codebook/);
  });
});

describe('deleteTag', () => {
  let evidence: Tag;
  let arrests: Tag;
  let dawn: Tag;
  beforeEach(async () => {
    evidence = await createTag(db, caseFile.id, { name: 'Evidence' });
    arrests = await createTag(db, caseFile.id, { name: 'Arrests', parentId: evidence.id });
    dawn = await createTag(db, caseFile.id, { name: 'Dawn raids', parentId: arrests.id });
  });

  it('removes the tag from its excerpts when asked, its sub-tags moving up', async () => {
    const tagged = await excerpt('Arrested', [arrests.id, dawn.id]);
    await deleteTag(db, arrests.id, 'remove');
    expect(await db.tags.get(arrests.id)).toBeUndefined();
    expect(await tag(dawn.id)).toMatchObject({ parentId: evidence.id });
    expect(await tagsOf(tagged)).toEqual([dawn.id]);
    expect(await lastHistory()).toMatchObject({
      action: 'delete', summary: 'Deleted tag “Evidence › Arrests” (1 excerpt untagged)', records: [{ type: 'excerpt', id: tagged.id }],
    });
  });

  it('gives its excerpts the parent tag when asked', async () => {
    const tagged = await excerpt('Arrested', [arrests.id]);
    const already = await excerpt('Both', [arrests.id, evidence.id]);
    await deleteTag(db, arrests.id, 'parent');
    expect(await tagsOf(tagged)).toEqual([evidence.id]);
    expect(await tagsOf(already)).toEqual([evidence.id]);
    expect(await lastHistory()).toMatchObject({ summary: 'Deleted tag “Evidence › Arrests” (2 excerpts given “Evidence”)' });
  });

  it('merges a sub-tag into its parent’s sibling of the same name as it moves up', async () => {
    const otherDawn = await createTag(db, caseFile.id, { name: 'Dawn raids', parentId: evidence.id });
    const tagged = await excerpt('Dawn', [dawn.id]);
    await deleteTag(db, arrests.id, 'remove');
    expect((await tagsInCase()).map((t) => t.name).sort()).toEqual(['Dawn raids', 'Evidence']);
    expect(await tagsOf(tagged)).toEqual([otherDawn.id]);
  });

  it('refuses to give a top tag’s excerpts a parent it does not have, and an unknown choice', async () => {
    expect(await refused(() => deleteTag(db, evidence.id, 'parent'), 'choice')).toBe(
      '“Evidence” is at the top of the codebook: there is no parent tag to give its excerpts. Choose to remove the tag from them.',
    );
    expect(await refused(() => deleteTag(db, evidence.id, 'keep' as never), '')).toMatch(/Choose whether/);
  });
});

describe('excerpts and the codebook', () => {
  it('refuses tags not in the case’s codebook when an excerpt is created or edited', async () => {
    const other = await createCase(db, { name: 'Airport' });
    const theirs = await createTag(db, other.id, { name: 'Theirs' });
    const message = /not in this case’s codebook/;
    expect(await refused(() => excerpt('Quote', [theirs.id]), 'tags')).toMatch(message);
    expect(await refused(() => excerpt('Quote', ['no-such-tag']), 'tags')).toMatch(message);
    const kept = await excerpt('Quote', []);
    expect(await refused(() => updateExcerpt(db, kept.id, { quote: 'Quote', tags: [theirs.id] }), 'tags')).toMatch(message);
  });

  it('counts excerpts per tag, own and with sub-tags, and finds a parent’s excerpts with its sub-tags’', async () => {
    const evidence = await createTag(db, caseFile.id, { name: 'Evidence' });
    const arrests = await createTag(db, caseFile.id, { name: 'Arrests', parentId: evidence.id });
    const raids = await createTag(db, caseFile.id, { name: 'Raids', parentId: evidence.id });
    const one = await excerpt('One', [arrests.id, raids.id]);
    const two = await excerpt('Two', [evidence.id]);
    await excerpt('Three', []);
    const counts = Object.fromEntries((await codebookWithCounts(db, caseFile.id)).map((t) => [t.name, [t.own, t.withSubTags]]));
    expect(counts).toEqual({ Evidence: [1, 2], Arrests: [1, 1], Raids: [1, 1] });
    expect((await excerptsWithTag(db, caseFile.id, evidence.id)).map((e) => e.id).sort()).toEqual([one.id, two.id].sort());
    expect((await excerptsWithTag(db, caseFile.id, raids.id)).map((e) => e.id)).toEqual([one.id]);
  });
});
