import { useCallback, useSyncExternalStore } from 'react';
import type { TimeWindow } from '../../timeline/inRange';

/**
 * The time range each case is filtered to (the range brush), kept for the session: it holds while the researcher moves
 * between sections and across a reload of the window, and is forgotten when the window closes (sessionStorage), so a
 * case never opens filtered days later without anyone remembering why. One range per case.
 */

const KEY_PREFIX = 'casebook.range.';
const ranges = new Map<string, TimeWindow | null>();
const listeners = new Set<() => void>();

function session(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function isWindow(value: unknown): value is TimeWindow {
  const range = value as TimeWindow | null;
  return typeof range?.start === 'number' && typeof range.end === 'number' && Number.isFinite(range.start) && Number.isFinite(range.end) && range.start < range.end;
}

/** The case's range, or null when the case is not filtered by time. */
export function caseRangeOf(caseId: string): TimeWindow | null {
  if (!ranges.has(caseId)) {
    let stored: TimeWindow | null = null;
    try {
      const parsed: unknown = JSON.parse(session()?.getItem(KEY_PREFIX + caseId) ?? 'null');
      stored = isWindow(parsed) ? { start: parsed.start, end: parsed.end } : null;
    } catch {
      // Something else wrote there: no range.
    }
    ranges.set(caseId, stored);
  }
  return ranges.get(caseId)!;
}

/** Sets the case's range (null clears it); a range that ends before it starts is refused. */
export function setCaseRange(caseId: string, range: TimeWindow | null): void {
  if (range && !isWindow(range)) throw new RangeError('A time range must end after it starts.');
  ranges.set(caseId, range ? { start: range.start, end: range.end } : null);
  try {
    if (range) session()?.setItem(KEY_PREFIX + caseId, JSON.stringify({ start: range.start, end: range.end }));
    else session()?.removeItem(KEY_PREFIX + caseId);
  } catch {
    // Storage refused: the range still holds until the window closes or reloads.
  }
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The case's range and its setter, shared by every view of the case. */
export function useCaseRange(caseId: string): [TimeWindow | null, (range: TimeWindow | null) => void] {
  const range = useSyncExternalStore(subscribe, () => caseRangeOf(caseId));
  const set = useCallback((next: TimeWindow | null) => setCaseRange(caseId, next), [caseId]);
  return [range, set];
}
