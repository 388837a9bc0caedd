import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { commandHint } from '../../commands';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { queries } from '../../app/casebook';
import { focusRecordWhenShown, isJustCreated, JUST_CREATED } from '../../components/focusNewRecord';
import { ExcerptBatchBar } from './ExcerptBatchBar';
import { ExcerptFilters } from './ExcerptFilters';
import { ExcerptGrid } from './ExcerptGrid';
import { ExportCsvButton } from './ExportCsvButton';
import { ExcerptTableModel, NEWEST_FIRST, NO_FILTER, type ExcerptFilter, type Sort } from './excerptRows';
import { EMPTY_SELECTION, selectedAmong, type Selection } from './selection';
import { useRangeFilter } from '../range/useRangeFilter';
import { RangeChip, rangeCount } from '../range/RangeChip';
import './excerpts.css';

/** How many of the newest excerpts show while the whole table is read: more than a tall screen holds. */
const FIRST_ROWS = 60;

interface ExcerptsViewProps {
  caseId: string;
  renderDetail: (id: string) => ReactNode;
  renderNew: (onCreated: (id: string) => void, onCancel: () => void) => ReactNode;
}

/**
 * The Excerpts section: every excerpt of the case in a table to filter, sort, select and act on at once, with the
 * open excerpt (or the form for a new one) beside it.
 */
export function ExcerptsView({ caseId, renderDetail, renderNew }: ExcerptsViewProps) {
  // A large case takes seconds to read whole: its newest excerpts show first, and only then is the rest read (read
  // together, the small read waits for the large one); filters and sorting work once all is read.
  const [readAll, setReadAll] = useState(false);
  const all = useLiveQuery(() => (readAll ? queries.excerptTable(caseId) : undefined), [caseId, readAll]);
  const loadingAll = all === undefined;
  const newest = useLiveQuery(() => (loadingAll ? queries.excerptTable(caseId, FIRST_ROWS) : null), [caseId, loadingAll]);
  const data = all ?? newest ?? undefined;
  useEffect(() => {
    if (newest === undefined || readAll) return;
    const start = setTimeout(() => setReadAll(true));
    return () => clearTimeout(start);
  }, [newest, readAll]);
  const model = useMemo(() => (data ? new ExcerptTableModel(data) : null), [data]);
  const { recordId } = useParams();
  const navigate = useNavigate();
  const base = `/case/${caseId}/excerpts`;
  const [filter, setFilter] = useState<ExcerptFilter>(NO_FILTER);
  // Typing in the text filter stays responsive over a large case: the rows follow a moment later.
  const deferredFilter = useDeferredValue(filter);
  const [sort, setSort] = useState<Sort>(NEWEST_FIRST);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);

  // The case's time range, set on the timeline: only the excerpts of what falls in it, with the other filters.
  const timeRange = useRangeFilter(caseId);
  const inRange = timeRange.inRange;
  const { filtered, rows } = useMemo(() => {
    if (!model) return { filtered: [], rows: [] };
    const filtered = deferredFilter === NO_FILTER || loadingAll ? model.data.excerpts : model.filter(deferredFilter);
    const kept = !timeRange.range ? filtered : inRange ? filtered.filter((row) => inRange.excerpts.has(row.id)) : [];
    return { filtered, rows: sort === NEWEST_FIRST || loadingAll ? kept : model.sort(kept, sort) };
  }, [model, deferredFilter, sort, loadingAll, timeRange.range, inRange]);
  const selectedIds = useMemo(() => selectedAmong(selection, rows.map((row) => row.id)), [selection, rows]);

  // A record just created takes the focus (its heading), so the keyboard continues from what was made.
  const location = useLocation();
  const panel = useRef<HTMLDivElement>(null);
  const justCreated = isJustCreated(location.state) && recordId !== 'new';
  useEffect(() => {
    if (!justCreated || !panel.current) return;
    return focusRecordWhenShown(panel.current, 'heading');
  }, [justCreated, recordId]);

  const total = data?.excerpts.length ?? 0;
  return (
    <section className="section excerpts-view" aria-labelledby="excerpts-title">
      <div className="section-header">
        <h1 id="excerpts-title">Excerpts</h1>
        <span className="spacer" />
        {model && <ExportCsvButton model={model} rows={rows} />}
        <Link className="button" to={`${base}/codebook`} {...commandHint('codebook.open')}>
          Codebook
        </Link>
        <Link className="button primary" to={`${base}/new`}>
          New excerpt
        </Link>
      </div>
      <div className="excerpts-split" data-open={Boolean(recordId) || undefined}>
        <div className="list-column">
          {timeRange.range && (
            <RangeChip
              range={timeRange.range}
              count={model && inRange && !loadingAll ? rangeCount(rows.length, filtered.length, 'excerpt') : undefined}
              onClear={timeRange.clear}
            />
          )}
          {model && <ExcerptFilters model={model} filter={filter} onChange={setFilter} disabled={loadingAll} />}
          {model && <ExcerptBatchBar caseId={caseId} model={model} excerptIds={selectedIds} onDone={() => setSelection(EMPTY_SELECTION)} />}
          {!data || !model ? (
            <p role="status" className="muted">
              Loading…
            </p>
          ) : total === 0 ? (
            <div className="empty">
              <p>No excerpts yet. Mark the quotes that matter in your documents, with a comment and tags.</p>
              <Link className="button primary" to={`${base}/new`}>
                New excerpt
              </Link>
            </div>
          ) : timeRange.pending ? (
            <p role="status" className="muted">
              Finding what falls in the time range…
            </p>
          ) : rows.length === 0 ? (
            <p className="muted">{timeRange.range ? 'No excerpt matches these filters in the time range.' : 'No excerpt matches these filters.'}</p>
          ) : (
            <ExcerptGrid
              model={model}
              rows={rows}
              sort={sort}
              onSort={setSort}
              selection={selection}
              onSelect={setSelection}
              openId={recordId}
              onOpen={(id) => navigate(`${base}/${id}`)}
            />
          )}
          {loadingAll && total > 0 ? (
            <p className="muted small" role="status">
              Showing the newest excerpts while the others load…
            </p>
          ) : total > 0 && (
            <p className="muted small" aria-live="polite">
              {rows.length === total ? `${total.toLocaleString('en')} in all` : `${rows.length.toLocaleString('en')} of ${total.toLocaleString('en')}`}
              {selectedIds.length > 0 && `, ${selectedIds.length.toLocaleString('en')} selected`}
            </p>
          )}
        </div>
        {recordId && (
          <div ref={panel} className="panel record-panel">
            {recordId === 'new'
              ? renderNew(
                  (id) => navigate(`${base}/${id}`, { state: JUST_CREATED }),
                  () => navigate(base),
                )
              : renderDetail(recordId)}
          </div>
        )}
      </div>
    </section>
  );
}
