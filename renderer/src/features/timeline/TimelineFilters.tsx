import { useMemo } from 'react';
import type { Confidence, EventStatus } from '../../../../shared/domain';
import { filterChoices, type TimelineFilter } from '../../timeline/filter';
import type { TimelineData } from '../../timeline/timelineData';

/** The filters the timeline and the list share: one choice each, "Any" by default; only values some event has. */
export function TimelineFilters({ data, filter, onChange }: { data: TimelineData; filter: TimelineFilter; onChange(filter: TimelineFilter): void }) {
  const choices = useMemo(() => filterChoices(data), [data]);
  return (
    <>
      <Choice
        label="Entity"
        value={filter.entity}
        options={choices.entities.map(({ id, name }) => ({ value: id, label: name }))}
        onChange={(entity) => onChange({ ...filter, entity })}
      />
      <Choice
        label="Tag"
        value={filter.tag}
        options={choices.tags.map(({ id, name }) => ({ value: id, label: name }))}
        onChange={(tag) => onChange({ ...filter, tag })}
      />
      <Choice
        label="Confidence"
        value={filter.confidence}
        options={choices.confidences.map((value) => ({ value, label: value }))}
        onChange={(confidence) => onChange({ ...filter, confidence: confidence as Confidence | null })}
      />
      <Choice
        label="Status"
        value={filter.status}
        options={choices.statuses.map((value) => ({ value, label: value }))}
        onChange={(status) => onChange({ ...filter, status: status as EventStatus | null })}
      />
    </>
  );
}

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | null;
  options: { value: string; label: string }[];
  onChange(value: string | null): void;
}) {
  return (
    <label className="timeline-field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)} disabled={options.length === 0 && value === null}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
