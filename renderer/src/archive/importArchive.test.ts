import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../../shared/archive/references';
import { seedRepresentativeCase, snapshot, withDatabase } from '../../../tests/unit/database';
import { honestly, rewritten } from '../../../tests/unit/archive';
import type { CasebookDB } from '../db/schema';
import { ARCHIVED_TABLES, archivedFileRef, binaryFields, parseArchivedRow, type ArchivedCase } from '../../../shared/archive/records';
import { createExcerpt } from '../domain';
import { ArchiveError, allRowsOf, readArchive, type ReadArchive } from './readArchive';
import { describeReplacement, importArchive, readCheckedArchive, type CheckedArchive } from './importArchive';
import { writeArchive } from './writeArchive';

let db: CasebookDB;
withDatabase((fresh) => (db = fresh));

async function exported(caseId: string): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await writeArchive(db, caseId, new WritableStream({ write: (chunk) => void chunks.push(chunk) }), { appVersion: '0.1.0' });
  return new Blob(chunks as BlobPart[]);
}

/** Every row of an archive as the database keeps it, its files read to bytes, history without its numbering: what must come back the same. */
async function contents(read: CheckedArchive) {
  const tables: Record<string, unknown[]> = {};
  for (const table of ARCHIVED_TABLES)
    tables[table] = await Promise.all(
      (await allRowsOf(read.fileName, table, read.records[table])).map(async (row) => {
        const out = { ...(parseArchivedRow(table, row) as { ok: Record<string, unknown> }).ok };
        for (const field of binaryFields(table)) {
          const reference = archivedFileRef.parse(out[field]);
          out[field] = { type: reference.type ?? '', bytes: [...new Uint8Array(await read.files.get(reference.file)!.arrayBuffer())] };
        }
        if (table === 'history') delete out.seq;
        return out;
      }),
    );
  return tables;
}

/** An archive's rows as it holds them (files as references), every table's. */
const archivedRows = async (read: ReadArchive): Promise<ArchivedCase> =>
  Object.fromEntries(await Promise.all(ARCHIVED_TABLES.map(async (table) => [table, await allRowsOf('archive', table, read.records[table])]))) as unknown as ArchivedCase;

describe('importing a .casebook archive', () => {
  it('replacing the case it came from, gives back every field of every record and every byte of every file', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const first = await readCheckedArchive(await exported(caseFile.id), 'first.casebook');
    await importArchive(db, first, { as: 'replace', caseId: caseFile.id });
    const again = await readCheckedArchive(await exported(caseFile.id), 'again.casebook');

    const [before, after] = [await contents(first), await contents(again)];
    for (const table of ARCHIVED_TABLES) {
      if (table === 'history') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    // History is only added to: the restore is its last entry.
    expect(after.history!.slice(0, -1)).toEqual(before.history);
    expect(after.history!.at(-1)).toMatchObject({ action: 'import', summary: expect.stringMatching(/^Restored the case from its archive of /) });
  });

  it('as a new case, twice: each a whole copy beside the original, with ids of its own and " (2)", " (3)" after its name', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await readCheckedArchive(await exported(caseFile.id), 'charter.casebook');
    const copy = await importArchive(db, archive, { as: 'new' });
    const third = await importArchive(db, await readCheckedArchive(await exported(caseFile.id), 'charter.casebook'), { as: 'new' });
    expect([copy.name, third.name]).toEqual([`${caseFile.name} (2)`, `${caseFile.name} (3)`]);

    const original = await contents(archive);
    const copyArchive = await exported(copy.id);
    const rows = await contents(await readCheckedArchive(copyArchive, 'copy.casebook'));
    // Every reference of the copy resolves within it (checked on its rows as archived, files as references).
    expect(checkReferences(await archivedRows(await readArchive(copyArchive, 'copy.casebook')))).toEqual([]);
    for (const table of ARCHIVED_TABLES) expect(rows[table]!.length, table).toBe(original[table]!.length + (table === 'history' ? 1 : 0));
    // No id of the original is in the copy.
    const originalIds = new Set(
      Object.values(original)
        .flatMap((tableRows) => tableRows.map((row) => (row as { id?: unknown }).id))
        .filter((id): id is string => typeof id === 'string'),
    );
    const copyJson = JSON.stringify(rows);
    for (const id of originalIds) expect(copyJson.includes(id), id).toBe(false);
    // The same files, byte for byte, and the same texts (rows come in the order of their ids, new in the copy).
    const bytesOf = (tables: Record<string, unknown[]>) => (tables.documentFiles as { bytes: unknown }[]).map((row) => JSON.stringify(row.bytes)).sort();
    expect(bytesOf(rows)).toEqual(bytesOf(original));
    const textsOf = (tables: Record<string, unknown[]>) => (tables.documents as { title: string; text: string }[]).map((row) => `${row.title}\n${row.text}`).sort();
    expect(textsOf(rows)).toEqual(textsOf(original));
    // The original is untouched.
    expect((await snapshot(db)).cases).toHaveLength(3);
  });

  it('says what replacing would lose, and refuses an archive whose records are broken, changing nothing', async () => {
    const { caseFile, document } = await seedRepresentativeCase(db);
    const archive = await readCheckedArchive(await exported(caseFile.id), 'charter.casebook');
    expect(await describeReplacement(db, caseFile.id, archive)).toEqual([]);
    // An excerpt marked since the archive was written: the archive does not have it.
    await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'the charter', anchor: null });
    expect(await describeReplacement(db, caseFile.id, archive)).toEqual([{ table: 'excerpts', lost: 1 }]);

    const before = await snapshot(db);
    const broken = await exported(caseFile.id);
    const { ZipReader, BlobReader, BlobWriter, ZipWriter, Uint8ArrayReader, Uint8ArrayWriter } = await import('@zip.js/zip.js');
    const reader = new ZipReader(new BlobReader(broken));
    const sink = new BlobWriter();
    const writer = new ZipWriter(sink);
    const { sha256Hex } = await import('./writeArchive');
    const manifestEntries = new Map<string, Uint8Array<ArrayBuffer>>();
    for (const entry of await reader.getEntries()) if (!entry.directory) manifestEntries.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
    // An excerpt whose document is not in the archive, written with an honest manifest: only the records are wrong.
    const excerpts = new TextDecoder().decode(manifestEntries.get('records/excerpts.ndjson')).replace(/"documentId":"[^"]+"/, '"documentId":"no-such-document"');
    const bytes = new TextEncoder().encode(excerpts);
    manifestEntries.set('records/excerpts.ndjson', bytes);
    const manifest = JSON.parse(new TextDecoder().decode(manifestEntries.get('manifest.json'))) as { entries: { path: string; size: number; sha256: string }[] };
    const listed = manifest.entries.find((entry) => entry.path === 'records/excerpts.ndjson')!;
    listed.size = bytes.byteLength;
    listed.sha256 = await sha256Hex(bytes);
    manifestEntries.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
    for (const [name, data] of manifestEntries) await writer.add(name, new Uint8ArrayReader(data));
    await writer.close();
    const failure = readCheckedArchive(await sink.getData(), 'broken.casebook');
    await expect(failure).rejects.toBeInstanceOf(ArchiveError);
    await expect(failure).rejects.toThrow(/^broken\.casebook holds records Casebook cannot take: Excerpt “.+” quotes document no-such-…, which is not in the archive \(documentId\)\.$/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses two records under one key, naming both, and a row that is not JSON, naming its line', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    const before = await snapshot(db);
    const twice = await rewritten(archive, async (entries, manifest) => {
      const notes = new TextDecoder().decode(entries.get('records/notes.ndjson'));
      const copy = notes.replace(/"title":"[^"]*"/, '"title":"A copy"');
      await honestly(manifest, entries, 'records/notes.ndjson', new TextEncoder().encode(`${notes}${copy}`));
      manifest.counts.notes = 2;
    });
    await expect(readCheckedArchive(twice, 'twice.casebook')).rejects.toThrow(
      /^twice\.casebook holds records Casebook cannot take: Note .+ \(“Open questions”\) and Note .+ \(“A copy”\) are two note records with the same key\.$/,
    );
    const garbled = await rewritten(archive, async (entries, manifest) => {
      const excerpts = new TextDecoder().decode(entries.get('records/excerpts.ndjson'));
      await honestly(manifest, entries, 'records/excerpts.ndjson', new TextEncoder().encode(excerpts.replace('{', '{{')));
    });
    await expect(readCheckedArchive(garbled, 'garbled.casebook')).rejects.toThrow('garbled.casebook has a row of excerpts that is not JSON (records/excerpts.ndjson, line 1).');
    expect(await snapshot(db)).toEqual(before);
  });

  it('is one transaction: a failure after rows are written leaves every case as it was', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const read = await readCheckedArchive(await exported(caseFile.id), 'charter.casebook');
    const before = await snapshot(db);
    // The last table's rows spoilt after the check (as a failing write would): every table before it is written first.
    read.records.history = new Blob(['{"seq":1}\n']);
    await expect(importArchive(db, read, { as: 'new' })).rejects.toThrow(/^charter\.casebook holds records Casebook cannot take: History entry 1: /);
    await expect(importArchive(db, read, { as: 'replace', caseId: caseFile.id })).rejects.toThrow(/History entry 1/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('checks a reference within a table once every key is known, one to the codebook as it is read', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    const edited = (path: string, edit: (text: string) => string) =>
      rewritten(archive, async (entries, manifest) => {
        await honestly(manifest, entries, path, new TextEncoder().encode(edit(new TextDecoder().decode(entries.get(path)))));
      });
    // An event marked the same happening as one not there: events point to events, checked once all are read.
    const sameAs = await edited('records/events.ndjson', (text) => text.replace('"sameAs":null', '"sameAs":"no-such-event"'));
    await expect(readCheckedArchive(sameAs, 'same.casebook')).rejects.toThrow(
      'same.casebook holds records Casebook cannot take: Event “Charter signed” is marked the same happening as event no-such-…, which is not in the archive (sameAs).',
    );
    // An excerpt tagged with a tag not there: the codebook is read first, so checked as the excerpt is read.
    const tagged = await edited('records/excerpts.ndjson', (text) => text.replace(/"tags":\["[^"]+"\]/, '"tags":["no-such-tag"]'));
    await expect(readCheckedArchive(tagged, 'tagged.casebook')).rejects.toThrow(
      /^tagged\.casebook holds records Casebook cannot take: Excerpt “.+” is tagged with tag no-such-…, which is not in the archive \(tags\[0\]\)\.$/,
    );
  });
});
