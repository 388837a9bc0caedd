import { useEffect, useRef } from 'react';
import type { ExportProgress } from '../../report/print';

/** The export under way: a progress bar saying the stage in words, and *Cancel*, which has the focus. */
export function ExportProgressView({ progress, onCancel }: { progress: ExportProgress; onCancel(): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="report-progress">
      <p id="report-progress-stage" role="status">
        {progress.label}…
      </p>
      <progress max={100} value={percent} aria-labelledby="report-progress-stage" aria-valuetext={`${progress.label}, ${percent}%`} />
      <div className="actions">
        <button ref={cancel} type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
