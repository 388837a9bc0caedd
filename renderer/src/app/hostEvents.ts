import type { BackupFinishedEvent, CasebookApi, CaseFileOpenedEvent, Unsubscribe } from '../../../shared/contract';
import { notify, type Notice } from '../components/notices';

/**
 * A case archive the system handed Casebook (a double-click, the command line, a second start): opened in the
 * archive's dialog, read from the desktop app a window at a time; or, when it could not be opened, why.
 */
async function openCaseFile(host: Pick<CasebookApi, 'readFileRange'>, event: CaseFileOpenedEvent): Promise<void> {
  if (event.token === null || event.size === null) {
    notify('error', event.error ?? `${event.name} could not be opened.`);
    return;
  }
  const [{ openArchiveImport }, { hostFile }] = await Promise.all([import('../features/archive/importDialog'), import('../features/archive/hostFile')]);
  await openArchiveImport({ opened: { name: event.name, source: hostFile(host, event.token, event.size) } });
}

/** A backup written says nothing (they are made in the background, often); one that failed says why. */
export function describeBackupFinished(event: BackupFinishedEvent): Pick<Notice, 'tone' | 'text'> | null {
  return event.error ? { tone: 'error', text: `The backup ${event.fileName} was not made: ${event.error}` } : null;
}

/**
 * Acts on the host's news: case files opened from the system, and backups that failed. (Menu commands go to the
 * command registry instead.) Returns what stops listening.
 */
export function listenToHostEvents(host: Pick<CasebookApi, 'onCaseFileOpened' | 'onBackupFinished' | 'readFileRange'>): Unsubscribe {
  const stops = [
    host.onCaseFileOpened((event) => {
      openCaseFile(host, event).catch((error: unknown) => notify('error', `${event.name} could not be opened: ${error instanceof Error ? error.message : String(error)}`));
    }),
    host.onBackupFinished((event) => {
      const notice = describeBackupFinished(event);
      if (notice) notify(notice.tone, notice.text);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
