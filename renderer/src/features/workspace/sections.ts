import type { CaseCounts } from '../../db/queries';

export interface SectionDef {
  /** Path under /case/:id, "" for the overview. */
  path: string;
  label: string;
  /** Which count the navigation shows beside the label. */
  count: keyof CaseCounts | null;
  /** Alt + digit opens the section from anywhere in the workspace. */
  shortcut: string;
}

export const SECTIONS: readonly SectionDef[] = [
  { path: '', label: 'Overview', count: null, shortcut: 'Alt+1' },
  { path: 'documents', label: 'Documents', count: 'documents', shortcut: 'Alt+2' },
  { path: 'excerpts', label: 'Excerpts', count: 'excerpts', shortcut: 'Alt+3' },
  { path: 'entities', label: 'Entities', count: 'entities', shortcut: 'Alt+4' },
  { path: 'timeline', label: 'Timeline', count: 'events', shortcut: 'Alt+5' },
  { path: 'notes', label: 'Notes', count: 'notes', shortcut: 'Alt+6' },
];
