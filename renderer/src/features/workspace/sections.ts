import type { RecordType } from '../../../../shared/domain';
import { RECORD_KINDS, RECORD_TYPES } from '../../../../shared/vocabulary';
import type { CaseCounts } from '../../db/queries';

export interface SectionDef {
  /** Path under /case/:id, "" for the overview. */
  path: string;
  label: string;
  /** Which count the navigation shows beside the label. */
  count: keyof CaseCounts | null;
  /** The kind of record the section lists, whose words name its count ("2 events"). */
  type: RecordType | null;
}

/** The overview, then one section per kind of record, in the vocabulary's order. */
export const SECTIONS: readonly SectionDef[] = [
  { path: '', label: 'Overview', count: null, type: null },
  ...RECORD_TYPES.map((type) => ({
    path: RECORD_KINDS[type].section,
    label: RECORD_KINDS[type].sectionLabel,
    count: RECORD_KINDS[type].table,
    type,
  })),
];
