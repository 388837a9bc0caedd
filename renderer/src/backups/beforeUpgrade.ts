/**
 * Before this Casebook upgrades a library written by an older one, the desktop app backs up every case as the older
 * schema has it: the archive says which schema (`schemaVersion`), and restoring it takes its rows through the same
 * upgrades (`archive/importArchive.ts`). Runs before anything opens the app's database.
 */
import type { BackupEntry } from '../../../shared/contract';
import { CasebookDB, LATEST_VERSION, SCHEMA_VERSIONS } from '../db/schema';
import { backUpCase, type BackupHost } from './writeBackup';

/** Dexie keeps version N as IndexedDB version N × 10. */
const DEXIE_VERSION_FACTOR = 10;

/** The version of the schema a library was last written with, or null when there is none yet. */
export async function storedSchemaVersion(name: string): Promise<number | null> {
  const found = (await indexedDB.databases()).find((database) => database.name === name);
  return found?.version ? Math.floor(found.version / DEXIE_VERSION_FACTOR) : null;
}

/**
 * Writes a backup of each case of the library `name` if this Casebook would upgrade it, opened at its own version
 * (so no upgrade runs). Answers the backups written; none when no upgrade is due. A backup that fails throws, naming
 * the case: the upgrade must not go ahead without it.
 */
export async function backUpBeforeUpgrade(name: string, host: BackupHost, appVersion: string): Promise<BackupEntry[]> {
  const stored = await storedSchemaVersion(name);
  if (stored === null || stored >= LATEST_VERSION) return [];
  const db = new CasebookDB(
    name,
    SCHEMA_VERSIONS.filter((schema) => schema.version <= stored),
  );
  try {
    const written: BackupEntry[] = [];
    for (const caseFile of await db.cases.toArray()) {
      try {
        const backup = await backUpCase(db, host, caseFile.id, { reason: 'upgrade', appVersion });
        if (backup) written.push(backup);
      } catch (error) {
        throw new Error(`Casebook could not back up the case “${caseFile.name}” before upgrading your library: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    }
    return written;
  } finally {
    db.close();
  }
}
