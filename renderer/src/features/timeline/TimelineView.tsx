import { useState } from 'react';
import { useRememberedFlag } from '../../components/useRemembered';
import { NO_FILTER, type TimelineFilter } from '../../timeline/filter';
import type { TimelineData } from '../../timeline/timelineData';
import { ChronologicalList } from './ChronologicalList';
import { TimelineChart, type TimelineChartProps, type TimeRange } from './TimelineChart';
import { TimelineFilters } from './TimelineFilters';

export interface TimelineViewProps {
  data: TimelineData;
  onOpen(eventId: string): void;
  /** The event open beside the view. */
  currentId?: string | null;
  onRangeChange?(range: TimeRange): void;
  /** The case's time range, drawn on the timeline as two bars to drag. */
  brush?: TimelineChartProps['brush'];
  onBrushChange?: TimelineChartProps['onBrushChange'];
}

/** The case's chronology drawn as a timeline or read as a list ("Timeline | List"), with the filters both share. */
export function TimelineView({ data, onOpen, currentId = null, onRangeChange, brush = null, onBrushChange }: TimelineViewProps) {
  const [asList, setAsList] = useRememberedFlag('timeline.asList', false);
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  return (
    <div className="timeline-view">
      <div className="timeline-toolbar">
        <span className="segmented" role="group" aria-label="Show the events as">
          <button type="button" aria-pressed={!asList} onClick={() => setAsList(false)}>
            Timeline
          </button>
          <button type="button" aria-pressed={asList} onClick={() => setAsList(true)}>
            List
          </button>
        </span>
        <span role="group" aria-label="Filters" className="timeline-toolbar">
          <TimelineFilters data={data} filter={filter} onChange={setFilter} />
        </span>
      </div>
      {asList ? (
        <ChronologicalList data={data} filter={filter} onOpen={onOpen} currentId={currentId} />
      ) : (
        <TimelineChart
          data={data}
          filter={filter}
          onOpen={onOpen}
          brush={brush}
          {...(onRangeChange ? { onRangeChange } : {})}
          {...(onBrushChange ? { onBrushChange } : {})}
        />
      )}
    </div>
  );
}
