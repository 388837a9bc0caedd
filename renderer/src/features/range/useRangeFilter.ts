import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { queries } from '../../app/casebook';
import { inRange, type InRange, type RangeRecords, type TimeWindow } from '../../timeline/inRange';
import { useCaseRange } from './caseRange';

export interface RangeFilter {
  /** The case's range; null: nothing is filtered by time. */
  range: TimeWindow | null;
  /** What falls in it; null while it is worked out (or with no range). */
  inRange: InRange | null;
  /** The case's events and relationships the rules read (null with no range). */
  records: RangeRecords | null;
  /** True while a range is set and what falls in it is not known yet: the view waits rather than show everything. */
  pending: boolean;
  clear(): void;
}

/** The case's range brush for a section: the range, what falls in it (read live, so an event dated anew moves in or out). */
export function useRangeFilter(caseId: string): RangeFilter {
  const [range, setRange] = useCaseRange(caseId);
  const records = useLiveQuery(() => (range ? queries.rangeRecordsOf(caseId) : null), [caseId, range !== null]);
  const found = useMemo(() => (range && records ? inRange(records, range) : null), [range, records]);
  return { range, inRange: found, records: range ? (records ?? null) : null, pending: range !== null && found === null, clear: () => setRange(null) };
}
