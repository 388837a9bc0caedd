import type { BackupFinishedEvent, CasebookApi, Unsubscribe } from '../../../shared/contract';
import { notify, type Notice } from '../components/notices';

/** A backup written says nothing (they are made in the background, often); one that failed says why. */
export function describeBackupFinished(event: BackupFinishedEvent): Pick<Notice, 'tone' | 'text'> | null {
  return event.error ? { tone: 'error', text: `The backup ${event.fileName} was not made: ${event.error}` } : null;
}

/**
 * Acts on the host's news: case files opened from the system (in the archive's dialog), and backups that failed. (Menu commands go to the
 * command registry instead.) Returns what stops listening.
 */
export function listenToHostEvents(host: Pick<CasebookApi, 'onCaseFileOpened' | 'onBackupFinished' | 'readFileRange'>): Unsubscribe {
  const stops = [
    host.onCaseFileOpened((event) => {
      import('../features/archive/importDialog')
        .then((dialog) => dialog.openHostCaseFile(host, event))
        .catch((error: unknown) => notify('error', `${event.name} could not be opened: ${String(error)}`));
    }),
    host.onBackupFinished((event) => {
      const notice = describeBackupFinished(event);
      if (notice) notify(notice.tone, notice.text);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
