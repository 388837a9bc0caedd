import { describe, expect, it } from 'vitest';
import type { CasebookDB } from '../../renderer/src/db/schema';
import { createTag } from '../../renderer/src/domain';
import { danglingLinks, snapshot } from '../../tests/unit/database';
import { withArchivedCase, type FullerCase } from '../../tests/unit/archive';
import type { RichTextNode } from '../domain';
import { checkReferences } from './references';
import { ARCHIVED_TABLES, binaryFields, parseArchivedRow, type ArchivedCase, type ArchivedFileRef } from './records';
import { remapCase } from './remap';

let db: CasebookDB;
let seeded: FullerCase;
let archive: ArchivedCase;
withArchivedCase((fresh) => ({ db, seeded, archive } = fresh));

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const idsIn = (value: unknown): Set<string> => new Set(JSON.stringify(value).match(UUID));

const remapped = (rows = archive, name = 'Harbour charter (2)', firstSeq = 1000) =>
  remapCase(rows, () => crypto.randomUUID(), crypto.randomUUID(), name, { firstSeq });

/** Every node of a text, depth first. */
const nodesOf = (node: RichTextNode): RichTextNode[] => [node, ...(node.content ?? []).flatMap(nodesOf)];

describe('remapCase', () => {
  it('leaves no id of the archive anywhere in the case, and every row still valid', () => {
    const old = idsIn(archive);
    expect(old.size).toBeGreaterThan(30);
    const result = remapped();
    const json = JSON.stringify(result);
    expect([...old].filter((id) => json.includes(id))).toEqual([]);
    for (const table of ARCHIVED_TABLES) {
      expect(result[table], table).toHaveLength(archive[table].length);
      for (const row of result[table]) expect(parseArchivedRow(table, row), table).toEqual({ ok: row });
    }
  });

  it('rewrites every reference consistently: they all still resolve', () => {
    expect(checkReferences(archive)).toEqual([]);
    expect(checkReferences(remapped())).toEqual([]);
  });

  it('gives two imports of one archive ids apart from each other', () => {
    const first = idsIn(remapped(archive, 'Harbour charter (2)'));
    const second = idsIn(remapped(archive, 'Harbour charter (3)'));
    expect([...first].filter((id) => second.has(id))).toEqual([]);
  });

  it('puts the whole case in the new case, under its new name', () => {
    const caseId = crypto.randomUUID();
    const result = remapCase(archive, () => crypto.randomUUID(), caseId, '  Harbour   charter (2) ', { firstSeq: 1 });
    expect(result.cases).toEqual([{ ...archive.cases[0], id: caseId, name: 'Harbour charter (2)', nameKey: 'harbour charter (2)' }]);
    for (const table of ARCHIVED_TABLES)
      for (const row of result[table]) expect((row as { caseId?: string }).caseId ?? caseId, table).toBe(caseId);
  });

  it('points mentions, quotes and images in rich text at the new records', () => {
    const result = remapped();
    const person = result.entities.find((entity) => entity.name === seeded.person.name)!;
    const payment = result.events.find((event) => event.title === 'Payment to Corran Bay')!;
    const excerpt = result.excerpts.find((row) => row.quote === seeded.excerpt.quote)!;
    const leads = nodesOf(result.notes.find((note) => note.title === 'Leads on Quayline')!.body as RichTextNode);
    const mentioned = leads.filter((node) => node.type === 'recordLink').map((node) => node.attrs!.id);
    expect(mentioned[0]).toBe(person.id);
    expect(mentioned[2]).toBe(payment.id);
    expect(leads.find((node) => node.type === 'excerptQuote')!.attrs!.id).toBe(excerpt.id);
    // The entity deleted since keeps one new id, in the text and in the history that names it.
    const ghost = mentioned[1] as string;
    expect(result.entities.some((entity) => entity.id === ghost)).toBe(false);
    expect(result.history.some((entry) => entry.records.some((ref) => ref.id === ghost))).toBe(true);
    const image = nodesOf(result.notes.find((note) => note.title === 'Open questions')!.body as RichTextNode).find((node) => node.type === 'image')!;
    expect(image.attrs!.src).toBe(`attachment:${result.attachments[0]!.id}`);
  });

  it('rewrites the ids that keys are made of', () => {
    const result = remapped();
    const scan = result.documents.find((document) => document.title === 'Charter (scan)')!;
    expect(result.recognisedPages[0]).toMatchObject({ id: `${scan.id}:1`, documentId: scan.id });
    expect(result.documentFiles.map((file) => file.id).sort()).toEqual(result.documents.map((document) => document.id).sort());
    const log = result.documents.find((document) => document.title === seeded.document.title)!;
    expect(result.dismissedSuggestions.some((row) => row.type === 'date in text' && row.key.startsWith(`${log.id}\u0001`))).toBe(true);
    expect(Object.keys(result.chartLayouts[0]!.positions).every((id) => result.entities.some((entity) => entity.id === id))).toBe(true);
  });

  it('numbers the history on from firstSeq, in order, each undo naming the entry it undid', () => {
    const result = remapped(archive, 'Harbour charter (2)', 500);
    expect(result.history.map((entry) => entry.seq)).toEqual(archive.history.map((_, index) => 500 + index));
    expect(result.history.map((entry) => entry.summary)).toEqual([...archive.history].sort((a, b) => a.seq - b.seq).map((entry) => entry.summary));
    const undo = result.history.find((entry) => entry.undoes !== undefined)!;
    expect(result.history.find((entry) => entry.seq === undo.undoes)!.summary).toMatch(/^Merged /);
    expect(() => remapCase(archive, () => crypto.randomUUID(), 'c', 'n', { firstSeq: 0 })).toThrow(RangeError);
  });

  it('refuses new ids that repeat, rather than let one record overwrite another', () => {
    expect(() => remapCase(archive, () => 'same', 'case', 'Harbour charter (2)', { firstSeq: 1 })).toThrow(/given twice/);
  });
});

describe('a remapped case written beside the one it came from', () => {
  it('is a second, whole case, and the history numbers on after it', async () => {
    const files = new Map<string, { bytes: Uint8Array; type: string }>();
    for (const [table, rows] of Object.entries(await snapshot(db)))
      for (const row of rows as Record<string, unknown>[])
        for (const field of binaryFields(table as (typeof ARCHIVED_TABLES)[number])) {
          const blob = row[field] as { blobType: string; bytes: Uint8Array };
          files.set(JSON.stringify([...blob.bytes]), { bytes: blob.bytes, type: blob.blobType });
        }
    const bytesOf = (ref: ArchivedFileRef) => {
      const found = [...files.values()].find((file) => file.bytes.byteLength === ref.size && file.type === (ref.type ?? ''))!;
      return new Blob([found.bytes as Uint8Array<ArrayBuffer>], { type: found.type });
    };
    const firstSeq = ((await db.history.orderBy('seq').lastKey()) as number) + 1;
    const copy = remapCase(archive, () => crypto.randomUUID(), crypto.randomUUID(), 'Harbour charter (2)', { firstSeq });
    await db.transaction('rw', db.tables, async () => {
      for (const table of ARCHIVED_TABLES) {
        const rows = (copy[table] as Record<string, unknown>[]).map((row) => {
          const stored = { ...row };
          for (const field of binaryFields(table)) stored[field] = bytesOf(row[field] as ArchivedFileRef);
          return stored;
        });
        await db.table(table).bulkAdd(rows);
      }
    });
    const newCaseId = copy.cases[0]!.id;
    for (const table of ARCHIVED_TABLES) {
      if (table === 'cases') continue;
      const count = await db.table(table).where('caseId').equals(newCaseId).count();
      expect(count, table).toBe(archive[table].length);
    }
    expect(await danglingLinks(db)).toEqual([]);
    await createTag(db, newCaseId, { name: 'After the import' });
    const last = await db.history.orderBy('seq').last();
    expect(last).toMatchObject({ caseId: newCaseId, seq: firstSeq + archive.history.length });
  });
});
