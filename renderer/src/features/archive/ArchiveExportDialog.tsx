import { useEffect, useRef, useState } from 'react';
import type { CaseFile } from '../../../../shared/domain';
import { archiveOperations, queries } from '../../app/casebook';
import { host } from '../../platform';
import { ARCHIVE_EXTENSION } from '../../../../shared/archive/format';
import { Dialog } from '../../components/Dialog';
import { explainError } from '../../components/useOperation';
import { caseFileName } from '../shared/caseFileName';
import { chooseArchiveDestination } from './destination';
import { recordArchiveExport } from './exportRecord';

type Step =
  | { kind: 'choosing' }
  | { kind: 'writing'; rows: number; totalRows: number }
  | { kind: 'done'; name: string | null; rows: number; files: number; bytes: number }
  | { kind: 'failed'; message: string };

const count = (value: number) => value.toLocaleString('en');
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;


/**
 * The case written as a `.casebook` archive: where to (the save dialog), then a progress bar with *Cancel* while it is
 * written, then what was saved. Cancelled or failed, nothing is left at the place chosen.
 */
export function ArchiveExportDialog({ caseFile, onClose }: { caseFile: CaseFile; onClose(): void }) {
  const [step, setStep] = useState<Step>({ kind: 'choosing' });
  const controller = useRef<AbortController | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once, even when React runs the effect twice in development.
    if (started.current) return;
    started.current = true;
    const abort = new AbortController();
    controller.current = abort;
    void (async () => {
      try {
        const destination = await chooseArchiveDestination(caseFileName(caseFile.name, { what: null, date: new Date(), extension: ARCHIVE_EXTENSION }));
        if (!destination) return onClose();
        setStep({ kind: 'writing', rows: 0, totalRows: 0 });
        // Where the history stands before the archive reads it: a change made while it is written counts as since.
        const seq = await queries.lastHistorySeq(caseFile.id);
        const { version } = await host.getAppInfo();
        const manifest = await archiveOperations.writeArchive(caseFile.id, destination.writable, {
          appVersion: version,
          signal: abort.signal,
          onProgress: ({ rows, totalRows }) => setStep({ kind: 'writing', rows, totalRows }),
        });
        const result = await destination.finish();
        if (!result.saved) return onClose();
        recordArchiveExport(caseFile.id, { at: manifest.exportedAt, seq });
        const rows = Object.values(manifest.counts).reduce((sum, value) => sum + value, 0);
        const files = manifest.entries.filter((entry) => entry.path.startsWith('files/'));
        const bytes = manifest.entries.reduce((sum, entry) => sum + entry.size, 0);
        setStep({ kind: 'done', name: result.name ?? destination.name, rows, files: files.length, bytes });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return onClose();
        setStep({ kind: 'failed', message: `The case could not be exported: ${explainError(error)}` });
      }
    })();
  }, [caseFile, onClose]);

  const percent = step.kind === 'writing' && step.totalRows ? Math.round((step.rows / step.totalRows) * 100) : 0;
  return (
    <Dialog title="Export case archive" onClose={() => (step.kind === 'writing' ? controller.current?.abort() : onClose())}>
      {step.kind === 'choosing' && <p role="status">Choose where to save the archive…</p>}
      {step.kind === 'writing' && (
        <div className="report-progress">
          <p id="archive-progress" role="status">
            Writing the archive: {count(step.rows)} of {count(step.totalRows)} records…
          </p>
          <progress max={100} value={percent} aria-labelledby="archive-progress" aria-valuetext={`${percent}%`} />
          <div className="actions">
            <button type="button" onClick={() => controller.current?.abort()} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      )}
      {step.kind === 'done' && (
        <p role="status">
          Saved {step.name ? `“${step.name}”` : 'the archive'}: {count(step.rows)} records and {count(step.files)} {step.files === 1 ? 'file' : 'files'},{' '}
          {megabytes(step.bytes)} before compression. Keep it somewhere other than this computer: it holds the whole case.
        </p>
      )}
      {step.kind === 'failed' && <p role="alert">{step.message}</p>}
      {(step.kind === 'done' || step.kind === 'failed') && (
        <div className="actions">
          <button type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      )}
    </Dialog>
  );
}
