import { useMemo } from 'react';
import type { ExcerptFilter, ExcerptTableModel } from './excerptRows';

interface ExcerptFiltersProps {
  model: ExcerptTableModel;
  filter: ExcerptFilter;
  onChange: (filter: ExcerptFilter) => void;
  /** While the table is still being read whole. */
  disabled?: boolean;
}

/** The excerpts table's filters: words, document, tag (with its sub-tags), entity, event, and lost quotes only. */
export function ExcerptFilters({ model, filter, onChange, disabled = false }: ExcerptFiltersProps) {
  const choices = useMemo(
    () => ({
      documents: [...model.data.sources.values()].map((source) => ({ value: source.id, label: source.title })).sort((a, b) => a.label.localeCompare(b.label)),
      tags: model.tagChoices(),
      entities: model.linkedChoices('entities'),
      events: model.linkedChoices('events'),
    }),
    [model],
  );
  const set = (change: Partial<ExcerptFilter>) => onChange({ ...filter, ...change });
  const choose = (label: string, value: string | null, options: { value: string; label: string }[], apply: (value: string | null) => void) => (
    <select aria-label={`Filter by ${label}`} value={value ?? ''} onChange={(event) => apply(event.target.value || null)}>
        <option value="">{`Any ${label}`}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
  );
  return (
    <fieldset className="row excerpt-filters" aria-label="Filters" disabled={disabled}>
      <input
        type="search"
        aria-label="Filter excerpts by words"
        placeholder="Filter by words in the quote, comment, tags, source or links"
        value={filter.text}
        onChange={(event) => set({ text: event.target.value })}
      />
      {choose('document', filter.documentId, choices.documents, (documentId) => set({ documentId }))}
      {choose('tag', filter.tag, choices.tags, (tag) => set({ tag }))}
      {choose('entity', filter.entityId, choices.entities, (entityId) => set({ entityId }))}
      {choose('event', filter.eventId, choices.events, (eventId) => set({ eventId }))}
      <label className="row">
        <input type="checkbox" checked={filter.orphanedOnly} onChange={(event) => set({ orphanedOnly: event.target.checked })} />
        Quote not found
      </label>
    </fieldset>
  );
}
