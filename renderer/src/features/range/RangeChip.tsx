import { rangeWords, type TimeWindow } from '../../timeline/inRange';
import './range.css';

export interface RangeChipProps {
  range: TimeWindow;
  /** How many of what the section lists fall in the range: "12 of 40 excerpts". Left out while they are counted. */
  count?: { kept: number; of: number; noun: string } | undefined;
  onClear(): void;
}

/** Says that a section shows only what falls in the case's time range, how much that is, and clears it in one click. */
export function RangeChip({ range, count, onClear }: RangeChipProps) {
  const { from, to } = rangeWords(range);
  return (
    <p className="range-chip" role="status">
      <span>
        Showing only what falls between <strong>{from}</strong> and <strong>{to}</strong>
        {count && (
          <>
            {' '}
            · {count.kept.toLocaleString('en')} of {count.of.toLocaleString('en')} {count.noun} {count.kept === 1 ? 'falls' : 'fall'} in the range
          </>
        )}
      </span>
      <button type="button" className="quiet small" onClick={onClear} aria-label="Clear the time range">
        Clear
      </button>
    </p>
  );
}

/** "12 of 40 excerpts", with the noun in the singular for one of one. */
export const rangeCount = (kept: number, of: number, singular: string, plural = `${singular}s`) => ({ kept, of, noun: of === 1 ? singular : plural });
