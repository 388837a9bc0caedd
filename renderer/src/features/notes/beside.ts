import { useSyncExternalStore } from 'react';

/** The sections a note can be written beside (beside the excerpts' or entities' list, their rows drag into it). */
export const BESIDE_SECTIONS = [
  { section: 'documents', label: 'Beside documents' },
  { section: 'excerpts', label: 'Beside excerpts' },
  { section: 'entities', label: 'Beside entities' },
  { section: 'timeline', label: 'Beside the timeline' },
] as const;
export type BesideSection = (typeof BESIDE_SECTIONS)[number]['section'];

/** A note open beside another section's view: remembered per case on this computer, so it is there after a reload. */
export interface NoteBeside {
  noteId: string;
  section: BesideSection;
}

const keyOf = (caseId: string) => `casebook.ui.noteBeside.${caseId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, NoteBeside | null>();

function read(caseId: string): NoteBeside | null {
  if (cache.has(caseId)) return cache.get(caseId)!;
  let value: NoteBeside | null = null;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(caseId)) ?? 'null');
    const candidate = parsed as Partial<NoteBeside> | null;
    if (candidate && typeof candidate.noteId === 'string' && BESIDE_SECTIONS.some((one) => one.section === candidate.section))
      value = candidate as NoteBeside;
  } catch {
    // Unreadable: no note beside.
  }
  cache.set(caseId, value);
  return value;
}

export function setNoteBeside(caseId: string, value: NoteBeside | null): void {
  cache.set(caseId, value);
  try {
    if (value) localStorage.setItem(keyOf(caseId), JSON.stringify(value));
    else localStorage.removeItem(keyOf(caseId));
  } catch {
    // Storage refused: the choice holds for this session.
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The note open beside the case's other sections, if any. */
export function useNoteBeside(caseId: string): NoteBeside | null {
  return useSyncExternalStore(subscribe, () => read(caseId));
}
