import { useState } from 'react';
import { useRememberedFlag } from '../../components/useRemembered';
import { NO_FILTER, type TimelineFilter } from '../../timeline/filter';
import type { TimelineData } from '../../timeline/timelineData';
import { ChronologicalList } from './ChronologicalList';
import { ConflictsView } from './ConflictsView';
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
  /** The case, where the view offers its conflicts (dates that disagree) as a third way to see the events. */
  caseId?: string;
}

/**
 * The case's chronology drawn as a timeline or read as a list ("Timeline | List"), with the filters both share, or
 * the dates that disagree ("Conflicts").
 */
export function TimelineView({ data, onOpen, currentId = null, onRangeChange, brush = null, onBrushChange, caseId }: TimelineViewProps) {
  const [asList, setAsListFlag] = useRememberedFlag('timeline.asList', false);
  const [conflictsFlag, setConflictsShown] = useRememberedFlag('timeline.conflictsShown', false);
  const conflictsShown = conflictsFlag && caseId !== undefined;
  const setAsList = (value: boolean) => {
    setAsListFlag(value);
    setConflictsShown(false);
  };
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  return (
    <div className="timeline-view">
      <div className="timeline-toolbar">
        <span className="segmented" role="group" aria-label="Show the events as">
          <button type="button" aria-pressed={!asList && !conflictsShown} onClick={() => setAsList(false)}>
            Timeline
          </button>
          <button type="button" aria-pressed={asList && !conflictsShown} onClick={() => setAsList(true)}>
            List
          </button>
          {caseId !== undefined && (
            <button type="button" aria-pressed={conflictsShown} onClick={() => setConflictsShown(true)}>
              Conflicts
            </button>
          )}
        </span>
        {!conflictsShown && (
          <span role="group" aria-label="Filters" className="timeline-toolbar">
            <TimelineFilters data={data} filter={filter} onChange={setFilter} />
          </span>
        )}
      </div>
      {conflictsShown ? (
        <ConflictsView caseId={caseId!} onOpen={onOpen} />
      ) : asList ? (
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
