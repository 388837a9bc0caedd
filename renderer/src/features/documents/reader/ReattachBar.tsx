import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CaseDocument, Excerpt, TextAnchor } from '../../../../../shared/domain';
import { recordTitle } from '../../../../../shared/vocabulary';
import { explainError } from '../../../components/useOperation';
import { operations, queries } from '../../../app/casebook';

interface ReattachBarProps {
  excerptId: string;
  document: CaseDocument;
  /** The reader's current selection as a quote with its anchor (its own selection-to-anchor code), or null. */
  selection: () => { quote: string; anchor: TextAnchor | null } | null;
  onDone: (excerpt: Excerpt) => void;
  onCancel: () => void;
}

/**
 * The reader's bar for attaching an excerpt to a passage selected again: after its document's text changed and its
 * quote was lost (orphaned), or to change what it quotes. The error shows in the bar, where the researcher is looking.
 */
export function ReattachBar({ excerptId, document, selection, onDone, onCancel }: ReattachBarProps) {
  const data = useLiveQuery(() => queries.excerptWithSource(excerptId), [excerptId]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (data === undefined) return null;
  const excerpt = data?.excerpt;
  if (!excerpt || excerpt.documentId !== document.id)
    return (
      <div className="notice warnings" role="alert">
        This excerpt is not from this document any more.{' '}
        <button type="button" onClick={onCancel}>
          Close
        </button>
      </div>
    );

  const reattach = async () => {
    setError(null);
    const selected = selection();
    if (!selected) {
      setError('Select the words this excerpt quotes in the text first.');
      return;
    }
    setBusy(true);
    try {
      onDone(await operations.reattachExcerpt(excerptId, selected));
      window.getSelection()?.removeAllRanges();
    } catch (failure) {
      setError(explainError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="notice reattach-bar" role="region" aria-label="Re-attach excerpt">
      <p>
        Select the passage this excerpt quotes, then Re-attach. It quoted: <q>{recordTitle('excerpt', excerpt)}</q>
      </p>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          // Keeps the selection: pressing the button must not clear what it is about to quote.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void reattach()}
        >
          Re-attach
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
