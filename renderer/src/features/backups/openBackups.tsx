/**
 * *Restore from backup…*: the desktop app's backups, in a dialog of its own over whatever is shown (a React root of its
 * own, as the archive's import), so that the command, the application menu and the start of the app (finding the
 * library empty while backups exist) can open it. This module is all they load first.
 */
import { singleDialog } from '../../components/singleDialog';

const showBackups = singleDialog();

export interface BackupsDialogOptions {
  /** Set when the app started to an empty library that held cases when last seen: how many. */
  emptyLibrary?: { caseCount: number; notedAt: string };
  /** Called when the dialog closes, saying whether the researcher chose to start with the library empty. */
  onClosed?: (outcome: { startedEmpty: boolean }) => void;
}

export async function openBackups(options: BackupsDialogOptions = {}): Promise<void> {
  await showBackups(async (close) => {
    const { BackupsDialog } = await import('./BackupsDialog');
    return (
      <BackupsDialog
        emptyLibrary={options.emptyLibrary ?? null}
        onClose={(startedEmpty = false) => {
          close();
          options.onClosed?.({ startedEmpty });
        }}
      />
    );
  });
}
