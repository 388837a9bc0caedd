import './exportReminder.css';
import { useRef } from 'react';
import { useRunCommand } from '../../commands';
import { formatTimeAgo } from '../../format';
import { isElectron } from '../../platform';
import { changesWord } from './ArchiveExportStatus';
import { snoozeExportReminder } from './exportRecord';
import { useExportStatus } from './useExportStatus';

/**
 * In the browser build, a polite reminder to export the case once enough has changed since its last export
 * (`reminderRule.ts`). It never takes the focus nor covers a dialog: a status in the corner, reached by Tab after the
 * section's content. The desktop app keeps backups itself and is not reminded.
 */
export function ExportReminder({ caseId }: { caseId: string }) {
  return isElectron ? null : <BrowserExportReminder caseId={caseId} />;
}

function BrowserExportReminder({ caseId }: { caseId: string }) {
  const status = useExportStatus(caseId);
  const runCommand = useRunCommand();
  const box = useRef<HTMLDivElement>(null);
  if (!status?.reminderDue) return null;

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
