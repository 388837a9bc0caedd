import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Excerpt, RichText } from '../../../../../../shared/domain';
import { recordTitle } from '../../../../../../shared/vocabulary';
import { operations } from '../../../../app/casebook';
import { explainError } from '../../../../components/useOperation';
import { RichTextField } from '../../../../editor/RichTextField';
import { TagPicker } from '../../../codebook';
import { usePanelPlacement } from './useReaderSelection';

/** What the panel at the selection shows: the excerpt just marked, one the passage already is, or why marking failed. */
export type MarkState =
  | { kind: 'marked'; excerpt: Excerpt }
  | { kind: 'existing'; excerpt: Excerpt; markAnyway(): void }
  | { kind: 'error'; message: string };

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
  const { ref: panel, style: position } = usePanelPlacement<HTMLDivElement>(at, 360, state.kind === 'marked' ? 300 : 90);
  const [comment, setComment] = useState<RichText | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    // Where the researcher goes on: the comment, which takes the caret itself once its editor is loaded (until then
    // the panel holds the focus, so Escape already closes it), else the panel's first choice.
    const element = panel.current;
    if (!element || element.contains(document.activeElement)) return;
    if (state.kind === 'marked') element.focus();
    else element.querySelector<HTMLElement>('button, a')?.focus();
  }, [state, panel]);

  const save = async () => {
    if (state.kind !== 'marked' || saving) return;
    const { excerpt } = state;
    setSaving(true);
    setError(null);
    try {
      await operations.updateExcerpt(excerpt.id, { documentId: excerpt.documentId, quote: excerpt.quote, comment, tags });
      onClose();
    } catch (failure) {
      setError(explainError(failure));
      setSaving(false);
    }
  };

  return (
    <div
      ref={panel}
      className="mark-panel"
      tabIndex={-1}
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
          <RichTextField
            label="Comment"
            editorLabel="Comment"
            value={comment}
            onChange={setComment}
            autoFocus
            submitOnEnter
          />
          <TagPicker caseId={caseId} value={tags} onChange={setTags} />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <p className="muted small">Enter saves (Shift+Enter starts a new line); Escape keeps the excerpt without them.</p>
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
