import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { BeginBackupRequest, FinishBackupRequest, WriteBackupRequest } from '../../../shared/contract';
import { openAtVersion, seedRepresentativeCase, snapshot } from '../../../tests/unit/database';
import { importArchive, readCheckedArchive } from '../archive/importArchive';
import { readArchive } from '../archive/readArchive';
import { CasebookDB, LATEST_VERSION, SCHEMA_VERSIONS } from '../db/schema';
import { backUpBeforeUpgrade, storedSchemaVersion, type OlderLibrary } from './beforeUpgrade';

const opened: CasebookDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** The app's library by this name, as `app/desktop.ts` gives it. */
const libraryNamed = (name: string): OlderLibrary => ({
  name,
  latestVersion: LATEST_VERSION,
  openAt: (version) => new CasebookDB(name, SCHEMA_VERSIONS.filter((schema) => schema.version <= version)),
});

/** The desktop app's backups, in memory: each backup's request and bytes. */
function backupsFolder({ failWith }: { failWith?: string } = {}) {
  const writing = new Map<string, { request: BeginBackupRequest; chunks: Uint8Array[] }>();
  const kept: { request: BeginBackupRequest; bytes: Blob }[] = [];
  return {
    kept,
    async beginBackup(request: BeginBackupRequest) {
      const writeId = crypto.randomUUID();
      writing.set(writeId, { request, chunks: [] });
      return { writeId };
    },
    async writeBackup({ writeId, bytes }: WriteBackupRequest) {
      if (failWith) throw new Error(failWith);
      writing.get(writeId)!.chunks.push(bytes.slice());
    },
    async finishBackup({ writeId, commit }: FinishBackupRequest) {
      const { request, chunks } = writing.get(writeId)!;
      writing.delete(writeId);
      if (!commit) return null;
      kept.push({ request, bytes: new Blob(chunks as BlobPart[]) });
      return null;
    },
  };
}

describe('the backup before an upgrade', () => {
  it('backs up every case of a library an older Casebook left, as that version stored it, without upgrading it', async () => {
    const name = `library-${crypto.randomUUID()}`;
    const older = openAtVersion(name, 10);
    opened.push(older);
    const first = await seedRepresentativeCase(older, 'Harbour charter');
    const second = await seedRepresentativeCase(older, 'Quay roster');
    older.close();
    expect(await storedSchemaVersion(name)).toBe(10);

    const folder = backupsFolder();
    await backUpBeforeUpgrade(libraryNamed(name), folder, 'test');
    // One backup a case, in whatever order the library keeps them.
    expect(folder.kept.map(({ request }) => request)).toEqual(
      expect.arrayContaining([
        { caseId: first.caseFile.id, caseName: 'Harbour charter', reason: 'upgrade' },
        { caseId: second.caseFile.id, caseName: 'Quay roster', reason: 'upgrade' },
      ]),
    );
    expect(folder.kept).toHaveLength(2);
    const harbour = folder.kept.find(({ request }) => request.caseName === 'Harbour charter')!.bytes;
    const read = await readArchive(harbour, 'Harbour charter before upgrade.casebook');
    expect(read.manifest.schemaVersion).toBe(10);
    // The library itself is still as the older Casebook left it: the app's upgrade comes after.
    expect(await storedSchemaVersion(name)).toBe(10);

    // Restored into the upgraded library, the backup's rows go through the same upgrades.
    const latest = new CasebookDB(`restored-${crypto.randomUUID()}`);
    opened.push(latest);
    await importArchive(latest, await readCheckedArchive(harbour, 'Harbour charter before upgrade.casebook'), { as: 'replace', caseId: first.caseFile.id });
    const notes = (await snapshot(latest)).notes as { parentId: unknown; caseId: string }[];
    expect(notes).toEqual([expect.objectContaining({ caseId: first.caseFile.id, parentId: null })]);
  });

  it('writes nothing for a library already at this version, or for none at all', async () => {
    const name = `library-${crypto.randomUUID()}`;
    const current = new CasebookDB(name);
    opened.push(current);
    await seedRepresentativeCase(current);
    current.close();
    const folder = backupsFolder();
    expect(await backUpBeforeUpgrade(libraryNamed(name), folder, 'test')).toEqual([]);
    expect(await backUpBeforeUpgrade(libraryNamed(`never-opened-${crypto.randomUUID()}`), folder, 'test')).toEqual([]);
    expect(folder.kept).toEqual([]);
  });

  it('refuses, naming the case, when a backup cannot be written: the upgrade must not go ahead without it', async () => {
    const name = `library-${crypto.randomUUID()}`;
    const older = openAtVersion(name, 11);
    opened.push(older);
    await seedRepresentativeCase(older, 'Harbour charter');
    older.close();
    await expect(backUpBeforeUpgrade(libraryNamed(name), backupsFolder({ failWith: 'The disk is full.' }), 'test')).rejects.toThrow(
      'Casebook could not back up the case “Harbour charter” before upgrading your library: The disk is full.',
    );
    expect(await storedSchemaVersion(name)).toBe(11);
  });
});
