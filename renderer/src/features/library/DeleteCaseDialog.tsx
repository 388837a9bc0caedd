import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseFile } from '../../../../shared/domain';
import { countOf } from '../../../../shared/vocabulary';
import { libraryQueries, operations } from '../../app/library';
import { ConfirmDialog } from '../../components/Dialog';
import { useOperation } from '../../components/useOperation';
import type { CaseCounts } from '../../db/queries/cases';

/** Asks before a case is deleted, saying what goes with it. Loaded when first asked, not with the library. */
export function DeleteCaseDialog({ caseFile, onClose }: { caseFile: CaseFile; onClose: () => void }) {
  const counts = useLiveQuery(() => libraryQueries.countCaseRecords(caseFile.id), [caseFile.id]);
  const { run, busy, formError } = useOperation();
  return (
    <ConfirmDialog
      title={`Delete “${caseFile.name}”?`}
      message={
        <p>
          This deletes the case and everything in it
          {counts ? `: ${describeCounts(counts)}` : ''}. This cannot be undone.
        </p>
      }
      confirmLabel="Delete case"
      busy={busy}
      error={formError}
      onCancel={onClose}
      onConfirm={async () => {
        if ((await run(() => operations.deleteCase(caseFile.id))) !== undefined) onClose();
      }}
    />
  );
}

function describeCounts(counts: CaseCounts): string {
  const links = `${counts.links.toLocaleString('en')} ${counts.links === 1 ? 'link' : 'links'}`;
  return [
    countOf('document', counts.documents),
    countOf('excerpt', counts.excerpts),
    countOf('entity', counts.entities),
    countOf('event', counts.events),
    countOf('note', counts.notes),
    links,
  ].join(', ');
}
