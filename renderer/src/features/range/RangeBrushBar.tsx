import { useState } from 'react';
import { Deferred, lazyComponent } from '../../components/Deferred';
import type { TimeWindow } from '../../timeline/inRange';
import { RangeChip, rangeCount } from './RangeChip';
import { useRangeFilter } from './useRangeFilter';
import './range.css';

// The typed dates are read by chrono-node: it loads when the researcher asks to type them.
const RangeDatesForm = lazyComponent(() => import('./RangeDatesForm'), 'RangeDatesForm');

/**
 * The range brush on the timeline: "Filter the case to the window shown" takes the time the drawing shows, "Type
 * dates…" takes them typed; once set, the chip says what it is and how many events fall in it, and clears it.
 */
export function RangeBrushBar({ caseId, shownWindow, setRange }: { caseId: string; shownWindow: TimeWindow | null; setRange(range: TimeWindow | null): void }) {
  const { range, inRange, records, clear } = useRangeFilter(caseId);
  const [typing, setTyping] = useState(false);
  return (
    <div className="range-brush" role="group" aria-label="Time range">
      {range && (
        <RangeChip
          range={range}
          count={inRange && records ? rangeCount(inRange.events.size, records.events.length, 'event') : undefined}
          onClear={clear}
        />
      )}
      <button type="button" disabled={!shownWindow} onClick={() => shownWindow && setRange(shownWindow)}>
        {range ? 'Filter the case to the window shown instead' : 'Filter the case to the window shown'}
      </button>
      <button type="button" aria-expanded={typing} onClick={() => setTyping(!typing)}>
        Type dates…
      </button>
      {typing && (
        <Deferred what="the date fields">
          <RangeDatesForm
            onSet={(typed) => {
              setRange(typed);
              setTyping(false);
            }}
            onCancel={() => setTyping(false)}
          />
        </Deferred>
      )}
    </div>
  );
}
