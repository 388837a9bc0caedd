import { useId, useMemo, useState } from 'react';
import type { CaseDocument, Excerpt } from '../../../../../shared/domain';
import { Dialog } from '../../../components/Dialog';
import { FormError } from '../../../components/Field';
import { useOperation } from '../../../components/useOperation';
import { recordTitle } from '../../../../../shared/vocabulary';
import { locateQuote } from '../../../anchoring/anchor';
import { operations } from '../../../app/casebook';
import type { CleanupResult } from '../../../domain/documentCleanup';
import { keptTextOf, proposeCleanup } from './cleanup';

interface CleanupDialogProps {
  document: CaseDocument;
  excerpts: readonly Excerpt[];
  onClose: () => void;
  onDone: (result: CleanupResult) => void;
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/**
 * Shows every line of a pasted web page with the lines that look like site chrome ticked and why; the researcher
 * changes the ticks and confirms. Only whole lines go, and the original file stays as it was.
 */
export function CleanupDialog({ document, excerpts, onClose, onDone }: CleanupDialogProps) {
  const proposal = useMemo(() => proposeCleanup(document.text), [document.text]);
  const lines = useMemo(() => proposal.lines.filter((line) => line.text.trim()), [proposal]);
  const [removed, setRemoved] = useState<ReadonlySet<number>>(
    () => new Set(proposal.lines.filter((line) => line.chrome).map((line) => line.index)),
  );
  const [onlyProposed, setOnlyProposed] = useState(false);
  const keptText = useMemo(() => keptTextOf(document.text, removed), [document.text, removed]);
  const lost = useMemo(
    () => excerpts.filter((excerpt) => !locateQuote(keptText, excerpt.quote, excerpt.anchor)),
    [excerpts, keptText],
  );
  const { run, busy, formError } = useOperation();
  const id = useId();
  const proposed = lines.filter((line) => line.chrome).length;
  const shown = onlyProposed ? lines.filter((line) => line.chrome || removed.has(line.index)) : lines;

  const toggle = (index: number, remove: boolean) =>
    setRemoved((previous) => {
      const next = new Set(previous);
      if (remove) next.add(index);
      else next.delete(index);
      return next;
    });

  return (
    <Dialog title={`Clean up “${document.title}”`} onClose={onClose}>
      <div className="cleanup-dialog">
        <p className="small">
          {proposed
            ? `${plural(proposed, 'line looks', 'lines look')} like the web site’s menus, advertisements or buttons rather than the article, and ${proposed === 1 ? 'is' : 'are'} ticked for removal.`
            : 'No line looks like a web site’s menus, advertisements or buttons.'}{' '}
          Untick what belongs to the document; tick anything else to remove. The original file is kept as it was.
        </p>
        <div className="row">
          <label className="row small">
            <input
              type="checkbox"
              checked={onlyProposed}
              onChange={(event) => setOnlyProposed(event.target.checked)}
              style={{ width: 'auto' }}
            />
            Show only the lines to remove
          </label>
          <span className="spacer" />
          <span role="status" className="small">
            {plural(removed.size, 'line', 'lines')} of {lines.length.toLocaleString()} to remove
          </span>
        </div>
        <ol className="cleanup-lines" aria-label="Lines of the document">
          {shown.map((line) => (
            <li key={line.index} className={removed.has(line.index) ? 'removed' : undefined}>
              <input
                id={`${id}-${line.index}`}
                type="checkbox"
                checked={removed.has(line.index)}
                onChange={(event) => toggle(line.index, event.target.checked)}
                aria-describedby={line.reason ? `${id}-${line.index}-reason` : undefined}
              />
              <label htmlFor={`${id}-${line.index}`} className="line-text">
                {line.text}
              </label>
              <span className="line-number" aria-hidden="true">
                {line.index + 1}
              </span>
              {line.reason && (
                <span id={`${id}-${line.index}-reason`} className="reason">
                  {line.reason}
                </span>
              )}
            </li>
          ))}
        </ol>
        {lost.length > 0 && (
          <div className="warning-box" role="alert">
            {lost.length === 1 ? 'One excerpt quotes' : `${lost.length} excerpts quote`} text from the lines you are
            removing and will no longer point at a place in the document:{' '}
            {lost.map((excerpt) => `“${recordTitle('excerpt', excerpt)}”`).join(', ')}.
          </div>
        )}
        <FormError message={formError} />
        <div className="row end">
          <button type="button" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || removed.size === 0}
            onClick={async () => {
              const result = await run(() => operations.applyCleanup(document.id, keptText));
              if (result) onDone(result);
            }}
          >
            Remove {plural(removed.size, 'line', 'lines')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
