import type { Ref } from 'react';
import type { FindResult } from './useFind';

interface FindBarProps {
  query: string;
  onQueryChange: (query: string) => void;
  result: FindResult;
  onClose: () => void;
  inputRef: Ref<HTMLInputElement>;
}

/** The find box: Enter goes to the next match, Shift+Enter to the previous one, Escape closes it. */
export function FindBar({ query, onQueryChange, result, onClose, inputRef }: FindBarProps) {
  const status = !query.trim()
    ? ''
    : result.count === 0
      ? 'No matches'
      : `${(result.current + 1).toLocaleString()} of ${result.count.toLocaleString()}${result.capped ? '+' : ''}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (event.shiftKey) result.previous();
            else result.next();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <span className="find-status" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={!result.count} onClick={result.previous}>
        ↑
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={!result.count} onClick={result.next}>
        ↓
      </button>
      <button type="button" className="quiet" aria-label="Close find" title="Close (Escape)" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
