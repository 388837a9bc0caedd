import { useState } from 'react';
import type { CaseDocument } from '../../../../../shared/domain';
import { Dialog } from '../../../components/Dialog';
import { FormError } from '../../../components/Field';
import { useOperation } from '../../../components/useOperation';
import { operations } from '../../../app/casebook';
import type { CleanupResult } from '../../../domain/documentCleanup';

interface RemovedLinesDialogProps {
  document: CaseDocument;
  onClose: () => void;
  onChanged: (result: CleanupResult) => void;
}

/**
 * The review of a clean-up: every line removed from the document's text as site text, with why, each with a button
 * that puts it back. The list follows the document, so a line put back leaves it.
 */
export function RemovedLinesDialog({ document, onClose, onChanged }: RemovedLinesDialogProps) {
  const removed = document.cleanup?.removed ?? [];
  const { run, busy, formError } = useOperation();
  const [status, setStatus] = useState('');

  const putBack = async (indexes: number[], what: string) => {
    const result = await run(() => operations.restoreRemovedLines(document.id, indexes));
    if (!result) return;
    setStatus(`Put back ${what}.`);
    onChanged(result);
  };

  return (
    <Dialog title={`Site text removed from “${document.title}”`} onClose={onClose}>
      <div className="cleanup-dialog">
        <p className="small">
          These lines were taken out of the text as the web site’s rather than the document’s. Put back any that belongs
          to the document; excerpts follow their quotes. The original file is kept as it was.
        </p>
        {removed.length ? (
          <ul className="cleanup-lines removed-lines" aria-label="Lines removed">
            {removed.map((line) => (
              <li key={line.index}>
                <span className="line-text">{line.text}</span>
                <span className="line-number" aria-hidden="true">
                  {line.index + 1}
                </span>
                <button type="button" disabled={busy} onClick={() => void putBack([line.index], `“${line.text}”`)}>
                  Put back
                </button>
                <span className="reason">{line.reason}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No line is removed now.</p>
        )}
        <p role="status" className="small">
          {status}
        </p>
        <FormError message={formError} />
        <div className="row end">
          {removed.length > 1 && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void putBack(removed.map((line) => line.index), `all ${removed.length} lines`)}
            >
              Put all back
            </button>
          )}
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
