import type { BackupFinishedEvent, CasebookApi, CaseFileOpenedEvent, Unsubscribe } from '../../../shared/contract';
import { notify, type Notice } from '../components/notices';

/** What the researcher is told when the system hands Casebook a case archive. */
export function describeCaseFileOpened(event: CaseFileOpenedEvent): Pick<Notice, 'tone' | 'text'> {
  if (event.error) return { tone: 'error', text: event.error };
  return {
    tone: 'info',
    text: `“${event.name}” is a Casebook case archive. Opening case archives arrives with the archive feature in a later version of Casebook; keep the file until then. Nothing in your library was changed.`,
  };
}

export function describeBackupFinished(event: BackupFinishedEvent): Pick<Notice, 'tone' | 'text'> {
  if (event.error) return { tone: 'error', text: `The backup ${event.fileName} was not made: ${event.error}` };
  return { tone: 'info', text: `Backup saved as ${event.fileName}.` };
}

/**
 * Shows the host's news as notices: case files opened from the system and finished backups. (Menu commands go to the
 * command registry instead.) Returns what stops listening.
 */
export function listenToHostEvents(host: Pick<CasebookApi, 'onCaseFileOpened' | 'onBackupFinished'>): Unsubscribe {
  const show = ({ tone, text }: Pick<Notice, 'tone' | 'text'>) => void notify(tone, text);
  const stops = [
    host.onCaseFileOpened((event) => show(describeCaseFileOpened(event))),
    host.onBackupFinished((event) => show(describeBackupFinished(event))),
  ];
  return () => stops.forEach((stop) => stop());
}
