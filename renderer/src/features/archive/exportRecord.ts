import { useSyncExternalStore } from 'react';

/**
 * When each case was last exported as an archive, and where its history stood then, kept on this computer. It lives
 * in localStorage, not in the case's records: an archive must not carry when it (or an earlier one) was made, and a
 * case imported elsewhere has not been exported from there.
 */

/** One export: its time (ISO) and the `seq` of the case's last history entry when it began. */
export interface ArchiveExportMark {
  at: string;
  seq: number;
}

export interface ArchiveExportRecord {
  /** The last export that was saved, or null when the case was never exported on this computer. */
  lastExport: ArchiveExportMark | null;
  /** The history's `seq` when the researcher answered the reminder with *Later*: it waits for as many changes again. */
  snoozedAtSeq: number | null;
}

const NEVER: ArchiveExportRecord = Object.freeze({ lastExport: null, snoozedAtSeq: null });

/** Versioned, so a later shape can be read beside (or instead of) this one without misreading it. */
const KEY_PREFIX = 'casebook.archiveExport.v1.';
export const exportRecordKey = (caseId: string): string => KEY_PREFIX + caseId;

const isSeq = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function parseMark(value: unknown): ArchiveExportMark | null {
  if (!value || typeof value !== 'object') return null;
  const { at, seq } = value as Record<string, unknown>;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isSeq(seq)) return null;
  return { at: new Date(at).toISOString(), seq };
}

/** The stored text read back; anything unreadable, in part or whole, counts as not known (never as exported). */
export function parseExportRecord(text: string | null): ArchiveExportRecord {
  if (text === null) return NEVER;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return NEVER;
  }
  if (!parsed || typeof parsed !== 'object') return NEVER;
  const { lastExport, snoozedAtSeq } = parsed as Record<string, unknown>;
  return { lastExport: parseMark(lastExport), snoozedAtSeq: isSeq(snoozedAtSeq) ? snoozedAtSeq : null };
}

const cache = new Map<string, ArchiveExportRecord>();
const listeners = new Set<() => void>();

function storedText(caseId: string): string | null {
  try {
    return localStorage.getItem(exportRecordKey(caseId));
  } catch {
    return null;
  }
}

/** The case's export record as stored (the same object until it changes, as `useSyncExternalStore` needs). */
export function readExportRecord(caseId: string): ArchiveExportRecord {
  let record = cache.get(caseId);
  if (!record) {
    record = parseExportRecord(storedText(caseId));
    cache.set(caseId, record);
  }
  return record;
}

function write(caseId: string, record: ArchiveExportRecord): void {
  cache.set(caseId, record);
  try {
    localStorage.setItem(exportRecordKey(caseId), JSON.stringify(record));
  } catch {
    // Storage refused (a private window, a full disk): the record holds for this session.
  }
  for (const listener of [...listeners]) listener();
}

/** Notes an export that was saved whole: the reminder starts counting again from it. */
export function recordArchiveExport(caseId: string, mark: ArchiveExportMark): void {
  write(caseId, { lastExport: { at: mark.at, seq: mark.seq }, snoozedAtSeq: null });
}

/** *Later*: the reminder waits until the changes after `seq` reach the threshold again. */
export function snoozeExportReminder(caseId: string, seq: number): void {
  write(caseId, { ...readExportRecord(caseId), snoozedAtSeq: seq });
}

function onStorage(event: StorageEvent) {
  // Another window of the app exported or snoozed: read again what it wrote.
  if (event.key === null) cache.clear();
  else if (event.key.startsWith(KEY_PREFIX)) cache.delete(event.key.slice(KEY_PREFIX.length));
  else return;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void) {
  if (!listeners.size) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (!listeners.size) window.removeEventListener('storage', onStorage);
  };
}

/** The case's export record, re-rendering when an export is saved or the reminder snoozed (here or in another window). */
export function useExportRecord(caseId: string): ArchiveExportRecord {
  return useSyncExternalStore(subscribe, () => readExportRecord(caseId));
}
