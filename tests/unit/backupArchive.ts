/**
 * Small real `.casebook` zips for the desktop backups' tests: a manifest as shared/archive/format.ts describes it and
 * one records entry, written with zip.js as the archive writer does. Only tests import this module.
 */
import { createHash } from 'node:crypto';
import { BlobWriter, TextReader, ZipWriter, configure } from '@zip.js/zip.js';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_PATH, recordsPath, type ArchiveManifest } from '../../shared/archive/format';

configure({ useWebWorkers: false });

export interface TestBackup {
  caseId: string;
  caseName: string;
  exportedAt: string;
  counts?: Record<string, number>;
}

/** The bytes of an archive of a case with one document, or of whatever manifest `manifest` makes of it. */
export async function backupArchive(backup: TestBackup, manifest: (written: ArchiveManifest) => unknown = (written) => written): Promise<Uint8Array<ArrayBuffer>> {
  const rows = `${JSON.stringify({ id: 'doc-1', caseId: backup.caseId, title: 'Harbour minutes' })}\n`;
  const zip = new ZipWriter(new BlobWriter('application/zip'));
  await zip.add(recordsPath('documents'), new TextReader(rows));
  const written: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: '0.1.0',
    schemaVersion: 10,
    exportedAt: backup.exportedAt,
    case: { id: backup.caseId, name: backup.caseName },
    counts: backup.counts ?? { documents: 1 },
    entries: [{ path: recordsPath('documents'), size: Buffer.byteLength(rows), sha256: createHash('sha256').update(rows).digest('hex') }],
  };
  await zip.add(MANIFEST_PATH, new TextReader(JSON.stringify(manifest(written))));
  return new Uint8Array(await (await zip.close()).arrayBuffer());
}
