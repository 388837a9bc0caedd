import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { Excerpt } from '../../../../shared/domain';
import { COLUMN_LABELS, COLUMNS, type Column, type ExcerptTableModel, type Sort } from './excerptRows';
import { extendTo, pickOnly, selectAll, toggle, type Selection } from './selection';
import { dragRecord } from '../../editor/recordDrag';

interface ExcerptGridProps {
  model: ExcerptTableModel;
  rows: readonly Excerpt[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  /** The excerpt open beside the table. */
  openId: string | undefined;
  onOpen: (id: string) => void;
}

const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 36;
const rowId = (id: string) => `excerpt-row-${id}`;
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * Every excerpt shown as a row of a grid that renders only the rows on screen. The grid is one Tab stop: Up and Down
 * (Home, End, Page Up and Down) move the active row, Space selects it, Shift with an arrow extends the selection,
 * Ctrl/Cmd+A selects every row shown, Enter opens the row. The mouse picks, Ctrl/Cmd-clicks and Shift-clicks.
 */
export function ExcerptGrid({ model, rows, sort, onSort, selection, onSelect, openId, onOpen }: ExcerptGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The sticky header row sits above the rows inside the scrolling grid.
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]!.id,
  });
  const ids = () => rows.map((row) => row.id);
  const found = activeId === null ? -1 : rows.findIndex((row) => row.id === activeId);
  const active = found >= 0 ? found : rows.length ? 0 : -1;

  const moveTo = (index: number, extend: boolean) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) return;
    setActiveId(target.id);
    virtualizer.scrollToIndex(rows.indexOf(target));
    if (extend) onSelect(extendTo(selection.anchor ? selection : pickOnly(rows[active]!.id), ids(), target.id));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || active < 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const current = rows[active]!;
    if (event.key in moves) moveTo(active + moves[event.key]!, event.shiftKey);
    else if (event.key === 'Home') moveTo(0, event.shiftKey);
    else if (event.key === 'End') moveTo(rows.length - 1, event.shiftKey);
    else if (event.key === ' ') onSelect(event.shiftKey ? extendTo(selection, ids(), current.id) : toggle(selection, current.id));
    else if (event.key === 'Enter') onOpen(current.id);
    else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey) && !event.altKey) onSelect(selectAll(ids()));
    else if (event.key === 'Escape' && selection.ids.size) onSelect({ ids: new Set(), anchor: null });
    else return;
    event.preventDefault();
  };

  const onRowClick = (event: React.MouseEvent, excerpt: Excerpt) => {
    setActiveId(excerpt.id);
    if (event.shiftKey) onSelect(extendTo(selection, ids(), excerpt.id));
    else if (event.ctrlKey || event.metaKey) onSelect(toggle(selection, excerpt.id));
    else {
      onSelect(pickOnly(excerpt.id));
      onOpen(excerpt.id);
    }
  };

  const header = (column: Column) => {
    const sorted = sort.column === column;
    return (
      <div key={column} role="columnheader" className={`excerpt-cell col-${column}`} aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="link-button"
          onClick={() => onSort({ column, descending: sorted ? !sort.descending : column === 'added' })}
        >
          {COLUMN_LABELS[column]}
          <span aria-hidden="true">{sorted ? (sort.descending ? ' ▾' : ' ▴') : ''}</span>
        </button>
      </div>
    );
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Excerpts"
      aria-multiselectable="true"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={active >= 0 ? rowId(rows[active]!.id) : undefined}
      tabIndex={0}
      className="excerpt-grid"
      onKeyDown={onKeyDown}
    >
        <div role="rowgroup" className="excerpt-head">
          <div role="row" className="excerpt-row" aria-rowindex={1}>
            {COLUMNS.map(header)}
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const excerpt = rows[item.index]!;
            return (
              <ExcerptRow
                key={item.key}
                model={model}
                excerpt={excerpt}
                index={item.index}
                top={item.start}
                selected={selection.ids.has(excerpt.id)}
                active={item.index === active}
                open={excerpt.id === openId}
                onClick={onRowClick}
              />
            );
          })}
        </div>
    </div>
  );
}

interface ExcerptRowProps {
  model: ExcerptTableModel;
  excerpt: Excerpt;
  index: number;
  top: number;
  selected: boolean;
  active: boolean;
  open: boolean;
  onClick: (event: React.MouseEvent, excerpt: Excerpt) => void;
}

function ExcerptRow({ model, excerpt, index, top, selected, active, open, onClick }: ExcerptRowProps) {
  const links = model.links(excerpt);
  const page = model.page(excerpt);
  const source = model.sourceTitle(excerpt);
  return (
    <div
      id={rowId(excerpt.id)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-current={open ? 'true' : undefined}
      data-active={active || undefined}
      className="excerpt-row"
      {...dragRecord({ type: 'excerpt', id: excerpt.id }, excerpt.quote)}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      // Shift-click extends the selection; without this it would also select the page's text.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
      onClick={(event) => onClick(event, excerpt)}
    >
      <div role="gridcell" className="excerpt-cell col-quote" title={excerpt.quote}>
        {excerpt.quote}
        {excerpt.orphaned && <span className="badge warning"> quote not found</span>}
      </div>
      <div role="gridcell" className="excerpt-cell col-source" title={source}>
        {source || <span className="muted">None</span>}
        {excerpt.detachedFrom && <span className="muted"> (source deleted)</span>}
      </div>
      <div role="gridcell" className="excerpt-cell col-page">
        {page ?? ''}
      </div>
      <div role="gridcell" className="excerpt-cell col-tags">
        {model.chips(excerpt).map((chip) => (
          <span key={chip.key} className="tag" title={chip.label} style={chip.colour ? { borderColor: chip.colour } : undefined}>
            {chip.colour && <span className="tag-swatch" style={{ background: chip.colour }} aria-hidden="true" />}
            {chip.label}
          </span>
        ))}
      </div>
      <div role="gridcell" className="excerpt-cell col-links">
        {[...links.entities, ...links.events].map((named) => named.title).join(', ')}
      </div>
      <div role="gridcell" className="excerpt-cell col-added">
        <time dateTime={excerpt.createdAt}>{DATE.format(new Date(excerpt.createdAt))}</time>
      </div>
    </div>
  );
}
