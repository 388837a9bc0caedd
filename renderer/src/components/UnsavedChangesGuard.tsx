import { useEffect } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';
import { ConfirmDialog } from './Dialog';
import { flushDrafts, unsavedForms } from './drafts';

/** Another record, section or case: a change of path closes the open forms; a new search or page number does not. */
const leavesForms: BlockerFunction = ({ currentLocation, nextLocation }) =>
  currentLocation.pathname !== nextLocation.pathname && unsavedForms().length > 0;

/** "the note “Harbour”, the new entity and the new event" */
function listed(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/**
 * Asks before leaving a form with unsaved changes: the browser's own question when the window closes or reloads
 * (in Electron the main process asks instead, see electron/main/services/leavePrompt.ts), and a dialog when the
 * researcher goes elsewhere in the app. Either way the draft is written first, so leaving keeps it.
 * Needs a data router (useBlocker); render it once, inside the router.
 */
export function UnsavedChangesGuard() {
  const blocker = useBlocker(leavesForms);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      flushDrafts();
      if (unsavedForms().length === 0) return;
      event.preventDefault();
      // Older Chromium (and so Electron) only asks when returnValue is set.
      event.returnValue = '';
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') flushDrafts();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', flushDrafts);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', flushDrafts);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);

  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog
      title="Leave without saving?"
      message={
        <>
          <p>You have unsaved changes in {listed(unsavedForms())}.</p>
          <p className="muted small">What you typed is kept on this computer as a draft and offered back when you open it again.</p>
        </>
      }
      confirmLabel="Leave without saving"
      cancelLabel="Stay"
      onConfirm={() => blocker.proceed()}
      onCancel={() => blocker.reset()}
    />
  );
}
