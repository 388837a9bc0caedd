import { describe, expect, it } from 'vitest';
import { copyOf, withArchivedCase, type FullerCase } from '../../tests/unit/archive';
import type { Excerpt, Note, TimelineEvent } from '../domain';
import { TOLERATED } from './ids';
import { checkReferences, referencesOf } from './references';
import type { ArchivedCase } from './records';

let seeded: FullerCase;
let archive: ArchivedCase;
withArchivedCase((fresh) => ({ seeded, archive } = fresh));

const short = (id: string) => `${id.slice(0, 8)}…`;
const paymentOf = (rows: ArchivedCase) => rows.events.find((event) => event.id === seeded.paymentId)!;

describe('referencesOf', () => {
  it('lists what an event points to: place, participants, evidence, tags, the same happening, its case', () => {
    const payment = paymentOf(archive);
    const references = referencesOf('events', payment);
    const named = (field: string) => references.find((reference) => reference.field === field);
    expect(named('placeId')).toMatchObject({ table: 'entities', id: payment.placeId });
    expect(named('participants[0].entityId')).toMatchObject({ table: 'entities', id: seeded.quaylineId });
    expect(named('evidenceIds[0]')).toMatchObject({ table: 'excerpts', id: seeded.excerpt.id, says: 'cites' });
    expect(named('sameAs')).toMatchObject({ table: 'events' });
    expect(named('caseId')).toMatchObject({ table: 'cases', id: seeded.caseFile.id });
    expect(named('tags[0]')).toMatchObject({ table: 'tags', tolerated: TOLERATED.eventTags });
    expect(references.some((reference) => reference.field === 'id')).toBe(false);
  });

  it('finds mentions, quotes and images inside rich text, as references that may dangle', () => {
    const note = archive.notes.find((row) => row.title === 'Leads on Quayline')!;
    const inText = referencesOf('notes', note).filter((reference) => reference.field.startsWith('body'));
    expect(inText).toEqual([
      { table: 'entities', id: seeded.person.id, field: 'body (a mention)', says: 'mentions', tolerated: TOLERATED.mention },
      { table: 'entities', id: seeded.ghostId, field: 'body (a mention)', says: 'mentions', tolerated: TOLERATED.mention },
      { table: 'events', id: seeded.paymentId, field: 'body (a mention)', says: 'mentions', tolerated: TOLERATED.mention },
      { table: 'excerpts', id: seeded.excerpt.id, field: 'body (a quote)', says: 'quotes', tolerated: TOLERATED.mention },
    ]);
    const withImage = archive.notes.find((row) => row.title === 'Open questions')!;
    expect(referencesOf('notes', withImage)).toContainEqual(
      expect.objectContaining({ table: 'attachments', id: archive.attachments[0]!.id, tolerated: TOLERATED.image }),
    );
  });

  it('reads the ids in keys: a dismissed date’s document, the chart’s entities, the report’s selection', () => {
    const dismissedDate = archive.dismissedSuggestions.find((row) => row.type === 'date in text' && row.key.startsWith(seeded.document.id))!;
    expect(referencesOf('dismissedSuggestions', dismissedDate)).toContainEqual(expect.objectContaining({ table: 'documents', id: seeded.document.id, field: 'key' }));
    expect(referencesOf('chartLayouts', archive.chartLayouts[0]!).map((reference) => reference.id)).toEqual(
      expect.arrayContaining([seeded.person.id, seeded.organisation.id]),
    );
    expect(referencesOf('reportOptions', archive.reportOptions[0]!)).toContainEqual(
      expect.objectContaining({ table: 'notes', id: seeded.note.id, field: 'options.selection.noteIds[0]', tolerated: TOLERATED.reportSelection }),
    );
  });
});

describe('checkReferences', () => {
  it('finds nothing dangling in a lived-in case, whatever Casebook itself leaves behind', () => {
    expect(checkReferences(archive)).toEqual([]);
    // What it left behind, on purpose: each would be an error if it were not tolerated.
    const ids = new Set(archive.entities.map((entity) => entity.id));
    expect(ids.has(seeded.ghostId)).toBe(false);
    expect(JSON.stringify(archive.notes)).toContain(seeded.ghostId);
    expect(archive.documents.some((document) => document.id === seeded.deletedDocumentId)).toBe(false);
    expect(archive.dismissedSuggestions.some((row) => row.key.startsWith(seeded.deletedDocumentId))).toBe(true);
    expect(archive.excerpts.find((excerpt) => excerpt.detachedFrom)).toMatchObject({ documentId: null, detachedFrom: { title: 'Deck log' } });
    expect(paymentOf(archive).tags.filter((tag) => !archive.tags.some((row) => row.id === tag))).toHaveLength(1);
    expect(archive.history.some((entry) => entry.undo && !ids.has(entry.undo.mergedIds[0]!))).toBe(true);
  });

  it('says which event cites an excerpt that is not in the archive', () => {
    const rows = copyOf(archive);
    rows.excerpts = rows.excerpts.filter((excerpt) => excerpt.id !== seeded.excerpt.id);
    const problems = checkReferences(rows);
    expect(problems).toContain(
      `Event “Payment to Corran Bay” cites excerpt ${short(seeded.excerpt.id)}, which is not in the archive (evidenceIds[0]).`,
    );
    expect(problems).toContain(`Event “Charter signed” cites excerpt ${short(seeded.excerpt.id)}, which is not in the archive (evidenceIds[0]).`);
    // Links and relationships pointing at it too; the note quoting it is no problem.
    expect(problems.some((problem) => problem.startsWith('Relationship') && problem.includes('is supported by excerpt'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('Note'))).toBe(false);
  });

  it('refuses what the domain never leaves dangling: a parent folder, a tag of the codebook, a type of the case’s own', () => {
    const rows = copyOf(archive);
    rows.noteFolders = [];
    rows.entityTypes = [];
    rows.tags = rows.tags.filter((tag) => tag.name !== 'Payments');
    const problems = checkReferences(rows);
    expect(problems).toContain(`Note “Open questions” is in notes folder ${short(seeded.note.parentId!)}, which is not in the archive (parentId).`);
    expect(problems.some((problem) => /^Entity “@quayline” is of type entity type .+, which is not in the archive \(type\)\.$/.test(problem))).toBe(true);
    expect(problems.some((problem) => /^Entity “@quayline” is tagged with tag .+ \(tags\[0\]\)\.$/.test(problem))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('Dismissed suggestion'))).toBe(false);
    // Events keep tags gone (deleting a tag leaves them there): tolerated, whichever tag it is.
    expect(problems.some((problem) => problem.startsWith('Event'))).toBe(false);
  });

  it('refuses rows of another case, two records under one id, and an undo of an entry not there', () => {
    const rows = copyOf(archive);
    (rows.excerpts.find((excerpt) => excerpt.id === seeded.excerpt.id) as Excerpt).caseId = 'another-case';
    rows.notes.push({ ...(rows.notes[0] as Note), title: 'A copy' });
    const undoing = rows.history.find((entry) => entry.undoes !== undefined)!;
    rows.history = rows.history.filter((entry) => entry.seq !== undoing.undoes);
    const problems = checkReferences(rows);
    expect(problems).toContain(`Excerpt “Zoë Müller signed the…” belongs to case another-…, not to the archived case “Harbour charter”.`);
    expect(problems.some((problem) => /^Note .+ \(“.+”\) and Note .+ \(“A copy”\) are two note records with the same key\.$/.test(problem))).toBe(true);
    expect(problems.find((problem) => problem.startsWith(`History entry ${undoing.seq} `))).toMatch(
      new RegExp(`undoes history entry ${undoing.undoes}, which is not in the archive \\(undoes\\)\\.$`),
    );
  });

  it('refuses an original file that is not the one its document names', () => {
    const rows = copyOf(archive);
    const file = rows.documentFiles.find((row) => row.id === seeded.document.id)!;
    file.bytes = { ...file.bytes, file: 'f'.repeat(64) };
    expect(checkReferences(rows)).toEqual([
      `Document “Harbour master’s log” names an original of ${seeded.document.size} bytes with SHA-256 ${short(seeded.document.sha256)}, but the archive keeps ${seeded.document.size} bytes with SHA-256 ffffffff… for it.`,
    ]);
  });

  it('asks for exactly one case', () => {
    expect(checkReferences({ ...archive, cases: [] })).toEqual(['The archive holds 0 cases: it must hold exactly one.']);
  });

  it('refuses a link to a record gone, and an event placed at an entity gone', () => {
    const rows = copyOf(archive);
    const placeId = paymentOf(rows).placeId!;
    rows.entities = rows.entities.filter((entity) => entity.id !== placeId && entity.id !== seeded.organisation.id);
    const problems = checkReferences(rows);
    expect(problems).toContain(`Event “Payment to Corran Bay” takes place at entity ${short(placeId)}, which is not in the archive (placeId).`);
    expect(problems.some((problem) => /^Link .+ links to entity .+ \(to\)\.$/.test(problem))).toBe(true);
    expect(problems.some((problem) => /^Link chart arrangement places entity .+ \(positions\[".+"\]\)\.$/.test(problem))).toBe(true);
    expect((rows.events as TimelineEvent[]).length).toBeGreaterThan(0);
  });
});
