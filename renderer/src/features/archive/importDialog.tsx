/**
 * *Open case archive…*: a dialog of its own, over whatever is shown, in a React root of its own so that the command
 * can open it from anywhere (the library, a case, the application menu, an archive dropped on the window or opened
 * by the system, a backup to restore). This module is all those first load, with nothing but React beneath it; the
 * dialog and the archive's code come after.
 */
import { createRoot } from 'react-dom/client';
import type { ArchiveSource } from '../../archive/readArchive';

let open = false;

export interface ArchiveImportOptions {
  /** The dialog's title: "Open case archive" unless said. */
  title?: string;
  /** The archive to read at once, instead of asking for one. */
  opened?: { name: string; source: ArchiveSource };
}

/** Shows the dialog; while one is shown, another archive waits its turn, refused with a message. */
export async function openArchiveImport(options: ArchiveImportOptions = {}): Promise<void> {
  if (open) {
    if (options.opened) {
      const { notify } = await import('../../components/notices');
      notify('error', `${options.opened.name} was not opened: finish or cancel the archive already being opened first, then open it again.`);
    }
    return;
  }
  open = true;
  try {
    const { ArchiveImportDialog } = await import('./ArchiveImportDialog');
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const close = () => {
      root.unmount();
      container.remove();
      open = false;
    };
    root.render(
      <ArchiveImportDialog
        title={options.title}
        opened={options.opened ?? null}
        onClose={close}
        onImported={(caseId) => {
          close();
          window.location.hash = `#/case/${caseId}`;
        }}
      />,
    );
  } catch (error) {
    open = false;
    throw error;
  }
}
