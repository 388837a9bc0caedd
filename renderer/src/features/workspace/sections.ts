import type { CaseCounts } from '../../domain';

export interface SectionDef {
  /** Path under /case/:id, "" for the overview. */
  path: string;
  label: string;
  /** Which count the navigation shows beside the label. */
  count: keyof CaseCounts | null;
}

export const SECTIONS: readonly SectionDef[] = [
  { path: '', label: 'Overview', count: null },
  { path: 'documents', label: 'Documents', count: 'documents' },
  { path: 'excerpts', label: 'Excerpts', count: 'excerpts' },
  { path: 'entities', label: 'Entities', count: 'entities' },
  { path: 'timeline', label: 'Timeline', count: 'events' },
  { path: 'notes', label: 'Notes', count: 'notes' },
];
