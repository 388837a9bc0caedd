import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Excerpt, RichText } from '../../../../../../shared/domain';
import { recordTitle } from '../../../../../../shared/vocabulary';
import { operations } from '../../../../app/casebook';
import { explainError } from '../../../../components/useOperation';
import { TagPicker } from '../../../codebook';
import { placeBeside } from './useReaderSelection';

/** What the panel at the selection shows: the excerpt just marked, one the passage already is, or why marking failed. */
export type MarkState =
  | { kind: 'marked'; excerpt: Excerpt }
  | { kind: 'existing'; excerpt: Excerpt; markAnyway(): void }
  | { kind: 'error'; message: string };

/** A comment typed as plain lines, as the rich text the excerpt keeps (one paragraph a line); empty is none. */
export function commentOf(text: string): RichText | null {
  const lines = text.split('\n').map((line) => line.trim());
  if (!lines.some(Boolean)) return null;
  return {
    type: 'doc',
    content: lines.map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  };
}

/**
 * The small panel that opens where the words were selected: the confirmation of the excerpt just marked, with its
 * comment and tags to add at once (Enter saves, Escape keeps the excerpt without them), or the excerpt the passage
 * already is, or what went wrong, where the researcher is looking.
 */
export function MarkPanel({
  caseId,
  at,
  state,
  onClose,
}: {
  caseId: string;
  at: { left: number; top: number; bottom: number };
  state: MarkState;
  onClose(): void;
}) {
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [comment, setComment] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    // Where the researcher goes on: the comment, else the panel's first choice.
    const element = panel.current;
    (element?.querySelector<HTMLElement>('textarea') ?? element?.querySelector<HTMLElement>('button, a'))?.focus();
  }, [state]);

  const save = async () => {
    if (state.kind !== 'marked' || saving) return;
    const { excerpt } = state;
    setSaving(true);
    setError(null);
    try {
      await operations.updateExcerpt(excerpt.id, { documentId: excerpt.documentId, quote: excerpt.quote, comment: commentOf(comment), tags });
      onClose();
    } catch (failure) {
      setError(explainError(failure));
      setSaving(false);
    }
  };

  const position = placeBeside(at, 340, state.kind === 'marked' ? 220 : 90);
  return (
    <div
      ref={panel}
      className="mark-panel"
      role="dialog"
      aria-label={state.kind === 'marked' ? 'Marked excerpt' : state.kind === 'existing' ? 'Already an excerpt' : 'Could not mark'}
      style={position}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {state.kind === 'error' && (
        <>
          <p className="field-error" role="alert">
            {state.message}
          </p>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </>
      )}
      {state.kind === 'existing' && (
        <>
          <p role="status">
            This passage is already an excerpt: “{recordTitle('excerpt', state.excerpt)}”.
          </p>
          <div className="actions">
            <Link to={`/case/${caseId}/excerpts/${state.excerpt.id}`}>Open that excerpt</Link>
            <button type="button" onClick={state.markAnyway}>
              Mark it anyway
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
      {state.kind === 'marked' && (
        <form
          aria-label="Comment and tags"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <p role="status">
            Marked excerpt “{recordTitle('excerpt', state.excerpt)}”.{' '}
            <Link to={`/case/${caseId}/excerpts/${state.excerpt.id}`}>Open the excerpt</Link>
          </p>
          <label htmlFor={`${id}-comment`}>Comment</label>
          <textarea
            id={`${id}-comment`}
            rows={2}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            onKeyDown={(event) => {
              // Enter saves, as in the tags field; Shift+Enter starts a new line.
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <TagPicker caseId={caseId} value={tags} onChange={setTags} />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <p className="muted small">Enter saves; Escape keeps the excerpt without them.</p>
          <div className="actions">
            <button type="submit" disabled={saving}>
              Save
            </button>
            <button type="button" onClick={onClose}>
              Skip
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
