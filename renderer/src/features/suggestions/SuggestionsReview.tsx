import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { recordPath } from '../../../../shared/vocabulary';
import { queries } from '../../app/casebook';
import { reviewSuggestions } from '../../suggestions/review';
import { useOwnEntityTypes } from '../entities/EntityTypeOptions';
import type { AnySuggestion } from './SuggestionCard';
import { SuggestionGroup } from './SuggestionGroup';
import type { TextOf } from './SuggestionSnippets';
import type { SuggestionsState } from './useSuggestions';
import './suggestions.css';

interface Props<S extends AnySuggestion> {
  caseId: string;
  state: SuggestionsState<S>;
  onRetry(): void;
  /** Where a suggestion was found, in a few words, kept with the aliases it gives. */
  foundIn(suggestion: S): string;
  titleOf?: (documentId: string) => string;
  textOf: TextOf;
}

/**
 * The suggestions of a document or of a batch, against the case as it is now (read live): the new names by type,
 * each to accept, add as an alias or dismiss, and the names the case already has. When a suggestion is settled it
 * leaves the list, what was done is announced, and the focus goes to the next one.
 */
export function SuggestionsReview<S extends AnySuggestion>({ caseId, state, onRetry, foundIn, titleOf, textOf }: Props<S>) {
  const entities = useLiveQuery(() => queries.entitiesByName(caseId), [caseId]);
  const dismissed = useLiveQuery(() => queries.dismissedSuggestionsOf(caseId), [caseId]);
  const ownTypes = useOwnEntityTypes(caseId);
  const suggestions = state.status === 'ready' ? state.suggestions : null;
  const review = useMemo(
    () => (suggestions && entities && dismissed ? reviewSuggestions<AnySuggestion>(suggestions, entities, dismissed) : null),
    [suggestions, entities, dismissed],
  );
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLDivElement>(null);
  // The suggestion just settled, and where it was: once it has left the list, the focus goes to the one now there.
  const [settled, setSettled] = useState<{ key: string; index: number } | null>(null);

  useEffect(() => {
    const root = list.current;
    if (!settled || !root) return;
    const items = [...root.querySelectorAll<HTMLElement>('li[data-key]')];
    if (settled.key && items.some((item) => item.dataset.key === settled.key)) return;
    const next = items[Math.min(settled.index, items.length - 1)]?.querySelector<HTMLElement>('[data-suggestion-card]');
    (next ?? root.querySelector<HTMLElement>('[data-suggestions-end]'))?.focus();
    setSettled(null);
  }, [settled, review]);

  if (state.status === 'reading')
    return (
      <p role="status" className="muted">
        Reading the text for names…
      </p>
    );
  if (state.status === 'failed')
    return (
      <div>
        <p className="field-error" role="alert">
          {state.message}
        </p>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  if (!review) return <p role="status">Loading the case’s entities…</p>;

  const onDone = (message: string, key: string) => {
    setAnnouncement(message);
    const items = [...(list.current?.querySelectorAll<HTMLElement>('li[data-key]') ?? [])];
    setSettled({ key, index: Math.max(0, items.findIndex((item) => item.dataset.key === key)) });
  };
  const offered = review.groups.reduce((total, group) => total + group.suggestions.length, 0);

  return (
    <div ref={list} className="suggestions-review">
      <p className="small" role="status">
        {announcement}
      </p>
      <p className="muted small" tabIndex={-1} data-suggestions-end>
        {offered
          ? `${offered} ${offered === 1 ? 'name' : 'names'} to review${review.known.length ? `, ${review.known.length} already in the case` : ''}.`
          : state.suggestions.length
            ? 'Every name suggested is in the case or dismissed.'
            : 'No names of people, organisations or places found in this text.'}
      </p>
      {review.groups.map((group) => (
        <SuggestionGroup
          key={group.type}
          caseId={caseId}
          type={group.type}
          suggestions={group.suggestions}
          entities={entities!}
          ownTypes={ownTypes}
          foundIn={(suggestion) => foundIn(suggestion as S)}
          titleOf={titleOf}
          textOf={textOf}
          onDone={onDone}
        />
      ))}
      {review.known.length > 0 && (
        <details className="suggestions-known">
          <summary>Already in the case ({review.known.length})</summary>
          <ul>
            {review.known.map(({ suggestion, known }) => (
              <li key={suggestion.key}>
                <Link to={recordPath(caseId, 'entity', known!.id)}>{known!.name}</Link>
                {suggestion.name !== known!.name && <span className="muted small"> as “{suggestion.name}”</span>}
                <span className="muted small">
                  {' '}
                  · named {suggestion.count} {suggestion.count === 1 ? 'time' : 'times'}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
