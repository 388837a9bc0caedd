import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Entity } from '../../../../shared/domain';
import { recordPath } from '../../../../shared/vocabulary';
import { explainError } from '../../components/useOperation';
import { dateInWords, type DateSuggestion } from '../../dates/suggestions';

interface Props {
  caseId: string;
  suggestion: DateSuggestion;
  /** The entities the sentence names: the event's participants. */
  participants: readonly Entity[];
  onShow(): void;
  onMake(): Promise<void>;
  onEditFirst(): Promise<void>;
  onDismiss(): Promise<void>;
}

/** The sentence with the date's words marked. */
function MarkedSentence({ suggestion }: { suggestion: DateSuggestion }) {
  const { found, sentence } = suggestion;
  const from = found.span.start - found.sentence.start;
  const to = found.span.end - found.sentence.start;
  return (
    <>
      {sentence.slice(0, from)}
      <mark>{sentence.slice(from, to)}</mark>
      {sentence.slice(to)}
    </>
  );
}

/**
 * One date found in the text: its sentence (a click shows it in the text), the date it stands for and how precisely,
 * how it was resolved, the entities its sentence names; *Make event*, *Edit first* and *Dismiss*, or the event
 * already made of it.
 */
export function DateSuggestionCard({ caseId, suggestion, participants, onShow, onMake, onEditFirst, onDismiss }: Props) {
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { found, state } = suggestion;
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(explainError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="date-suggestion" aria-labelledby={titleId} tabIndex={-1} data-date-card>
      <h4 id={titleId}>{found.text}</h4>
      <button type="button" className="date-sentence" onClick={onShow} title="Show this sentence in the text">
        <MarkedSentence suggestion={suggestion} />
      </button>
      <p className="date-resolved">{dateInWords(found)}</p>
      <p className="muted small date-how">{found.how}</p>
      {participants.length > 0 && (
        <p className="small">Names: {participants.map((entity) => entity.name).join(', ')}</p>
      )}
      {state.kind === 'made' ? (
        <p className="small date-made">
          ✓ Made into the event <Link to={recordPath(caseId, 'event', state.eventId)}>{state.title}</Link>
        </p>
      ) : (
        <div className="suggestion-actions">
          {found.resolved ? (
            <button type="button" onClick={run(onMake)} disabled={busy}>
              Make event
            </button>
          ) : (
            <span className="muted small">No date to make an event on: edit it first to type the date, or leave it undated.</span>
          )}
          <button type="button" onClick={run(onEditFirst)} disabled={busy}>
            Edit first
          </button>
          <button type="button" onClick={run(onDismiss)} disabled={busy}>
            Dismiss
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
