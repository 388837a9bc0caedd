import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { focusRecordWhenShown, isJustCreated, JUST_CREATED, type CreatedFocus } from '../../components/focusNewRecord';
import { fold } from '../../search/fold';
import { VirtualList } from '../../components/VirtualList';
import { dragRecord } from '../../editor/recordDrag';
import type { RecordType } from '../../../../shared/domain';
import { useRememberedFlag } from '../../components/useRemembered';

interface RecordSectionProps<T extends { id: string }> {
  caseId: string;
  /** The section's path under the case: "entities". */
  path: string;
  title: string;
  /** Undefined while loading. */
  items: T[] | undefined;
  /** "New entity". */
  newLabel: string;
  /** What to do when the section is empty. */
  emptyMessage: string;
  filterLabel: string;
  matches: (item: T, query: string) => boolean;
  rowTitle: (item: T) => string;
  rowMeta?: (item: T) => ReactNode;
  /** Extra filters beside the search box. */
  filters?: ReactNode;
  /** Extra actions beside the "New" button. */
  actions?: ReactNode;
  /** Shown between the header and the list: progress and reports of work on the section. */
  status?: ReactNode;
  renderDetail: (id: string) => ReactNode;
  renderNew: (onCreated: (id: string) => void, onCancel: () => void) => ReactNode;
  /** What takes the focus in a record just created: its heading (the default), or the first field of its form. */
  createdFocus?: CreatedFocus;
  /** The type of record listed, for rows that can be dragged into a note (editor/recordDrag.ts). */
  dragType?: RecordType;
}

/**
 * The shape every section shares: a searchable virtualised list on the left, the chosen record (or the form for a new
 * one, at ".../new") on the right.
 */
export function RecordSection<T extends { id: string }>(props: RecordSectionProps<T>) {
  const { caseId, path, title, items, newLabel, emptyMessage, filterLabel, matches, rowTitle, rowMeta, createdFocus = 'heading' } = props;
  const { recordId } = useParams();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const base = `/case/${caseId}/${path}`;
  // Folding the list away gives the open record (a document's text above all) the whole width; remembered per section.
  const [listShown, setListShown] = useRememberedFlag(`${path}.listShown`, true);
  const listId = `${path}-list-column`;
  // A record just created takes the focus (its heading, or a note's title), so the keyboard continues from what was made.
  const location = useLocation();
  const panel = useRef<HTMLDivElement>(null);
  const justCreated = isJustCreated(location.state) && recordId !== 'new';
  useEffect(() => {
    if (!justCreated || !panel.current) return;
    return focusRecordWhenShown(panel.current, createdFocus);
  }, [justCreated, recordId, createdFocus]);

  const shown = useMemo(() => {
    const key = fold(query.trim());
    return key ? (items ?? []).filter((item) => matches(item, key)) : (items ?? []);
  }, [items, query, matches]);

  return (
    <section className="section" aria-labelledby={`${path}-title`}>
      <div className="section-header">
        <button
          type="button"
          className="list-toggle"
          aria-expanded={listShown}
          aria-controls={listShown ? listId : undefined}
          title={listShown ? 'Hide the list to give the record more room' : 'Show the list'}
          onClick={() => setListShown(!listShown)}
        >
          <span aria-hidden="true">{listShown ? '⟨' : '☰'}</span>
          <span className="visually-hidden">{`${title} list`}</span>
        </button>
        <h1 id={`${path}-title`}>{title}</h1>
        <span className="spacer" />
        {props.actions}
        <Link className={props.actions ? 'button' : 'button primary'} to={`${base}/new`}>
          {newLabel}
        </Link>
      </div>
      {props.status}
      <div className="split" data-list-shown={listShown}>
        {listShown && (
          <div id={listId} className="list-column">
            <div className="row">
              <input
                type="search"
                aria-label={filterLabel}
                placeholder={filterLabel}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                style={{ flex: 1, width: 'auto' }}
              />
              {props.filters}
            </div>
            {items === undefined ? (
              <p role="status" className="muted">
                Loading…
              </p>
            ) : items.length === 0 ? (
              <div className="empty">
                <p>{emptyMessage}</p>
                <Link className="button primary" to={`${base}/new`}>
                  {newLabel}
                </Link>
              </div>
            ) : shown.length === 0 ? (
              <p className="muted">Nothing matches “{query.trim()}”.</p>
            ) : (
              <VirtualList
                items={shown}
                label={title}
                getKey={(item) => item.id}
                renderRow={(item) => (
                  <Link
                    className="vlist-row"
                    {...(props.dragType ? dragRecord({ type: props.dragType, id: item.id }, rowTitle(item)) : {})}
                    to={`${base}/${item.id}`}
                    aria-current={item.id === recordId ? 'true' : undefined}
                  >
                    <span className="title">{rowTitle(item)}</span>
                    {rowMeta && <span className="meta">{rowMeta(item)}</span>}
                  </Link>
                )}
              />
            )}
            {items && items.length > 0 && (
              <p className="muted small" aria-live="polite">
                {shown.length === items.length
                  ? `${items.length.toLocaleString()} in all`
                  : `${shown.length.toLocaleString()} of ${items.length.toLocaleString()}`}
              </p>
            )}
          </div>
        )}
        <div ref={panel} className="panel record-panel">
          {recordId === 'new' ? (
            props.renderNew(
              (id) => navigate(`${base}/${id}`, { state: JUST_CREATED }),
              () => navigate(base),
            )
          ) : recordId ? (
            props.renderDetail(recordId)
          ) : (
            <p className="muted">Choose one from the list, or add a new one.</p>
          )}
        </div>
      </div>
    </section>
  );
}
