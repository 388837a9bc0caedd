/**
 * *Import case archive…*: a dialog of its own, over whatever is shown, in a React root of its own so that the command
 * can open it from anywhere (the library, a case, the application menu) without anything of it loading at start.
 */
import { createRoot } from 'react-dom/client';
import { ArchiveImportDialog } from './ArchiveImportDialog';

let open = false;

export function openArchiveImport(): void {
  if (open) return;
  open = true;
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
}
