import { Link } from 'react-router';
import type { Excerpt } from '../../../../../../shared/domain';
import { richTextToPlain } from '../../../../search/searchFields';

/** The excerpt chosen by clicking its highlight: its quote, comment and tags, and the way to its page. */
export function ExcerptSidePanel({ caseId, excerpt, onClose }: { caseId: string; excerpt: Excerpt; onClose(): void }) {
  const comment = richTextToPlain(excerpt.comment);
  return (
    <aside className="excerpt-side-panel" aria-label="Selected excerpt">
      <blockquote>{excerpt.quote}</blockquote>
      {comment ? <p className="excerpt-comment">{comment}</p> : <p className="muted small">No comment.</p>}
      {excerpt.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {excerpt.tags.map((tag) => (
            <li key={tag} className="badge">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <Link to={`/case/${caseId}/excerpts/${excerpt.id}`}>Open excerpt</Link>
        <button type="button" onClick={onClose}>
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
