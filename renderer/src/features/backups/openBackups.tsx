/**
 * *Restore from backup…*: the desktop app's backups, in a dialog of its own over whatever is shown (a React root of its
 * own, as the archive's import), so that the command, the application menu and the start of the app (finding the
 * library empty while backups exist) can open it. This module is all they load first.
 */
import { createRoot } from 'react-dom/client';

let open = false;

export interface BackupsDialogOptions {
  /** Set when the app started to an empty library that held cases when last seen: how many. */
  emptyLibrary?: { caseCount: number; notedAt: string };
  /** Called when the dialog closes, saying whether the researcher chose to start with the library empty. */
  onClosed?: (outcome: { startedEmpty: boolean }) => void;
}

export async function openBackups(options: BackupsDialogOptions = {}): Promise<void> {
  if (open) return;
  open = true;
  try {
    const { BackupsDialog } = await import('./BackupsDialog');
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const close = (startedEmpty = false) => {
      root.unmount();
      container.remove();
      open = false;
      options.onClosed?.({ startedEmpty });
    };
    root.render(<BackupsDialog emptyLibrary={options.emptyLibrary ?? null} onClose={close} />);
  } catch (error) {
    open = false;
    throw error;
  }
}
