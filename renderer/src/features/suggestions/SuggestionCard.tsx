import { useId, useState } from 'react';
import type { CaseEntityType, Entity } from '../../../../shared/domain';
import { entityTypeLabel } from '../../../../shared/entities';
import { operations } from '../../app/casebook';
import { useOperation } from '../../components/useOperation';
import type { ReviewedSuggestion } from '../../suggestions/review';
import type { BatchSuggestion, Suggestion } from '../../suggestions/types';
import { EntityPicker } from '../entities/EntityPicker';
import { EntityTypeOptions } from '../entities/EntityTypeOptions';
import { NamedRecordLink } from '../entities/NamedRecordLink';
import { SuggestionSnippets, type TextOf } from './SuggestionSnippets';

export type AnySuggestion = Suggestion | BatchSuggestion;

interface Props {
  caseId: string;
  reviewed: ReviewedSuggestion<AnySuggestion>;
  /** The case's entities, for choosing one that is not among the likely matches. */
  entities: readonly Entity[];
  ownTypes: readonly CaseEntityType[];
  /** Where the suggestion was found, in a few words (a document's title): kept with the aliases it gives. */
  foundIn: string;
  /** A document's title, for snippets of a batch. */
  titleOf?: (documentId: string) => string;
  textOf: TextOf;
  /** Told what was done, for the panel to announce (the suggestion then leaves the list). */
  onDone(message: string): void;
}

/**
 * One suggested name: how often and where the text names it, and what the researcher makes of it: a new entity (of
 * the type chosen), another name of an entity the case has (a likely one, or any found by typing), or nothing ever
 * again (dismissed). Nothing is written until one of them is chosen.
 */
export function SuggestionCard({ caseId, reviewed, entities, ownTypes, foundIn, titleOf, textOf, onDone }: Props) {
  const { suggestion, likely, otherSpellings } = reviewed;
  const nameId = useId();
  const [type, setType] = useState<string>(suggestion.type);
  const [choosing, setChoosing] = useState(false);
  const { run, busy, fieldErrors, formError, fieldRecords } = useOperation();
  const typeLabel = entityTypeLabel(type, ownTypes);
  const asAliases = (names: readonly string[]) => names.map((name) => ({ name, origin: 'suggestion' as const, from: foundIn }));

  const accept = async () => {
    const created = await run(() => operations.createEntity(caseId, { name: suggestion.name, type, aliases: asAliases(otherSpellings) }));
    if (created) onDone(`Added ${typeLabel} “${created.name}”.`);
  };

  const addAsAlias = async (entity: Entity) => {
    const aliases = [...entity.aliases, ...asAliases([suggestion.name, ...otherSpellings])];
    const updated = await run(() => operations.updateEntity(entity.id, { name: entity.name, type: entity.type, aliases }));
    if (updated) onDone(`Added “${suggestion.name}” as an alias of “${updated.name}”.`);
  };

  const dismiss = async () => {
    const dismissed = await run(() => operations.dismissSuggestion(caseId, { name: suggestion.name, type }));
    if (dismissed) onDone(`Dismissed “${suggestion.name}”: it will not be suggested again in this case.`);
  };

  const count = `named ${suggestion.count} ${suggestion.count === 1 ? 'time' : 'times'}`;
  const inDocuments = 'documents' in suggestion && suggestion.documents.length > 1 ? ` in ${suggestion.documents.length} documents` : '';
  // The domain's refusal (a name another entity of the type has), with the way to open that entity.
  const error = fieldErrors.name ?? fieldErrors.aliases ?? fieldErrors.type ?? formError;
  const clashWith = fieldRecords.name ?? fieldRecords.aliases;

  return (
    <article className="suggestion" aria-labelledby={nameId} tabIndex={-1} data-suggestion-card>
      <header>
        <h5 id={nameId}>{suggestion.name}</h5>
        <span className="muted small">
          {count}
          {inDocuments}
        </span>
      </header>
      {otherSpellings.length > 0 && <p className="muted small">Also written: {otherSpellings.join(', ')}</p>}
      <SuggestionSnippets suggestion={suggestion} titleOf={titleOf} textOf={textOf} />
      <div className="suggestion-actions">
        <select value={type} onChange={(event) => setType(event.target.value)} disabled={busy} aria-label="Type">
          <EntityTypeOptions ownTypes={ownTypes} />
        </select>
        <button type="button" className="primary" onClick={() => void accept()} disabled={busy}>
          Accept as new entity
        </button>
        <button type="button" onClick={() => void dismiss()} disabled={busy}>
          Dismiss
        </button>
      </div>
      <div className="suggestion-actions" role="group" aria-label="Add as an alias">
        {likely.map(({ entity }) => (
          <button key={entity.id} type="button" onClick={() => void addAsAlias(entity)} disabled={busy} aria-label={`Add as alias of ${entity.name}`}>
            Alias of {entity.name} <span className="muted small">{entityTypeLabel(entity.type, ownTypes)}</span>
          </button>
        ))}
        {entities.length > 0 && !choosing && (
          <button type="button" className="link-button" onClick={() => setChoosing(true)} disabled={busy}>
            {likely.length ? 'Alias of another entity…' : 'Add as alias of an entity…'}
          </button>
        )}
      </div>
      {choosing && (
        <div
          className="suggestion-picker"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            // Closes the list only, not the panel or the dialog around it.
            event.preventDefault();
            event.stopPropagation();
            setChoosing(false);
          }}
        >
          <EntityPicker entities={entities} label={`Add “${suggestion.name}” as an alias of`} onPick={(entity) => void addAsAlias(entity)} />
          <button type="button" onClick={() => setChoosing(false)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <NamedRecordLink caseId={caseId} record={clashWith} />
    </article>
  );
}
