import { queries } from '../../app/casebook';
import { readExportRecord, recordArchiveExport, snoozeExportReminder } from './exportRecord';

/** Navigation state of the sample case opened from the library. */
export const isSampleOpened = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && (state as { sample?: unknown }).sample === true;

/**
 * The sample case arrives with its changes already made, none of them the researcher's: the export reminder counts
 * from where it stands when first opened, not from its creation (its status still says "Never exported").
 */
export async function countChangesFromNow(caseId: string): Promise<void> {
  const { lastExport, snoozedAtSeq } = readExportRecord(caseId);
  if (lastExport || snoozedAtSeq !== null) return;
  snoozeExportReminder(caseId, await queries.lastHistorySeq(caseId));
}

/**
 * A case imported from an archive is, as it stands, what that archive holds: its last export is the archive's, and
 * only the changes made after the import are not in any archive.
 */
export async function recordImportedArchive(caseId: string, exportedAt: string): Promise<void> {
  recordArchiveExport(caseId, { at: exportedAt, seq: await queries.lastHistorySeq(caseId) });
}
