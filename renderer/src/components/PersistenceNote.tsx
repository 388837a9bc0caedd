import { useState } from 'react';
import { useLocation } from 'react-router';

const PERSISTENCE_NOTE_DISMISSED = 'casebook.persistence-note-dismissed';

/**
 * Says once, in the library, that this browser declined to keep the case library for good (see
 * app/persistentStorage.ts; App.tsx shows this only then). Nothing is wrong yet, so it is a note, not an alert, and it
 * stays dismissed.
 */
export function PersistenceNote() {
  const { pathname } = useLocation();
  const [dismissed, setDismissed] = useState(() => {
    try {
      return localStorage.getItem(PERSISTENCE_NOTE_DISMISSED) !== null;
    } catch {
      return true;
    }
  });
  if (dismissed || pathname !== '/') return null;
  const dismiss = () => {
    setDismissed(true);
    try {
      localStorage.setItem(PERSISTENCE_NOTE_DISMISSED, new Date().toISOString());
    } catch {
      // Shown again next time, then.
    }
  };
  return (
    <div className="notice row" role="note" aria-label="Storage in this browser" style={{ maxWidth: 960, margin: '1rem auto' }}>
      <span style={{ flex: 1 }}>
        This browser has not promised to keep Casebook’s storage: if the disk runs very low, it may clear your cases.
        Bookmarking this page usually lets it promise (Casebook asks at each start); the desktop app has no such limit.
      </span>
      <button type="button" className="quiet" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

