import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Excerpt } from '../../../../../../shared/domain';
import { recordPath } from '../../../../../../shared/vocabulary';
import { richTextToPlain } from '../../../../search/searchFields';
import type { ShownExcerpt } from '../useExcerptSteps';
import { RichTextView } from '../../../../editor/RichTextView';
import { ExcerptTags } from '../../../codebook';
import { NewEventFromExcerptLink } from '../../../timeline/NewEventFromExcerptLink';
import { useCommandTarget } from '../../../../commands';

/**
 * The excerpt chosen by clicking its highlight or stepping to it (Alt+Down, Alt+Up): its place among the document's
 * excerpts, its quote, comment and tags, and the way to its page. Reached from the keyboard, it takes the focus, so
 * Tab goes on to *Open excerpt*; Escape closes it.
 */
export function ExcerptSidePanel({ caseId, shown, onClose }: { caseId: string; shown: ShownExcerpt; onClose(): void }) {
  const { excerpt, position, note, focus } = shown;
  useCommandTarget('excerptForEvent', () => excerpt.id);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = panel.current;
    if (focus !== null && element && !element.contains(document.activeElement)) element.focus({ preventScroll: true });
  }, [focus]);
  return (
    <aside
      ref={panel}
      className="excerpt-side-panel"
      aria-label="Selected excerpt"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      {position && (
        <p className="muted small excerpt-position">
          Excerpt {position.index} of {position.count}
        </p>
      )}
      {note && <p className="small excerpt-steps-note">{note}</p>}
      <blockquote>{excerpt.quote}</blockquote>
      <RichTextView value={excerpt.comment} empty="No comment." />
      <ExcerptTags caseId={caseId} tagIds={excerpt.tags} />
      <div className="actions">
        <Link to={recordPath(caseId, 'excerpt', excerpt.id)}>Open excerpt</Link>
        <NewEventFromExcerptLink caseId={caseId} excerptId={excerpt.id} />
        <button type="button" onClick={onClose} title="Close (Escape)">
          Close
        </button>
      </div>
    </aside>
  );
}

/** The comments of the excerpts under the pointer, beside it. */
export function ExcerptTooltip({ at, excerpts }: { at: { x: number; y: number }; excerpts: readonly Excerpt[] }) {
  return (
    <div className="excerpt-tooltip" role="tooltip" style={{ left: at.x + 12, top: at.y + 16 }}>
      {excerpts.map((excerpt) => (
        <p key={excerpt.id}>{richTextToPlain(excerpt.comment) || 'No comment.'}</p>
      ))}
    </div>
  );
}
