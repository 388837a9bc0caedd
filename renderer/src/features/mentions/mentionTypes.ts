import { useCallback, useState } from 'react';

const keyOf = (caseId: string) => `casebook.ui.mentions.hidden.${caseId}`;

function read(caseId: string): Set<string> {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(caseId)) ?? '[]') as unknown;
    return new Set(Array.isArray(stored) ? stored.filter((type): type is string => typeof type === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * The entity types whose mentions the reader does not underline, remembered per case on this computer. Storage that
 * refuses the write only loses the memory, never the choice.
 */
export function useHiddenMentionTypes(caseId: string): [ReadonlySet<string>, (type: string, shown: boolean) => void] {
  const [state, setState] = useState(() => ({ caseId, hidden: read(caseId) }));
  const hidden = state.caseId === caseId ? state.hidden : read(caseId);
  const toggle = useCallback(
    (type: string, shown: boolean) => {
      const next = new Set(read(caseId));
      if (shown) next.delete(type);
      else next.add(type);
      setState({ caseId, hidden: next });
      try {
        localStorage.setItem(keyOf(caseId), JSON.stringify([...next]));
      } catch {
        // Private windows and full disks refuse: the choice still holds for this session.
      }
    },
    [caseId],
  );
  return [hidden, toggle];
}
