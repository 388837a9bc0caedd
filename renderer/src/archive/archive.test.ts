import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/limits';
import { seedRepresentativeCase, snapshot, withDatabase } from '../../../tests/unit/database';
import { entriesOf, honestly, rewritten } from '../../../tests/unit/archive';
import type { CasebookDB } from '../db/schema';
import { ARCHIVE_FORMAT_VERSION, FORMAT_MIGRATIONS } from '../../../shared/archive/format';
import { LATEST_VERSION } from '../db/schema';
import { ArchiveError, allRowsOf, linesOf, readArchive } from './readArchive';
import { ARCHIVED_TABLES } from '../../../shared/archive/records';
import { writeArchive } from './writeArchive';

let db: CasebookDB;
withDatabase((fresh) => (db = fresh));

/** The case exported as the app exports it, into a Blob. */
async function exported(caseId: string, signal?: AbortSignal): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await writeArchive(db, caseId, new WritableStream({ write: (chunk) => void chunks.push(chunk) }), { appVersion: '0.1.0', signal, now: new Date('2026-11-30T12:00:00Z') });
  return new Blob(chunks as BlobPart[]);
}

const refusal = async (archive: Blob) => {
  const error = await readArchive(archive, 'Lantern.casebook').then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ArchiveError);
  return (error as Error).message;
};

describe('the .casebook archive', () => {
  it('holds every row of the case and every file, and reads back the same', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    const read = await readArchive(archive, 'Harbour charter.casebook');

    expect(read.manifest).toMatchObject({ format: 'casebook-archive', formatVersion: ARCHIVE_FORMAT_VERSION, appVersion: '0.1.0', case: { id: caseFile.id, name: caseFile.name } });
    const before = await snapshot(db);
    for (const table of ARCHIVED_TABLES) {
      const ofCase = (before[table] ?? []).filter((row) => (table === 'cases' ? (row as { id: string }).id : (row as { caseId: string }).caseId) === caseFile.id);
      // A file comes back as a reference to its entry, which holds its bytes.
      const back = await Promise.all(
        (await allRowsOf('Harbour charter.casebook', table, read.records[table])).map(async (row) =>
          Object.fromEntries(
            await Promise.all(
              Object.entries(row).map(async ([key, value]) => {
                const file = value as { file?: string; type?: string } | null;
                return [key, typeof file?.file === 'string' ? { blobType: file.type ?? '', bytes: new Uint8Array(await read.files.get(file.file)!.arrayBuffer()) } : value];
              }),
            ),
          ),
        ),
      );
      expect(back, table).toEqual(ofCase);
      expect(read.manifest.counts[table], table).toBe(ofCase.length);
    }
    // The original is there under its hash, stored as it is.
    const entries = await entriesOf(archive);
    expect([...entries.keys()].filter((name) => name.startsWith('files/')).length).toBeGreaterThan(0);
  });

  it('refuses a file that is not a zip, and a zip cut short', async () => {
    expect(await refusal(new Blob(['%PDF-1.7 not an archive']))).toMatch(/^Lantern\.casebook is not a Casebook archive: it is not a zip file, or it is cut short/);
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    expect(await refusal(archive.slice(0, archive.size - 200))).toMatch(/^Lantern\.casebook is not a Casebook archive: it is not a zip file, or it is cut short/);
  });

  it('refuses an entry with an unsafe path, a name Casebook does not write, or a name twice, before reading anything', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    for (const name of ['../../.bashrc', '/etc/passwd', 'C:\\Windows\\x.dll', 'records/../../x.ndjson', '..\\..\\x']) {
      const bad = await rewritten(archive, (entries) => void entries.set(name, new TextEncoder().encode('x')));
      expect(await refusal(bad), name).toContain(`holds an entry with an unsafe path, “${name}”`);
    }
    for (const name of ['notes.exe', 'records/notes.json', `files/${'A'.repeat(64)}`]) {
      const bad = await rewritten(archive, (entries) => void entries.set(name, new TextEncoder().encode('x')));
      expect(await refusal(bad), name).toContain(`holds an entry Casebook does not write, “${name}”`);
    }
    // Two entries of one name: written under two names of the same length, then the second renamed in the bytes.
    const twice = await rewritten(archive, (entries) => void entries.set('records/notez.ndjson', entries.get('records/notes.ndjson')!));
    const bytes = new Uint8Array(await twice.arrayBuffer());
    const text = new TextDecoder('latin1').decode(bytes);
    for (let at = text.indexOf('records/notez.ndjson'); at >= 0; at = text.indexOf('records/notez.ndjson', at + 1)) bytes[at + 'records/note'.length] = 's'.charCodeAt(0);
    expect(await refusal(new Blob([bytes]))).toContain('holds “records/notes.ndjson” twice');
  });

  it('refuses a manifest that lies about an entry’s hash, size or rows, or lists what is not there', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    const hash = await rewritten(archive, (entries) => {
      const notes = entries.get('records/notes.ndjson')!;
      entries.set('records/notes.ndjson', new TextEncoder().encode(new TextDecoder().decode(notes).replace('"title":"', '"title":"X')));
    });
    expect(await refusal(hash)).toMatch(/“records\/notes\.ndjson” inflates past \d[\d,]* bytes, more than it may hold/);
    const sameSize = await rewritten(archive, (entries) => {
      const notes = new TextDecoder().decode(entries.get('records/notes.ndjson')!);
      entries.set('records/notes.ndjson', new TextEncoder().encode(notes.replace('"title":"', '"title":"').replace(/"title":"(.)/, '"title":"#')));
    });
    expect(await refusal(sameSize)).toContain('changed or damaged: its SHA-256 is not the one its manifest gives');
    const rows = await rewritten(archive, (_, manifest) => void (manifest.counts.excerpts = 7));
    expect(await refusal(rows)).toContain('holds 1 rows of excerpts, where its manifest counts 7');
    const missing = await rewritten(archive, (_, manifest) => void manifest.entries.push({ path: `files/${'a'.repeat(64)}`, size: 3, sha256: 'b'.repeat(64) }));
    expect(await refusal(missing)).toContain(`lists “files/${'a'.repeat(64)}”`);
    const unlisted = await rewritten(archive, (entries, manifest) => {
      manifest.entries = manifest.entries.filter((entry) => entry.path !== 'records/tags.ndjson');
      void entries;
    });
    expect(await refusal(unlisted)).toContain('holds “records/tags.ndjson”, which its manifest does not list');
  });

  it('says in words what is wrong with a damaged manifest, not in the schema’s terms', async () => {
    // Found by the fuzz: "manifest that cannot be read: entries.14.size Invalid input: expected number, received undefined".
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    const noSize = await rewritten(archive, (_, manifest) => void delete (manifest.entries[2] as { size?: number }).size);
    expect(await refusal(noSize)).toMatch(/ has a manifest that cannot be read: “size” of entry 3 is missing\. The archive is damaged\.$/);
    const textSize = await rewritten(archive, (_, manifest) => void ((manifest.entries[0] as unknown as { size: string }).size = 'many'));
    expect(await refusal(textSize)).toContain('has a manifest that cannot be read: “size” of entry 1 is not a number. The archive is damaged.');
    const noCase = await rewritten(archive, (_, manifest) => void delete (manifest as { case?: unknown }).case);
    expect(await refusal(noCase)).toContain('has a manifest that cannot be read: “case” is missing.');
  });

  it('stops a zip bomb at the size its manifest gives, and at an absurd ratio, whatever the headers declare', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    const zeros = new Uint8Array(30 * 1024 * 1024);
    const liesSmall = await rewritten(archive, (entries, manifest) => {
      entries.set('records/history.ndjson', zeros);
      const entry = manifest.entries.find((item) => item.path === 'records/history.ndjson')!;
      entry.size = 1_000;
    });
    expect(await refusal(liesSmall)).toContain('“records/history.ndjson” inflates past 1,000 bytes');
    const honest = await rewritten(archive, (entries, manifest) => honestly(manifest, entries, 'records/history.ndjson', zeros));
    expect(await refusal(honest)).toContain('“records/history.ndjson” inflates to more than 500 times its compressed size, as a zip bomb does');
  });

  it('reads entries stored as they are (every entry, rows too) as it reads them deflated, and refuses them lying or overlapping', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    const deflated = await readArchive(archive, 'Lantern.casebook');
    const stored = await readArchive(await rewritten(archive, () => undefined, { level: 0 }), 'Lantern.casebook');
    for (const table of ARCHIVED_TABLES)
      expect(await allRowsOf('Lantern.casebook', table, stored.records[table]), table).toEqual(await allRowsOf('Lantern.casebook', table, deflated.records[table]));
    const files = deflated.manifest.entries.filter((entry) => entry.path.startsWith('files/'));
    expect(files.length).toBeGreaterThan(1);
    for (const { path } of files) {
      const sha256 = path.slice('files/'.length);
      expect(new Uint8Array(await stored.files.get(sha256)!.arrayBuffer()), path).toEqual(new Uint8Array(await deflated.files.get(sha256)!.arrayBuffer()));
    }

    // Stored, the zip bomb's entry is stopped at its manifest's size all the same, and a changed byte by its hash.
    const liesSmall = await rewritten(
      archive,
      (entries, manifest) => {
        entries.set('records/history.ndjson', new Uint8Array(3 * 1024 * 1024));
        manifest.entries.find((item) => item.path === 'records/history.ndjson')!.size = 1_000;
      },
      { level: 0 },
    );
    expect(await refusal(liesSmall)).toContain('“records/history.ndjson” inflates past 1,000 bytes');
    const changed = await rewritten(archive, (entries) => void entries.get(files[0]!.path)!.fill(33, 0, 1), { level: 0 });
    expect(await refusal(changed)).toContain(`holds “${files[0]!.path}” changed or damaged`);

    // Two entries whose bytes are the same bytes of the zip (the second's directory record pointed at the first's
    // local header), as a zip bomb's overlapping entries are.
    const bytes = new Uint8Array(await (await rewritten(archive, () => undefined, { level: 0 })).arrayBuffer());
    const view = new DataView(bytes.buffer);
    const latin1 = new TextDecoder('latin1').decode(bytes);
    const directoryRecord = (path: string) => {
      for (let at = latin1.indexOf(path); at >= 0; at = latin1.indexOf(path, at + 1)) if (view.getUint32(at - 46, true) === 0x02014b50) return at - 46;
      throw new Error(`no directory record for ${path}`);
    };
    const [first, second] = files.map((entry) => directoryRecord(entry.path));
    view.setUint32(second! + 42, view.getUint32(first! + 42, true), true);
    view.setUint32(second! + 20, view.getUint32(first! + 20, true), true);
    view.setUint32(second! + 24, view.getUint32(first! + 24, true), true);
    expect(await refusal(new Blob([bytes]))).toContain(`overlapping another entry's bytes`);
  });

  it('refuses an archive from a newer Casebook, saying so, and one too large, before reading it', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const archive = await exported(caseFile.id);
    const newer = await rewritten(archive, (_, manifest) => void (manifest.formatVersion = ARCHIVE_FORMAT_VERSION + 1));
    expect(await refusal(newer)).toBe(
      `Lantern.casebook was made by a newer version of Casebook (archive format ${ARCHIVE_FORMAT_VERSION + 1}; this version reads up to ${ARCHIVE_FORMAT_VERSION}). Update Casebook to import it.`,
    );
    // Rows of a newer database schema: this version would write them in a shape it does not know.
    const newerSchema = await rewritten(archive, (_, manifest) => void (manifest.schemaVersion = LATEST_VERSION + 1));
    expect(await refusal(newerSchema)).toBe(
      `Lantern.casebook was made by a newer version of Casebook (database schema ${LATEST_VERSION + 1}; this version knows up to ${LATEST_VERSION}). Update Casebook to import it.`,
    );
    // Format 1 is the only format: no step to it from an older one yet, and none beyond it.
    expect(ARCHIVE_FORMAT_VERSION).toBe(1);
    expect(Object.keys(FORMAT_MIGRATIONS)).toEqual([]);
    const huge = { size: LIMITS.archiveBytes + 1 } as Blob;
    expect(await refusal(huge)).toBe('Lantern.casebook is 2,049 MB; Casebook imports archives up to 2,048 MB.');
  });

  it('aborts its file when cancelled half-way, never closing it as if whole', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const controller = new AbortController();
    const ends: string[] = [];
    const target = new WritableStream<Uint8Array>({ close: () => void ends.push('closed'), abort: () => void ends.push('aborted') });
    // Cancelled once the first table is written.
    const writing = writeArchive(db, caseFile.id, target, { appVersion: '0.1.0', signal: controller.signal, onProgress: () => controller.abort() });
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
    expect(ends).toEqual(['aborted']);
  });

  it('writes a table of many rows in batches of every size, and reads back each row once', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const [first] = await db.excerpts.where('caseId').equals(caseFile.id).toArray();
    // Rows of very different sizes, so that the batches measured by their bytes change size as they go.
    const more = Array.from({ length: 2_500 }, (_, index) => ({ ...first!, id: `excerpt-${index}`, comment: index % 7 ? null : { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A long comment. '.repeat(index % 300) }] }] } }));
    await db.excerpts.bulkAdd(more);
    const expected = await db.excerpts.where('caseId').equals(caseFile.id).toArray();

    const read = await readArchive(await exported(caseFile.id), 'Lantern.casebook');
    const back = await allRowsOf('Lantern.casebook', 'excerpts', read.records.excerpts);
    expect(back).toEqual(expected);
    expect(read.manifest.counts.excerpts).toBe(expected.length);
  });

  it('refuses to write an archive with more entries or bytes than it may hold, aborting its file', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    const attempt = async (limits: { entries: number; bytes: number }) => {
      const ends: string[] = [];
      const target = new WritableStream<Uint8Array>({ close: () => void ends.push('closed'), abort: () => void ends.push('aborted') });
      const error = await writeArchive(db, caseFile.id, target, { appVersion: '0.1.0', limits }).then(
        () => null,
        (failure: unknown) => failure as Error,
      );
      expect(ends).toEqual(['aborted']);
      return error?.message;
    };
    // Room for the tables' entries and the manifest, none for a file.
    expect(await attempt({ entries: ARCHIVED_TABLES.length + 1, bytes: LIMITS.archiveBytes })).toBe(
      `The case "${caseFile.name}" has more than 0 files, more than an archive holds: it was not written.`,
    );
    expect(await attempt({ entries: 0xffff, bytes: 1024 })).toBe('The archive would be larger than 1 MB, more than Casebook imports: it was not written.');
  });

  it('stops when cancelled, reading or writing', async () => {
    const { caseFile } = await seedRepresentativeCase(db);
    await expect(exported(caseFile.id, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    const archive = await exported(caseFile.id);
    await expect(readArchive(archive, 'x.casebook', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the rows of a table, read a slice at a time', () => {
  it('gives each line whole, however the slices cut it (in a character of several bytes too), and a last line without its newline', async () => {
    const lines = ['{"name":"Zoë Müller"}', '', '{"quote":"«Nordlys» — 9 March"}', '{"last":true}'];
    const blob = new Blob([lines.join('\n')]);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const sliceBytes of [1, 2, 3, 7, 64, 1024]) {
      const read: string[] = [];
      for await (const line of linesOf(blob, sliceBytes)) read.push(decoder.decode(line));
      expect(read, `slices of ${sliceBytes} bytes`).toEqual(lines);
    }
  });
});
