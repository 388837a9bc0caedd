import './exportReminder.css';
import { useRunCommand } from '../../commands';
import { formatDateTime } from '../../format';
import { formatTimeAgo } from './timeAgo';
import { useExportStatus } from './useExportStatus';

export const changesWord = (count: number): string => `${count.toLocaleString()} ${count === 1 ? 'change' : 'changes'}`;

/** On the case's overview: when the case was last exported from here, how much changed since, and *Export*. */
export function ArchiveExportStatus({ caseId }: { caseId: string }) {
  const status = useExportStatus(caseId);
  const runCommand = useRunCommand();
  return (
    <p className="export-status" data-testid="export-status">
      <span className="muted">
        {!status ? (
          '…'
        ) : status.lastExport ? (
          <>
            Last exported{' '}
            <time dateTime={status.lastExport.at} title={formatDateTime(status.lastExport.at)}>
              {formatTimeAgo(status.lastExport.at, status.now)}
            </time>{' '}
            · {status.sinceExport.changes ? changesWord(status.sinceExport.changes) : 'no changes'} since
          </>
        ) : (
          'Never exported'
        )}
      </span>
      <button type="button" onClick={() => runCommand('archive.export')}>
        Export case archive…
      </button>
    </p>
  );
}
