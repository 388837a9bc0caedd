import { useLiveQuery } from 'dexie-react-hooks';
import { queries } from '../../app/casebook';
import { useNow } from '../../components/useNow';
import { useExportRecord, type ArchiveExportMark } from './exportRecord';
import { isReminderDue, reminderBaseline, type ChangesAfter } from './reminderRule';

export interface ExportStatus {
  /** The last export saved on this computer, or null. */
  lastExport: ArchiveExportMark | null;
  /** The case's changes since that export (since its creation when never exported). */
  sinceExport: ChangesAfter;
  /** Whether the reminder is due: the changes since the last export or *Later* have passed the threshold. */
  reminderDue: boolean;
  /** Where the case's history stands now: what *Later* snoozes to. */
  lastSeq: number;
  now: number;
}

/**
 * The case's export status, live: the counts follow every change to the case (index counts on its history), the
 * record every export and *Later*, and the clock every minute (for "5 minutes ago" and the day-old rule).
 * Undefined while loading.
 */
export function useExportStatus(caseId: string): ExportStatus | undefined {
  const { lastExport, snoozedAtSeq } = useExportRecord(caseId);
  const now = useNow(60_000);
  const exportedAtSeq = lastExport?.seq ?? 0;
  const baseline = reminderBaseline(lastExport?.seq ?? null, snoozedAtSeq);
  const read = useLiveQuery(async () => {
    const [lastSeq, sinceExport, sinceBaseline] = await Promise.all([
      queries.lastHistorySeq(caseId),
      queries.historyAfter(caseId, exportedAtSeq),
      baseline === exportedAtSeq ? null : queries.historyAfter(caseId, baseline),
    ]);
    return { lastSeq, sinceExport, sinceBaseline: sinceBaseline ?? sinceExport, exportedAtSeq, baseline };
  }, [caseId, exportedAtSeq, baseline]);
  // A read made for an earlier record (an export just saved) is not shown against the new one.
  if (!read || read.exportedAtSeq !== exportedAtSeq || read.baseline !== baseline) return undefined;
  return { lastExport, sinceExport: read.sinceExport, reminderDue: isReminderDue(read.sinceBaseline, now), lastSeq: read.lastSeq, now };
}
