import { useCallback, useState } from 'react';

const PREFIX = 'casebook.ui.';

function read(key: string, fallback: boolean): boolean {
  try {
    const stored = localStorage.getItem(PREFIX + key);
    return stored === null ? fallback : stored === 'true';
  } catch {
    return fallback;
  }
}

/**
 * A yes-or-no choice about the layout (a list collapsed, details shown) kept on this computer, so the app opens the
 * way the researcher left it. Storage that refuses the write only loses the memory, never the choice.
 */
export function useRememberedFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const remember = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        localStorage.setItem(PREFIX + key, String(next));
      } catch {
        // Private windows and full disks refuse: the choice still holds for this session.
      }
    },
    [key],
  );
  return [value, remember];
}
