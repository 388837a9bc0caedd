import './exportReminder.css';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useRunCommand } from '../../commands';
import { formatTimeAgo } from './timeAgo';
import { isElectron } from '../../platform';
import { changesWord } from './ArchiveExportStatus';
import { countChangesFromNow, isSampleOpened } from './exportBaseline';
import { snoozeExportReminder } from './exportRecord';
import { useExportStatus } from './useExportStatus';

/**
 * In the browser build, a polite reminder to export the case once enough has changed since its last export
 * (`reminderRule.ts`). It never takes the focus nor covers anything: a status at the foot of the case's pane, reached
 * by Tab after the section's content. The desktop app keeps backups itself and is not reminded.
 */
export function ExportReminder({ caseId }: { caseId: string }) {
  return isElectron ? null : <BrowserExportReminder caseId={caseId} />;
}

function BrowserExportReminder({ caseId }: { caseId: string }) {
  const sampleOpened = isSampleOpened(useLocation().state);
  // The sample's own changes are set aside before anything is counted (and shown).
  const [settledFor, setSettledFor] = useState<string | null>(null);
  useEffect(() => {
    if (!sampleOpened) return;
    let current = true;
    void countChangesFromNow(caseId).finally(() => current && setSettledFor(caseId));
    return () => {
      current = false;
    };
  }, [caseId, sampleOpened]);
  const status = useExportStatus(caseId);
  const runCommand = useRunCommand();
  const box = useRef<HTMLDivElement>(null);
  if (!status?.reminderDue || (sampleOpened && settledFor !== caseId)) return null;

  const { lastExport, sinceExport } = status;
  const later = () => {
    // The buttons go with the reminder: the keyboard carries on from the section, not from nowhere.
    if (box.current?.contains(document.activeElement)) document.getElementById('main')?.focus({ preventScroll: true });
    snoozeExportReminder(caseId, status.lastSeq);
  };
  return (
    <div ref={box} className="export-reminder" role="status" aria-label="Export reminder">
      <p>
        {lastExport
          ? `${changesWord(sinceExport.changes)} since this case was last exported, ${formatTimeAgo(lastExport.at, status.now)}.`
          : `This case has never been exported: its ${changesWord(sinceExport.changes)} are kept only in this browser.`}{' '}
        An archive keeps a copy if the browser’s storage is cleared.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => runCommand('archive.export')}>
          Export case archive…
        </button>
        <button type="button" onClick={later}>
          Later
        </button>
      </div>
    </div>
  );
}
