import { openAsBlob } from 'node:fs';
import { BlobReader, ZipReader, configure, type FileEntry } from '@zip.js/zip.js';
import { MANIFEST_PATH, manifestSchema, type ArchiveManifest } from '../../../shared/archive/format';
import { describeIssues } from '../../../shared/contractSchemas';

/**
 * A backup described by its own manifest, read from the zip's directory and the manifest entry only (never the whole
 * file: a backup can be gigabytes). The renderer checks the whole archive when it restores one.
 */

configure({ useWebWorkers: false });

/** Largest manifest read: about 100,000 entries, as the renderer's reader allows. */
const MANIFEST_BYTES = 16 * 1024 * 1024;

export type BackupManifest = Pick<ArchiveManifest, 'case' | 'exportedAt' | 'counts'>;

/** A file that is not a readable backup: the message says why, for the log. */
export class UnreadableBackup extends Error {
  override name = 'UnreadableBackup';
}

/** The manifest entry's bytes, counted as they come out: more than the limit stops there, whatever its header says. */
async function manifestText(entry: FileEntry): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      size += chunk.byteLength;
      if (size > MANIFEST_BYTES) throw new UnreadableBackup(`its manifest inflates past ${MANIFEST_BYTES} bytes`);
      chunks.push(chunk);
    },
  });
  await entry.getData(sink, { checkSignature: true });
  return Buffer.concat(chunks).toString('utf8');
}

export async function readBackupManifest(filePath: string): Promise<BackupManifest> {
  const zip = new ZipReader(new BlobReader(await openAsBlob(filePath)));
  try {
    let entries;
    try {
      entries = await zip.getEntries();
    } catch (error) {
      throw new UnreadableBackup(`it is not a zip file, or it is cut short (${error instanceof Error ? error.message : String(error)})`);
    }
    const entry = entries.find((candidate): candidate is FileEntry => candidate.filename === MANIFEST_PATH && !candidate.directory);
    if (!entry) throw new UnreadableBackup('it has no manifest');
    let json: unknown;
    try {
      json = JSON.parse(await manifestText(entry));
    } catch (error) {
      if (error instanceof UnreadableBackup) throw error;
      throw new UnreadableBackup(`its manifest cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) throw new UnreadableBackup(`its manifest is not a Casebook archive's: ${describeIssues(parsed.error)}`);
    return { case: parsed.data.case, exportedAt: parsed.data.exportedAt, counts: parsed.data.counts };
  } finally {
    await zip.close();
  }
}
