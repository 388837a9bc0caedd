/**
 * *Import case archive…*: a dialog of its own, over whatever is shown, in a React root of its own so that the command
 * can open it from anywhere (the library, a case, the application menu). This module is all the command loads first,
 * with nothing but React beneath it; the dialog and the archive's code come after.
 */
import { createRoot } from 'react-dom/client';

let open = false;

export async function openArchiveImport(): Promise<void> {
  if (open) return;
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
