/**
 * The `.casebook` archive: one zip holding a whole case. Its entries, and nothing else:
 *
 * - `records/<table>.ndjson`: the case's rows of one table, one JSON object a line, their files replaced by a
 *   reference to the file's entry (`shared/archive/records.ts` says which fields and how);
 * - `files/<sha256>`: each file the case keeps (documents' originals, notes' images) once, under its SHA-256, stored
 *   as it is (an original is most often compressed already, and an entry stored can be read without inflating);
 * - `manifest.json`, written last, once every entry's size and hash is known: the format and its version, the app's
 *   version and schema, the case's name, the export's time, the rows of each table, and the size and SHA-256 of every
 *   other entry. An archive is read from its zip's directory, so the manifest is found wherever it is.
 *
 * Entry names are fixed by this list: an archive holding any other name (`../x`, `/etc/x`, `C:\x`, a second
 * `manifest.json`) is refused before anything in it is read.
 */
import { z } from 'zod';

export const ARCHIVE_FORMAT = 'casebook-archive';
/** The version this Casebook writes; older ones are read through `FORMAT_MIGRATIONS` (none yet: 1 is the first). */
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_EXTENSION = 'casebook';
export const ARCHIVE_MIME_TYPE = 'application/vnd.casebook+zip';
export const MANIFEST_PATH = 'manifest.json';

export const recordsPath = (table: string): string => `records/${table}.ndjson`;
export const filePath = (sha256: string): string => `files/${sha256}`;

const SHA256 = /^[0-9a-f]{64}$/;
const RECORDS = /^records\/([A-Za-z]+)\.ndjson$/;
const FILE = /^files\/([0-9a-f]{64})$/;

/** What an entry's name says it holds, or null for a name no archive of Casebook has. */
export type EntryName = { kind: 'manifest' } | { kind: 'records'; table: string } | { kind: 'file'; sha256: string };

export function readEntryName(name: string): EntryName | null {
  if (name === MANIFEST_PATH) return { kind: 'manifest' };
  const records = RECORDS.exec(name);
  if (records) return { kind: 'records', table: records[1]! };
  const file = FILE.exec(name);
  return file ? { kind: 'file', sha256: file[1]! } : null;
}

export const manifestEntrySchema = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(SHA256, { error: 'is not a SHA-256 in hexadecimal' }),
});

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().min(1),
  /** The database schema the rows were written under (`LATEST_VERSION` of the Casebook that wrote them). */
  schemaVersion: z.number().int().positive(),
  exportedAt: z.iso.datetime(),
  case: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  /** Rows of each table, by table. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Every entry but the manifest. */
  entries: z.array(manifestEntrySchema),
});

export type ArchiveManifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** An archive's manifest and its tables' rows (NDJSON, by table), as a format migration takes and gives them. */
export interface ArchiveRecords {
  manifest: ArchiveManifest;
  records: Record<string, Blob>;
}

/**
 * How an archive of an older format is read: `FORMAT_MIGRATIONS[n]` brings format n to n + 1 (its manifest, and its
 * rows if their layout changed), applied in turn up to `ARCHIVE_FORMAT_VERSION` once every entry is checked against
 * the manifest it came with. Format 1 is the first and only format, so there is none yet; an archive of a format
 * without its step is refused. The rows' database schema is another matter: an archive of an older schema is
 * upgraded by the database's own upgrades (renderer/src/archive/upgradeArchive.ts).
 */
export const FORMAT_MIGRATIONS: Readonly<Partial<Record<number, (archive: ArchiveRecords) => Promise<ArchiveRecords>>>> = {};
