import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeStatus, HitSummary } from './HitSummary';
import { hrefForHit } from './hrefForHit';
import { useCaseSearch } from './useCaseSearch';
import './search.css';

/** Results shown at first, and added by "Show more". */
const PAGE = 50;

/** The case's search results in full, for the query in `?q=`: what "Show all results" opens. */
export function SearchResults({ caseId }: { caseId: string }) {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [limit, setLimit] = useState(PAGE);
  const { hits, answered, searching, status } = useCaseSearch(caseId, query, limit);
  const note = describeStatus(status);
  const trimmed = query.trim();

  return (
    <section className="section" aria-labelledby="search-title">
      <div className="section-header">
        <h1 id="search-title">Search</h1>
      </div>
      <form
        role="search"
        aria-label="Search again"
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get('q');
          setLimit(PAGE);
          setParams(value ? { q: String(value) } : {});
        }}
      >
        <input
          key={query}
          type="search"
          name="q"
          aria-label="Search for"
          defaultValue={query}
          placeholder="Words, a start of a word, or a “quoted phrase”"
          style={{ flex: 1, width: 'auto' }}
        />
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      {note && <p className="muted">{note}</p>}
      {!trimmed ? (
        <p className="muted">
          Type words to find the records holding all of them, the start of a word to complete it, or a “quoted
          phrase” to find those words in that order. Accents and capitals do not matter.
        </p>
      ) : hits === null ? (
        <p role="status" className="muted">
          Searching…
        </p>
      ) : (
        <>
          <p role="status" className="muted small">
            {hits.length === 0
              ? `No results for “${answered.trim()}”.`
              : `${hits.length.toLocaleString()}${hits.length === limit ? '+' : ''} ${hits.length === 1 ? 'result' : 'results'} for “${answered.trim()}”${searching ? ' (updating…)' : ''}`}
          </p>
          {hits.length > 0 && (
            <ul className="search-hits search-results" aria-label="Search results">
              {hits.map((hit) => (
                <li key={`${hit.ref.type}:${hit.ref.id}`}>
                  <Link to={hrefForHit(caseId, hit)}>
                    <HitSummary hit={hit} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {hits.length === limit && (
            <button type="button" onClick={() => setLimit(limit + PAGE)} disabled={searching}>
              Show more
            </button>
          )}
        </>
      )}
    </section>
  );
}
