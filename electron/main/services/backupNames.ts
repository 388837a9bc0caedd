import type { BackupReason } from '../../../shared/contract';

/**
 * The names of backup files: `<case name> <YYYY-MM-DD HH.MM.SS>[ before upgrade].casebook`, in local time, so the
 * researcher finds a case's backups together and in order in the folder. The case's name is made safe for every
 * system's file names first: it can never reach another folder, name a device or be too long.
 */

export const BACKUP_EXTENSION = '.casebook';
const UPGRADE_SUFFIX = ' before upgrade';

/** Most UTF-8 bytes the case's name takes in a file name: the rest of the name is about 40, well under 255. */
const MAX_NAME_BYTES = 100;

/** Characters no file name may hold on one system or another, control characters, and the invisible bidi marks. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Names Windows keeps for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;

function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  let bytes = 0;
  let kept = '';
  // By code point, so a character outside the BMP is never cut in half.
  for (const character of text) {
    bytes += encoder.encode(character).byteLength;
    if (bytes > maxBytes) break;
    kept += character;
  }
  return kept;
}

/** The case's name as part of a file name: no separators, devices, dots or spaces at its ends; "Case" when nothing is left. */
export function fileSafeName(caseName: string): string {
  const cleaned = caseName
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .replace(UNSAFE, '-')
    .replace(/^[\s.]+/, '');
  const safe = truncateUtf8(cleaned, MAX_NAME_BYTES).replace(/[\s.]+$/, '');
  if (!safe) return 'Case';
  return RESERVED.test(safe) ? `_${safe}` : safe;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD HH.MM.SS` in local time: sorts as it reads, and holds no colon (Windows refuses one). */
export function fileTimestamp(date: Date): string {
  const day = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  return `${day} ${twoDigits(date.getHours())}.${twoDigits(date.getMinutes())}.${twoDigits(date.getSeconds())}`;
}

/** The backup's file name, without the extension and the number that makes it unique. */
export function backupBaseName(caseName: string, date: Date, reason: BackupReason): string {
  return `${fileSafeName(caseName)} ${fileTimestamp(date)}${reason === 'upgrade' ? UPGRADE_SUFFIX : ''}`;
}

/** The file name of the `copy`th backup of that base name: the first has no number, the second " (2)", … */
export function backupFileName(baseName: string, copy = 1): string {
  return `${baseName}${copy > 1 ? ` (${copy})` : ''}${BACKUP_EXTENSION}`;
}

/** Why a backup was written, as its name says. */
export function reasonOfFileName(fileName: string): BackupReason {
  return / before upgrade(?: \(\d+\))?\.casebook$/i.test(fileName) ? 'upgrade' : 'changes';
}

export const isBackupFileName = (fileName: string): boolean => fileName.toLowerCase().endsWith(BACKUP_EXTENSION);
