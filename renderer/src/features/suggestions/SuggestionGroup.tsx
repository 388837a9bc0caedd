import { useId, useState } from 'react';
import type { CaseEntityType, Entity, RecordRef } from '../../../../shared/domain';
import { operations } from '../../app/casebook';
import { explainError } from '../../components/useOperation';
import { ValidationError } from '../../domain/errors';
import { SUGGESTION_GROUP_LABELS, type ReviewedSuggestion } from '../../suggestions/review';
import type { SuggestionType } from '../../suggestions/types';
import { NamedRecordLink } from '../entities/NamedRecordLink';
import { SuggestionCard, type AnySuggestion } from './SuggestionCard';
import type { TextOf } from './SuggestionSnippets';

interface Props {
  caseId: string;
  type: SuggestionType;
  suggestions: ReviewedSuggestion<AnySuggestion>[];
  entities: readonly Entity[];
  ownTypes: readonly CaseEntityType[];
  foundIn(suggestion: AnySuggestion): string;
  titleOf?: (documentId: string) => string;
  textOf: TextOf;
  onDone(message: string, key: string): void;
}

/** The suggestions of one type (people, organisations, places, other names), with the offer to accept them all. */
export function SuggestionGroup({ caseId, type, suggestions, entities, ownTypes, foundIn, titleOf, textOf, onDone }: Props) {
  const headingId = useId();
  const label = SUGGESTION_GROUP_LABELS[type];
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; record?: RecordRef } | null>(null);

  // All as new entities of the group's type, in one step: the domain refuses the whole list if one name clashes.
  const acceptAll = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const created = await operations.createEntities(
        caseId,
        suggestions.map(({ suggestion, otherSpellings }) => ({
          name: suggestion.name,
          type,
          aliases: otherSpellings.map((name) => ({ name, origin: 'suggestion' as const, from: foundIn(suggestion) })),
        })),
      );
      onDone(`Added ${created.length} ${created.length === 1 ? 'entity' : 'entities'}: ${created.map((entity) => `“${entity.name}”`).join(', ')}.`, suggestions[0]!.suggestion.key);
    } catch (error) {
      // "Row 2: this case already has a person named …": the row is the second suggestion of the group.
      setRefusal({ message: explainError(error), record: error instanceof ValidationError ? error.recordFor() : undefined });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="suggestion-group" aria-labelledby={headingId}>
      <header>
        <h4 id={headingId}>
          {label} <span className="muted small">({suggestions.length})</span>
        </h4>
        {suggestions.length > 1 && (
          <button type="button" className="link-button" onClick={() => void acceptAll()} disabled={busy} aria-label={`Accept all ${suggestions.length} ${label.toLowerCase()} as new entities`}>
            Accept all
          </button>
        )}
      </header>
      {refusal && (
        <p className="field-error" role="alert">
          {refusal.message}
        </p>
      )}
      <NamedRecordLink caseId={caseId} record={refusal?.record} />
      <ul>
        {suggestions.map((reviewed) => (
          <li key={reviewed.suggestion.key} data-key={reviewed.suggestion.key}>
            <SuggestionCard
              caseId={caseId}
              reviewed={reviewed}
              entities={entities}
              ownTypes={ownTypes}
              foundIn={foundIn(reviewed.suggestion)}
              titleOf={titleOf}
              textOf={textOf}
              onDone={(message) => onDone(message, reviewed.suggestion.key)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
