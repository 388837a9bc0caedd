import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useCommandTarget } from '../../../commands';
import { isCaseArchive, openDroppedArchives } from '../../../app/droppedArchives';
import { notify } from '../../../components/notices';
import { host } from '../../../platform';
import { IMPORT_FILTERS } from './ImportPanel';
import { readBrowserFiles, useImport } from './useImport';

type ImportApi = ReturnType<typeof useImport>;
const ImportContext = createContext<ImportApi | null>(null);

/** The case's import batch, shared by the Documents section and the drop zone that covers the whole case. */
export function useCaseImport(): ImportApi {
  const importer = useContext(ImportContext);
  if (!importer) throw new Error('useCaseImport is used outside a CaseImportProvider');
  return importer;
}

/**
 * Holds the import batch for an open case and accepts files dropped anywhere on it, or chosen in the file dialog
 * (the Import files command, Ctrl+O / Cmd+O, from anywhere in the case): they are imported and the Documents section
 * opens to show the progress.
 */
export function CaseImportProvider({ caseId, children }: { caseId: string; children: ReactNode }) {
  const importer = useImport(caseId);
  const navigate = useNavigate();
  const [dragging, setDragging] = useState(false);
  const { start } = importer;
  // The report closes when the researcher moves on (opens a document, changes section); "Last import" reopens it.
  const { pathname } = useLocation();
  const [shownAt, setShownAt] = useState(pathname);
  if (shownAt !== pathname) {
    setShownAt(pathname);
    if (importer.reportOpen) importer.dismiss();
  }
  const importFromDialog = useCallback(async () => {
    const picked = await host.openFiles({ title: 'Import documents', filters: IMPORT_FILTERS, multiple: true });
    if (!picked.length) return;
    navigate(`/case/${caseId}/documents`);
    await start(picked);
  }, [caseId, navigate, start]);
  useCommandTarget('importFiles', importer.running ? null : importFromDialog);
  const carriesFiles = (event: React.DragEvent) => event.dataTransfer.types.includes('Files');

  return (
    <ImportContext.Provider value={importer}>
      <div
        className="drop-zone"
        data-dragging={dragging || undefined}
        onDragOver={(event) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (event.currentTarget === event.target || !event.currentTarget.contains(event.relatedTarget as Node)) setDragging(false);
        }}
        onDrop={async (event) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          setDragging(false);
          // A case archive dropped on a case opens as an archive (as anywhere on the window); the rest are documents.
          const dropped = Array.from(event.dataTransfer.files);
          const archives = dropped.filter(isCaseArchive);
          if (archives.length) openDroppedArchives(archives).catch((error: unknown) => notify('error', `${archives[0]!.name} could not be opened: ${String(error)}`));
          const documents = dropped.filter((file) => !isCaseArchive(file));
          if (!documents.length) return;
          const files = await readBrowserFiles(documents);
          navigate(`/case/${caseId}/documents`);
          await importer.start(files);
        }}
      >
        {children}
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            Drop files to import them into this case
          </div>
        )}
      </div>
    </ImportContext.Provider>
  );
}
