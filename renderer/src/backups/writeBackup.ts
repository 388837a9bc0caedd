import type { BackupEntry, BackupReason, CasebookApi } from '../../../shared/contract';
import { MAX_BACKUP_CHUNK_BYTES } from '../../../shared/contractSchemas';
import { writeArchive } from '../archive/writeArchive';
import type { CasebookDB } from '../db/schema';

export type BackupHost = Pick<CasebookApi, 'beginBackup' | 'writeBackup' | 'finishBackup'>;

/**
 * Writes a case's archive into the desktop app's backups, streamed to main as it is made (main writes it to a
 * temporary file and moves it among the backups only when it is whole). Null when the case is gone. A failure or an
 * abort leaves no backup behind.
 */
export async function backUpCase(
  db: CasebookDB,
  host: BackupHost,
  caseId: string,
  { reason, appVersion, signal }: { reason: BackupReason; appVersion: string; signal?: AbortSignal },
): Promise<BackupEntry | null> {
  const caseFile = await db.cases.get(caseId);
  if (!caseFile) return null;
  const { writeId } = await host.beginBackup({ caseId, caseName: caseFile.name, reason });
  const target = new WritableStream<Uint8Array>({
    async write(chunk) {
      for (let at = 0; at < chunk.byteLength; at += MAX_BACKUP_CHUNK_BYTES)
        await host.writeBackup({ writeId, bytes: chunk.subarray(at, at + MAX_BACKUP_CHUNK_BYTES) as Uint8Array<ArrayBuffer> });
    },
  });
  try {
    await writeArchive(db, caseId, target, { appVersion, signal });
  } catch (error) {
    await host.finishBackup({ writeId, commit: false }).catch(() => undefined);
    throw error;
  }
  return host.finishBackup({ writeId, commit: true });
}
