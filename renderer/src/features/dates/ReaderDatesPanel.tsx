import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CaseDocument, Entity, EventParticipant } from '../../../../shared/domain';
import { formatPartialDate } from '../../../../shared/partialDate';
import { operations, queries } from '../../app/casebook';
import type { FoundDate } from '../../dates';
import { dateFieldText, dateInWords, namesInText, participantsInSentence, reviewDateSuggestions, type DateSuggestion } from '../../dates/suggestions';
import type { TextView } from '../documents/reader/excerptMarks';
import { useMentionsIn } from '../mentions/useMentions';
import { newEventFromExcerptPath } from '../timeline/paths';
import { proposedTitle } from '../timeline/proposedTitle';
import { DateSuggestionCard } from './DateSuggestionCard';
import { hideSentence, showSentence } from './showSentence';
import { datesOptionsOf, useDocumentDates } from './useDocumentDates';
import '../suggestions/suggestions.css';
import './dates.css';

interface Props {
  caseId: string;
  document: CaseDocument;
  reader: { content: HTMLElement | null; view: TextView | null };
  focusRequest: number;
  onClose(): void;
}

/**
 * Beside the reader's text: the dates its text gives, resolved against the document's published date, each to make
 * into an event (its sentence the evidence, the entities it names the participants), to edit first in the event form,
 * or to dismiss for good. Escape closes it.
 */
export function ReaderDatesPanel({ caseId, document, reader, focusRequest, onClose }: Props) {
  const [attempt, setAttempt] = useState(0);
  const state = useDocumentDates(document, attempt);
  const context = useLiveQuery(() => queries.dateSuggestionsContext(caseId, document.id), [caseId, document.id]);
  const entities = useLiveQuery(() => queries.entitiesByName(caseId), [caseId]);
  const mentions = useMentionsIn(caseId, document.id);
  const navigate = useNavigate();
  const published = datesOptionsOf(document).reference;
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // Where the suggestion just dismissed was: once it has left the list, the focus goes to the one now in its place.
  const [settled, setSettled] = useState<{ key: string; index: number } | null>(null);

  useEffect(() => heading.current?.focus(), [focusRequest]);
  useEffect(() => hideSentence, []);

  const review = useMemo(
    () => (state.status === 'ready' && context ? reviewDateSuggestions(document.id, document.text, state.dates, context.dismissedKeys, context.events) : null),
    [state, context, document.id, document.text],
  );

  useEffect(() => {
    if (!settled || !list.current || review?.suggestions.some((suggestion) => suggestion.key === settled.key)) return;
    const cards = [...list.current.querySelectorAll<HTMLElement>('[data-date-card]')];
    (cards[Math.min(settled.index, cards.length - 1)] ?? heading.current)?.focus();
    setSettled(null);
  }, [settled, review]);

  const byId = useMemo(() => new Map((entities ?? []).map((entity) => [entity.id, entity])), [entities]);
  const names = useMemo(
    () => (entities ?? []).map((entity) => ({ id: entity.id, names: [entity.name, ...entity.aliases.map((alias) => alias.name)] })),
    [entities],
  );
  /** The entities a sentence names: by the case's mentions, or by their names while those are not ready. */
  const participantsOf = (found: FoundDate): EventParticipant[] =>
    participantsInSentence(mentions.value ?? namesInText(names, document.text, found.sentence), found.sentence).filter((one) => byId.has(one.entityId));

  const sentenceOf = (suggestion: DateSuggestion) => ({
    documentId: document.id,
    quote: suggestion.sentence,
    start: suggestion.found.sentence.start,
    end: suggestion.found.sentence.end,
  });

  const make = async (suggestion: DateSuggestion) => {
    const resolved = suggestion.found.resolved;
    if (!resolved) return;
    const title = proposedTitle(suggestion.sentence);
    await operations.makeEventFromSentence(caseId, sentenceOf(suggestion), {
      title,
      start: resolved.start,
      end: resolved.end,
      participants: participantsOf(suggestion.found),
    });
    setAnnouncement(`Added the event “${title}”, ${dateInWords(suggestion.found)}, with its sentence as evidence.`);
  };

  const editFirst = async (suggestion: DateSuggestion) => {
    const { start, end } = suggestion.found.sentence;
    const quoted = context?.excerpts.find((excerpt) => excerpt.start === start && excerpt.end === end);
    const excerptId =
      quoted?.id ??
      (await operations.createExcerpt(caseId, { documentId: document.id, quote: suggestion.sentence, anchor: { start, end, prefix: '', suffix: '', page: null } })).id;
    navigate(newEventFromExcerptPath(caseId, excerptId, dateFieldText(suggestion.found)));
  };

  const dismiss = async (suggestion: DateSuggestion, index: number) => {
    await operations.dismissDateSuggestion(caseId, { documentId: document.id, words: suggestion.found.text, sentence: suggestion.sentence });
    setAnnouncement(`Dismissed “${suggestion.found.text}”: it will not be offered again in this document.`);
    setSettled({ key: suggestion.key, index });
  };

  return (
    <aside
      className="suggestions-panel dates-panel"
      aria-labelledby="dates-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header>
        <h3 id="dates-title" ref={heading} tabIndex={-1}>
          Dates in this document
        </h3>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close dates">
          Close
        </button>
      </header>
      <p className="muted small">
        {published
          ? `Relative dates (“Tuesday”, “last year”) are read from the date it was published, ${formatPartialDate(published)}.`
          : 'This document has no published date: relative dates (“Tuesday”, “last year”) cannot be resolved. Give it one in Edit details.'}
      </p>
      {state.status === 'reading' ? (
        <p role="status" className="muted">
          Reading the text for dates…
        </p>
      ) : state.status === 'failed' ? (
        <div>
          <p className="field-error" role="alert">
            {state.message}
          </p>
          <button type="button" onClick={() => setAttempt((count) => count + 1)}>
            Try again
          </button>
        </div>
      ) : !review ? (
        <p role="status">Loading the case’s events…</p>
      ) : (
        <>
          <p className="small" role="status">
            {announcement}
          </p>
          <p className="muted small">{summary(review.suggestions, review.dismissed)}</p>
          <ol ref={list} className="date-suggestions" aria-label="Dates found">
            {review.suggestions.map((suggestion, index) => (
              <li key={`${suggestion.key}@${suggestion.found.span.start}`}>
                <DateSuggestionCard
                  caseId={caseId}
                  suggestion={suggestion}
                  participants={participantsOf(suggestion.found).flatMap(({ entityId }) => byId.get(entityId) ?? ([] as Entity[]))}
                  onShow={() => showSentence(reader.content, reader.view, document, suggestion.found.sentence)}
                  onMake={() => make(suggestion)}
                  onEditFirst={() => editFirst(suggestion)}
                  onDismiss={() => dismiss(suggestion, index)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}

function summary(suggestions: readonly DateSuggestion[], dismissed: number): string {
  const made = suggestions.filter((suggestion) => suggestion.state.kind === 'made').length;
  const offered = suggestions.length - made;
  const parts = [
    offered ? `${offered} ${offered === 1 ? 'date' : 'dates'} to review` : '',
    made ? `${made} made into events` : '',
    dismissed ? `${dismissed} dismissed` : '',
  ].filter(Boolean);
  return parts.length ? `${parts.join(', ')}.` : 'No dates found in this text.';
}
