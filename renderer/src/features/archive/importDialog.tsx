/**
 * *Open case archive…*: a dialog of its own, over whatever is shown, in a React root of its own so that the command
 * can open it from anywhere (the library, a case, the application menu, an archive dropped on the window or opened
 * by the system, a backup to restore). This module is all those first load, with nothing but React beneath it; the
 * dialog and the archive's code come after.
 */
import type { CasebookApi, CaseFileOpenedEvent } from '../../../../shared/contract';
import type { ArchiveSource } from '../../archive/readArchive';
import { notify } from '../../components/notices';
import { singleDialog } from '../../components/singleDialog';

const showImport = singleDialog();

export interface ArchiveImportOptions {
  /** The dialog's title: "Open case archive" unless said. */
  title?: string;
  /** The archive to read at once, instead of asking for one. */
  opened?: { name: string; source: ArchiveSource };
}

/** Shows the dialog; while one is shown, another archive waits its turn, refused with a message. */
export async function openArchiveImport(options: ArchiveImportOptions = {}): Promise<void> {
  const shown = await showImport(async (close) => {
    const { ArchiveImportDialog } = await import('./ArchiveImportDialog');
    return (
      <ArchiveImportDialog
        title={options.title}
        opened={options.opened ?? null}
        onClose={close}
        onImported={(caseId) => {
          close();
          window.location.hash = `#/case/${caseId}`;
        }}
      />
    );
  });
  if (!shown && options.opened)
    notify('error', `${options.opened.name} was not opened: finish or cancel the archive already being opened first, then open it again.`);
}

/**
 * Files dropped on the window or on a case that are not documents to import: the first `.casebook` archive opens (more
 * than one wait to be dropped again); other files get a word on where documents go.
 */
export async function openDroppedFiles(files: readonly File[]): Promise<void> {
  const [first, ...others] = files.filter((file) => file.name.toLowerCase().endsWith('.casebook'));
  if (!first) {
    if (files.length)
      notify('info', `${files.map((file) => file.name).join(', ')}: open a case and drop documents on it to import them; a .casebook archive dropped anywhere is opened.`);
    return;
  }
  if (others.length) notify('info', `Only ${first.name} is opened: open ${others.map((file) => file.name).join(', ')} after it, one at a time.`);
  await openArchiveImport({ opened: { name: first.name, source: first } });
}

/**
 * A case archive the system handed Casebook (a double-click, the command line, a second start): read from the desktop
 * app a window at a time; or, when it could not be opened, why.
 */
export async function openHostCaseFile(host: Pick<CasebookApi, 'readFileRange'>, event: CaseFileOpenedEvent): Promise<void> {
  if (event.token === null || event.size === null) {
    notify('error', event.error ?? `${event.name} could not be opened.`);
    return;
  }
  const { hostFile } = await import('./hostFile');
  await openArchiveImport({ opened: { name: event.name, source: hostFile(host, event.token, event.size) } });
}
