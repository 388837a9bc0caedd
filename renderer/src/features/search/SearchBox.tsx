import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SearchHit } from '../../search';
import { describeStatus, HitSummary } from './HitSummary';
import { hrefForHit, hrefForSearch } from './hrefForHit';
import { useCaseSearch } from './useCaseSearch';
import './search.css';

/** Results the box lists; the results page shows more. */
export const SEARCH_BOX_LIMIT = 10;

/**
 * The case's search box: results appear under it as one types, Up and Down move through them, Enter opens the one
 * chosen (or the first), Escape closes the list and then clears the box.
 */
export function SearchBox({ caseId }: { caseId: string }) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The index opens when the researcher first turns to the box, not while the case's first screens load.
  const [engaged, setEngaged] = useState(false);
  const { hits, answered, searching, status } = useCaseSearch(caseId, query, SEARCH_BOX_LIMIT, engaged);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const trimmed = query.trim();
  const shown = trimmed ? (hits ?? []) : [];
  const expanded = open && Boolean(trimmed);
  const note = describeStatus(status);
  const popup = useRef<HTMLDivElement>(null);
  useFitToViewport(popup, expanded);
  // The list scrolls inside its box: the option chosen with the arrows stays in sight.
  useLayoutEffect(() => {
    if (expanded && active >= 0) document.getElementById(`${listId}-option-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded, active, listId]);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    setActive(-1);
    void navigate(hrefForHit(caseId, hit));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!shown.length) return;
      event.preventDefault();
      setOpen(true);
      const last = shown.length - 1;
      setActive((current) =>
        event.key === 'ArrowDown' ? (current >= last ? 0 : current + 1) : current <= 0 ? last : current - 1,
      );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = shown[active] ?? shown[0];
      if (hit) choose(hit);
      else if (trimmed) void navigate(hrefForSearch(caseId, trimmed));
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setQuery('');
      setActive(-1);
    }
  };

  return (
    <div className="search-box" role="search" aria-label="Search this case">
      <input
        type="search"
        role="combobox"
        aria-label="Search this case"
        placeholder="Search this case"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 && active < shown.length ? optionId(active) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => {
          setEngaged(true);
          setOpen(true);
        }}
        onPointerEnter={() => setEngaged(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        // Clicks inside keep the focus in the box, so the list does not close before the click lands.
        <div ref={popup} className="search-popup" onMouseDown={(event) => event.preventDefault()}>
          {note && <p className="muted small">{note}</p>}
          <ul id={listId} role="listbox" aria-label="Search results" className="search-hits">
            {shown.map((hit, index) => (
              <li
                key={`${hit.ref.type}:${hit.ref.id}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                onClick={() => choose(hit)}
                onMouseMove={() => setActive(index)}
              >
                <HitSummary hit={hit} />
              </li>
            ))}
          </ul>
          <p role="status" className="muted small search-count">
            {hits === null || (searching && !shown.length) ? 'Searching…' : countLine(shown.length, answered.trim())}
          </p>
          <Link className="small" to={hrefForSearch(caseId, trimmed)} onClick={() => setOpen(false)}>
            Show all results
          </Link>
        </div>
      )}
    </div>
  );
}

/**
 * The list lies over the page, below the box and as wide as it needs (not clipped by the sidebar it starts in); this
 * keeps its bottom inside the window, whatever the height of the case's name above the box.
 */
function useFitToViewport(popup: React.RefObject<HTMLDivElement | null>, open: boolean) {
  useLayoutEffect(() => {
    if (!open) return;
    const fit = () => {
      const element = popup.current;
      if (element) element.style.setProperty('--room-below', `${Math.max(160, window.innerHeight - element.getBoundingClientRect().top - 12)}px`);
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [popup, open]);
}

/** "3 results for “kelp”", "Top 10 results for …", "No results for …". */
function countLine(count: number, query: string): string {
  if (!count) return `No results for “${query}”.`;
  if (count === SEARCH_BOX_LIMIT) return `Top ${count} results for “${query}”`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${query}”`;
}
