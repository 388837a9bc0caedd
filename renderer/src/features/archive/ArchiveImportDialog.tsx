import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { CaseFile } from '../../../../shared/domain';
import { archiveOperations } from '../../app/casebook';
import { readCheckedArchive } from '../../archive/importArchive';
import type { ArchiveSource } from '../../archive/readArchive';
import { ARCHIVE_EXTENSION } from '../../../../shared/archive/format';
import type { CheckedArchive } from '../../archive/importArchive';
import { Dialog } from '../../components/Dialog';
import { notify } from '../../components/notices';
import { explainError } from '../../components/useOperation';
import { recordImportedArchive } from './exportBaseline';
import { holds } from './holds';

type Step =
  | { kind: 'choose'; problem: string | null }
  | { kind: 'reading'; name: string; bytes: number; totalBytes: number }
  | { kind: 'ready'; name: string; read: CheckedArchive; existing: CaseFile | null }
  | { kind: 'confirm'; name: string; read: CheckedArchive; existing: CaseFile; losses: { table: string; lost: number }[] }
  | { kind: 'importing'; name: string };

const count = (value: number) => value.toLocaleString('en');
const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
/** An archive refused says itself what is wrong with it, naming the file. */
const problemOf = (error: unknown) => (error instanceof Error && error.name === 'ArchiveError' ? error.message : explainError(error));

/** An archive the dialog opens with: dropped on the window, opened by the system, or a backup chosen to restore. */
export interface OpenedArchive {
  name: string;
  source: ArchiveSource;
}

/**
 * Brings a `.casebook` archive in: the file chosen or dropped (or the one it was opened with), read and checked whole (a progress bar, *Cancel*),
 * what it holds, then *Import as a new case* or, when Casebook has the case it came from, *Replace…* after saying
 * what would be lost. A refused archive says why and changes nothing.
 */
export function ArchiveImportDialog({
  title = 'Open case archive',
  opened = null,
  onClose,
  onImported,
}: {
  title?: string;
  opened?: OpenedArchive | null;
  onClose(): void;
  onImported(caseId: string): void;
}) {
  const [step, setStep] = useState<Step>(() => (opened ? { kind: 'reading', name: opened.name, bytes: 0, totalBytes: opened.source.size } : { kind: 'choose', problem: null }));
  const input = useRef<HTMLInputElement>(null);
  const reading = useRef<AbortController | null>(null);

  /** Reads and checks the archive; the step changes only as the reading goes on (never before it starts). */
  const read = async ({ name, source }: OpenedArchive, abort: AbortController) => {
    try {
      const checked = await readCheckedArchive(source, name, {
        signal: abort.signal,
        onProgress: ({ bytes, totalBytes }) => {
          if (!abort.signal.aborted) setStep({ kind: 'reading', name, bytes, totalBytes });
        },
      });
      if (abort.signal.aborted) return;
      setStep({ kind: 'ready', name, read: checked, existing: await archiveOperations.caseWithId(checked.manifest.case.id) });
    } catch (error) {
      if (reading.current === abort) setStep({ kind: 'choose', problem: isAbort(error) ? null : problemOf(error) });
    }
  };
  const startReading = () => {
    reading.current?.abort();
    const abort = new AbortController();
    reading.current = abort;
    return abort;
  };
  const takeFile = (file: File) => {
    const abort = startReading();
    setStep({ kind: 'reading', name: file.name, bytes: 0, totalBytes: file.size });
    void read({ name: file.name, source: file }, abort);
  };

  // The archive it was opened with is read at once (its first step is already "reading"), and the reading stopped
  // if the dialog goes first.
  useEffect(() => {
    if (!opened) return;
    const abort = startReading();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the reading sets its steps after it awaits, never at once
    void read(opened, abort);
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once, with the archive the dialog opened with
  }, []);

  const importAs = async (name: string, read: CheckedArchive, replace: CaseFile | null) => {
    setStep({ kind: 'importing', name });
    try {
      const caseFile = await archiveOperations.importArchive(read, replace ? { as: 'replace', caseId: replace.id } : { as: 'new' });
      await recordImportedArchive(caseFile.id, read.manifest.exportedAt);
      notify('info', replace ? `Restored “${caseFile.name}” from ${name}.` : `Imported ${name} as the case “${caseFile.name}”.`);
      onImported(caseFile.id);
    } catch (error) {
      setStep({ kind: 'choose', problem: `${name} was not imported, and no case was changed: ${problemOf(error)}` });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) takeFile(file);
  };

  return (
    <Dialog title={title} onClose={() => (step.kind === 'reading' ? reading.current?.abort() : step.kind === 'importing' ? undefined : onClose())}>
      {step.kind === 'choose' && (
        <div className="archive-drop" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
          <p>Choose a Casebook archive (.{ARCHIVE_EXTENSION}), or drop it here. It is checked whole before anything is written.</p>
          {step.problem && <p role="alert">{step.problem}</p>}
          <input
            ref={input}
            type="file"
            accept={`.${ARCHIVE_EXTENSION}`}
            hidden
            aria-label="Casebook archive"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) takeFile(file);
            }}
          />
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" onClick={() => input.current?.click()} autoFocus>
              Choose archive…
            </button>
          </div>
        </div>
      )}
      {step.kind === 'reading' && (
        <div className="report-progress">
          <p id="archive-reading" role="status">
            Checking {step.name}…
          </p>
          <progress max={step.totalBytes || 1} value={step.bytes} aria-labelledby="archive-reading" />
          <div className="actions">
            <button type="button" onClick={() => reading.current?.abort()} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      )}
      {step.kind === 'ready' && (
        <>
          <p role="status">
            {step.name} holds the case “{step.read.manifest.case.name}”, exported {step.read.manifest.exportedAt.slice(0, 16).replace('T', ' ')} UTC by
            Casebook {step.read.manifest.appVersion}: {holds(step.read.manifest.counts)}.
          </p>
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            {step.existing && (
              <button
                type="button"
                onClick={async () => {
                  const { existing, read, name } = step;
                  if (existing) setStep({ kind: 'confirm', name, read, existing, losses: await archiveOperations.describeReplacement(existing.id, read) });
                }}
              >
                Replace “{step.existing.name}”…
              </button>
            )}
            <button type="button" onClick={() => void importAs(step.name, step.read, null)} autoFocus>
              Import as a new case
            </button>
          </div>
        </>
      )}
      {step.kind === 'confirm' && (
        <>
          <p>
            Replacing “{step.existing.name}” puts the case back as the archive has it, exported {step.read.manifest.exportedAt.slice(0, 16).replace('T', ' ')} UTC.
            Every change made to it since is lost
            {step.losses.length ? `, and with them: ${step.losses.map(({ table, lost }) => `${count(lost)} ${table}`).join(', ')} the archive does not have` : ''}.
          </p>
          <div className="actions">
            <button type="button" onClick={() => setStep({ kind: 'ready', name: step.name, read: step.read, existing: step.existing })} autoFocus>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void importAs(step.name, step.read, step.existing)}>
              Replace
            </button>
          </div>
        </>
      )}
      {step.kind === 'importing' && <p role="status">Importing {step.name}…</p>}
    </Dialog>
  );
}
