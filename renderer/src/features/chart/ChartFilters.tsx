import { useMemo } from 'react';
import { CONFIDENCES, CONFIDENCE_STYLES, type ChartGraph, type Confidence } from '../../chart/chartData';
import { pathAndAncestors } from '../../../../shared/codebook';
import { isPartialDate } from '../../chart/view';

/** The filters as the researcher sets them: what is hidden (so a type added later shows), and the tags asked for. */
export interface FilterState {
  hiddenNodeTypes: ReadonlySet<string>;
  hiddenEdgeTypes: ReadonlySet<string>;
  /** Only entities with one of these tags; none chosen: every entity. */
  tags: ReadonlySet<string>;
  hiddenConfidences: ReadonlySet<Confidence>;
  from: string;
  to: string;
}

/** The chart's filters: a drop-down list of check boxes for each kind, and a date range. */
export function ChartFilters({ graph, filters, onChange }: { graph: ChartGraph; filters: FilterState; onChange(filters: FilterState): void }) {
  const catalogue = useMemo(() => {
    const nodeTypes = new Map<string, string>();
    const edgeTypes = new Set<string>();
    const tags = new Set<string>();
    graph.forEachNode((_node, { type, typeColour, tags: nodeTags }) => {
      if (!nodeTypes.has(type)) nodeTypes.set(type, typeColour);
      for (const tag of nodeTags) for (const path of pathAndAncestors(tag)) tags.add(path);
    });
    graph.forEachEdge((_edge, { type }) => edgeTypes.add(type));
    const sorted = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b, 'en'));
    return { nodeTypes: sorted(nodeTypes.keys()).map((type) => ({ type, colour: nodeTypes.get(type)! })), edgeTypes: sorted(edgeTypes), tags: sorted(tags) };
  }, [graph]);
  const toggle = <T,>(set: ReadonlySet<T>, value: T) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const badDate = (value: string) => value.trim() !== '' && !isPartialDate(value);

  return (
    <>
      <Checklist
        title="Entity types"
        summary={count(catalogue.nodeTypes.length - catalogue.nodeTypes.filter(({ type }) => filters.hiddenNodeTypes.has(type)).length, catalogue.nodeTypes.length)}
        items={catalogue.nodeTypes.map(({ type, colour }) => ({ value: type, label: type, colour, checked: !filters.hiddenNodeTypes.has(type) }))}
        onToggle={(type) => onChange({ ...filters, hiddenNodeTypes: toggle(filters.hiddenNodeTypes, type) })}
      />
      <Checklist
        title="Relationship types"
        summary={count(catalogue.edgeTypes.length - catalogue.edgeTypes.filter((type) => filters.hiddenEdgeTypes.has(type)).length, catalogue.edgeTypes.length)}
        items={catalogue.edgeTypes.map((type) => ({ value: type, label: type, checked: !filters.hiddenEdgeTypes.has(type) }))}
        onToggle={(type) => onChange({ ...filters, hiddenEdgeTypes: toggle(filters.hiddenEdgeTypes, type) })}
      />
      <Checklist
        title="Tags"
        summary={filters.tags.size ? `${filters.tags.size} chosen` : 'any'}
        items={catalogue.tags.map((tag) => ({ value: tag, label: tag, checked: filters.tags.has(tag) }))}
        onToggle={(tag) => onChange({ ...filters, tags: toggle(filters.tags, tag) })}
        empty="No entity shown has a tag."
      />
      <Checklist
        title="Confidence"
        summary={count(CONFIDENCES.length - filters.hiddenConfidences.size, CONFIDENCES.length)}
        items={CONFIDENCES.map((confidence) => ({ value: confidence, label: CONFIDENCE_STYLES[confidence].label, checked: !filters.hiddenConfidences.has(confidence) }))}
        onToggle={(confidence) => onChange({ ...filters, hiddenConfidences: toggle(filters.hiddenConfidences, confidence as Confidence) })}
      />
      <span className="link-chart-group" role="group" aria-label="Relationships in force">
        <label className="link-chart-field">
          <span>In force from</span>
          <input
            className="link-chart-date"
            value={filters.from}
            onChange={(event) => onChange({ ...filters, from: event.target.value })}
            placeholder="YYYY-MM-DD"
            aria-invalid={badDate(filters.from)}
            title="Relationships in force on or after this date (a year, a month or a day)"
          />
        </label>
        <label className="link-chart-field">
          <span>until</span>
          <input
            className="link-chart-date"
            value={filters.to}
            onChange={(event) => onChange({ ...filters, to: event.target.value })}
            placeholder="YYYY-MM-DD"
            aria-invalid={badDate(filters.to)}
            title="Relationships in force on or before this date (a year, a month or a day)"
          />
        </label>
      </span>
    </>
  );
}

const count = (shown: number, all: number) => (shown === all ? 'all' : `${shown} of ${all}`);

interface ChecklistProps {
  title: string;
  summary: string;
  items: { value: string; label: string; colour?: string; checked: boolean }[];
  onToggle(value: string): void;
  empty?: string;
}

function Checklist({ title, summary, items, onToggle, empty = 'None in this chart.' }: ChecklistProps) {
  return (
    <details className="link-chart-menu">
      <summary>
        {title}: {summary}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{title}</legend>
        {items.length === 0 && <p className="muted small">{empty}</p>}
        {items.map((item) => (
          <label key={item.value} className="link-chart-check">
            <input type="checkbox" checked={item.checked} onChange={() => onToggle(item.value)} />
            {item.colour && <span className="link-chart-swatch" style={{ background: item.colour }} aria-hidden="true" />}
            {item.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
