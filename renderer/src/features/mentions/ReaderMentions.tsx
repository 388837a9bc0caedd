import './mentions.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CaseDocument, Entity } from '../../../../shared/domain';
import { entityTypeColour, entityTypeLabel } from '../../../../shared/entities';
import { queries } from '../../app/casebook';
import type { Mention } from '../../mentions';
import type { TextView } from '../documents/reader/excerptMarks';
import type { TextSpan } from '../documents/reader/find';
import { layoutOf, spanOfElement, type TextLayout } from '../documents/reader/textLayout';
import { useOwnEntityTypes } from '../entities/EntityTypeOptions';
import { useMentionUnderlines } from './mentionUnderlines';
import { useHiddenMentionTypes } from './mentionTypes';
import { mentionsStatusText, useMentionsIn, useMentionsInText } from './useMentions';

/** The span of a PDF page's text layer in the layout, if the page is drawn. */
function pageSpan(content: Element, layout: TextLayout, page: number): TextSpan | null {
  const element = content.querySelector(`[data-page="${page}"]`);
  return element ? spanOfElement(element, layout) : null;
}

/**
 * Where a mention of the stored text (`?mention=start-end`) shows in the layout: at its offsets in plain text; in the
 * HTML view and on PDF pages, the mention of the same words nearest its proportional place (within its page).
 */
function placeOf(target: TextSpan, view: TextView, document: CaseDocument, layout: TextLayout, content: Element, mentions: readonly Mention[], page: number | null): TextSpan | null {
  if (view === 'plain') return target;
  const words = document.text.slice(target.start, target.end).toLowerCase();
  let window: TextSpan = { start: 0, end: layout.text.length };
  let stored: TextSpan = { start: 0, end: document.text.length };
  if (view === 'pages' && page !== null) {
    const shown = pageSpan(content, layout, page);
    const span = document.pages?.find((each) => each.page === page);
    if (!shown || !span) return null;
    window = shown;
    stored = span;
  }
  const guess = window.start + ((target.start - stored.start) * (window.end - window.start)) / Math.max(1, stored.end - stored.start);
  let best: Mention | null = null;
  for (const mention of mentions) {
    if (mention.start < window.start || mention.end > window.end) continue;
    if (layout.text.slice(mention.start, mention.end).toLowerCase() !== words) continue;
    if (!best || Math.abs(mention.start - guess) < Math.abs(best.start - guess)) best = mention;
  }
  return best;
}

/**
 * The reader's mentions: the case's entities named in the text, underlined in their type's colour (a type at a time
 * can be hidden, remembered per case), named on hover, opening the entity on click; a menu in the toolbar lists them,
 * which is also how the keyboard reaches them. `?mention=start-end` shows one passage (the entity page's snippets).
 */
export function ReaderMentions({
  caseId,
  document,
  content,
  view,
  version,
}: {
  caseId: string;
  document: CaseDocument;
  content: HTMLElement | null;
  view: TextView | null;
  /** Changes whenever the rendered text does. */
  version: number;
}) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const entities = useLiveQuery(() => queries.entitiesByName(caseId), [caseId]);
  const byId = useMemo(() => new Map((entities ?? []).map((entity) => [entity.id, entity])), [entities]);
  const ownTypes = useOwnEntityTypes(caseId);
  const [hidden, setShown] = useHiddenMentionTypes(caseId);

  // The text as laid out, measured after each render of it, as the excerpts' highlights do.
  const [measured, setMeasured] = useState<{ view: TextView; layout: TextLayout } | null>(null);
  useEffect(() => {
    if (!content || !view) return;
    const frame = requestAnimationFrame(() => setMeasured({ view, layout: layoutOf(content, view, document.text) }));
    return () => cancelAnimationFrame(frame);
  }, [content, view, document.text, version]);
  const layout = content && view && measured?.view === view ? measured.layout : null;

  // Plain text shows the stored text, whose mentions the case keeps; other views are scanned as rendered.
  const stored = useMentionsIn(caseId, view === 'plain' ? document.id : null);
  const rendered = useMentionsInText(caseId, view && view !== 'plain' && layout ? layout.text : null);
  const asked = view === 'plain' ? stored : rendered;
  const found = useMemo(() => asked.value ?? [], [asked.value]);

  const typed = useMemo(
    () => found.flatMap((mention) => {
      const entity = byId.get(mention.entityId);
      return entity ? [{ ...mention, type: entity.type }] : [];
    }),
    [found, byId],
  );
  const shown = useMemo(() => typed.filter((mention) => !hidden.has(mention.type)), [typed, hidden]);
  const colourOf = useCallback((type: string) => entityTypeColour(type, ownTypes), [ownTypes]);
  const { mentionUnder, showCurrent } = useMentionUnderlines({ content, layout, mentions: shown, colourOf });

  // Hovering names the entity; clicking opens it.
  const [hover, setHover] = useState<{ x: number; y: number; entity: Entity } | null>(null);
  useEffect(() => {
    if (!content) return;
    let frame = 0;
    const onMove = (event: MouseEvent) => {
      const { clientX: x, clientY: y } = event;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const mention = mentionUnder(x, y);
        const entity = mention ? byId.get(mention.entityId) : undefined;
        content.classList.toggle('over-mention', Boolean(entity));
        setHover(entity ? { x, y, entity } : null);
      });
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      content.classList.remove('over-mention');
      setHover(null);
    };
    const onClick = (event: MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return;
      const mention = mentionUnder(event.clientX, event.clientY);
      if (mention && byId.has(mention.entityId)) navigate(`/case/${caseId}/entities/${mention.entityId}`);
    };
    content.addEventListener('mousemove', onMove);
    content.addEventListener('mouseleave', onLeave);
    content.addEventListener('click', onClick);
    return () => {
      cancelAnimationFrame(frame);
      content.removeEventListener('mousemove', onMove);
      content.removeEventListener('mouseleave', onLeave);
      content.removeEventListener('click', onClick);
    };
  }, [content, mentionUnder, byId, caseId, navigate]);

  // `?mention=start-end`: the passage a snippet opened, shown once its place is known.
  const target = params.get('mention');
  const page = Number(params.get('page')) || null;
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (!target || revealed.current === target || !content || !view || !layout || asked.value === undefined) return;
    const [start, end] = target.split('-').map(Number);
    if (!Number.isInteger(start) || !Number.isInteger(end)) return;
    const place = placeOf({ start: start!, end: end! }, view, document, layout, content, found, page);
    if (place && showCurrent(place)) revealed.current = target;
  }, [target, content, view, layout, asked.value, found, document, page, showCurrent]);

  // The menu: the types found here, each with its toggle, and the entities named, each a link.
  const perType = new Map<string, number>();
  const perEntity = new Map<string, number>();
  for (const mention of typed) {
    perType.set(mention.type, (perType.get(mention.type) ?? 0) + 1);
    perEntity.set(mention.entityId, (perEntity.get(mention.entityId) ?? 0) + 1);
  }
  const named = [...perEntity].sort((a, b) => b[1] - a[1]);
  const status = mentionsStatusText(asked.status);
  if (!view) return null;
  return (
    <>
      <details className="mentions-menu">
        <summary>
          Mentions{asked.value !== undefined && <span className="count"> {typed.length.toLocaleString('en')}</span>}
        </summary>
        <div className="mentions-menu-body">
          {status && (
            <p className="muted small" role="status">
              {status}
            </p>
          )}
          {asked.failure && (
            <p className="field-error" role="alert">
              The mentions could not be shown: {asked.failure}
            </p>
          )}
          {perType.size > 0 ? (
            <fieldset>
              <legend>Underline</legend>
              {[...perType].map(([type, count]) => (
                <label key={type}>
                  <input type="checkbox" checked={!hidden.has(type)} onChange={(event) => setShown(type, event.target.checked)} />
                  <span className="mention-swatch" style={{ background: colourOf(type) }} aria-hidden="true" />
                  {entityTypeLabel(type, ownTypes)} <span className="muted small">({count})</span>
                </label>
              ))}
            </fieldset>
          ) : (
            asked.value !== undefined && <p className="muted small">No entity of the case is named in this text.</p>
          )}
          {named.length > 0 && (
            <ul aria-label="Entities mentioned here">
              {named.map(([entityId, count]) => (
                <li key={entityId}>
                  <Link to={`/case/${caseId}/entities/${entityId}`}>{byId.get(entityId)?.name}</Link>{' '}
                  <span className="muted small">
                    {count} {count === 1 ? 'mention' : 'mentions'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </details>
      {hover && (
        <div className="mention-tooltip" role="tooltip" style={{ left: hover.x + 12, top: hover.y - 36 }}>
          {hover.entity.name} <span className="muted small">{entityTypeLabel(hover.entity.type, ownTypes)}</span>
        </div>
      )}
    </>
  );
}
