import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import type { CaseDocument, Excerpt } from '../../../../../shared/domain';
import { Dialog } from '../../../components/Dialog';
import { FormError } from '../../../components/Field';
import { useOperation } from '../../../components/useOperation';
import { recordTitle } from '../../../../../shared/vocabulary';
import { locateQuote } from '../../../anchoring/anchor';
import { operations, queries } from '../../../app/casebook';
import { keptTextOf } from '../../../cleanup/keptText';
import { proposeCleanup } from '../../../cleanup/proposeCleanup';
import type { CleanupResult } from '../../../domain/documentCleanup';

interface CleanupDialogProps {
  document: CaseDocument;
  excerpts: readonly Excerpt[];
  onClose: () => void;
  onDone: (result: CleanupResult) => void;
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/**
 * Shows every line of the document's text as extracted, with the lines removed as site text ticked (or, before any
 * clean-up, those that look like it) and why; the researcher changes the ticks and confirms. Only whole lines go,
 * any can be put back later, and the original file stays as it was.
 */
export function CleanupDialog(props: CleanupDialogProps) {
  const { document, onClose } = props;
  const extracted = useLiveQuery(() => queries.textAsExtracted(document.id), [document.id, document.textVersion]);
  return (
    <Dialog title={`Clean up “${document.title}”`} onClose={onClose}>
      {extracted === undefined ? (
        <p role="status" className="muted">
          Reading the text…
        </p>
      ) : extracted === null ? (
        <p className="muted">The text of this document as extracted is missing, so it cannot be cleaned up.</p>
      ) : (
        <CleanupLines {...props} extracted={extracted} />
      )}
    </Dialog>
  );
}

function CleanupLines({ document, excerpts, onClose, onDone, extracted }: CleanupDialogProps & { extracted: string }) {
  const proposal = useMemo(
    () => proposeCleanup(extracted, document.html ? { extracted: document.kind === 'html', title: document.title, authors: document.authors } : {}),
    [extracted, document.html, document.kind, document.title, document.authors],
  );
  const lines = useMemo(() => proposal.lines.filter((line) => line.text.trim()), [proposal]);
  const alreadyRemoved = useMemo(() => new Map((document.cleanup?.removed ?? []).map((line) => [line.index, line.reason])), [document.cleanup]);
  const reasonOf = (index: number) => alreadyRemoved.get(index) ?? proposal.lines[index]?.reason ?? null;
  const [removed, setRemoved] = useState<ReadonlySet<number>>(() =>
    document.cleanup ? new Set(alreadyRemoved.keys()) : new Set(proposal.lines.filter((line) => line.chrome).map((line) => line.index)),
  );
  const [onlyProposed, setOnlyProposed] = useState(false);
  const keptText = useMemo(() => keptTextOf(extracted, removed), [extracted, removed]);
  const lost = useMemo(
    () => excerpts.filter((excerpt) => !locateQuote(keptText, excerpt.quote, excerpt.anchor)),
    [excerpts, keptText],
  );
  const { run, busy, formError } = useOperation();
  const id = useId();
  const proposed = lines.filter((line) => line.chrome).length;
  const shown = onlyProposed ? lines.filter((line) => line.chrome || removed.has(line.index) || alreadyRemoved.has(line.index)) : lines;
  const changed = removed.size !== alreadyRemoved.size || [...removed].some((index) => !alreadyRemoved.has(index));

  const toggle = (index: number, remove: boolean) =>
    setRemoved((previous) => {
      const next = new Set(previous);
      if (remove) next.add(index);
      else next.delete(index);
      return next;
    });

  return (
    <div className="cleanup-dialog">
      <p className="small">
        {document.cleanup
          ? `${plural(alreadyRemoved.size, 'line is', 'lines are')} removed as the web site’s text rather than the document’s, and ticked.`
          : proposed
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
        {shown.map((line) => {
          const reason = reasonOf(line.index);
          return (
            <li key={line.index} className={removed.has(line.index) ? 'removed' : undefined}>
              <input
                id={`${id}-${line.index}`}
                type="checkbox"
                checked={removed.has(line.index)}
                onChange={(event) => toggle(line.index, event.target.checked)}
                aria-describedby={reason ? `${id}-${line.index}-reason` : undefined}
              />
              <label htmlFor={`${id}-${line.index}`} className="line-text">
                {line.text}
              </label>
              <span className="line-number" aria-hidden="true">
                {line.index + 1}
              </span>
              {reason && (
                <span id={`${id}-${line.index}-reason`} className="reason">
                  {reason}
                </span>
              )}
            </li>
          );
        })}
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
          disabled={busy || !changed}
          onClick={async () => {
            const chosen = [...removed].map((index) => ({ index, text: proposal.lines[index]!.text, reason: reasonOf(index) }));
            const result = await run(() => operations.applyCleanup(document.id, chosen));
            if (result) onDone(result);
          }}
        >
          {document.cleanup ? 'Save the clean-up' : `Remove ${plural(removed.size, 'line', 'lines')}`}
        </button>
      </div>
    </div>
  );
}
