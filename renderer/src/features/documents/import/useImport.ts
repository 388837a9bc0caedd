import { useCallback, useRef, useState } from 'react';
import { FILE_SIZE } from '../../../../../shared/limits';
import { importFiles } from '../../../app/casebook';
import type { ImportOutcome, ImportProgress, IncomingFile } from '../../../import/pipeline';

export interface ImportState {
  running: boolean;
  progress: ImportProgress | null;
  /** The last batch's outcomes, kept for the case while it is open. */
  outcomes: ImportOutcome[] | null;
  /** Whether the last batch's full report is shown (it closes when the researcher moves on, and can be reopened). */
  reportOpen: boolean;
}

/** Runs one import batch at a time for a case, with progress, cancel and the batch's report. */
export function useImport(caseId: string) {
  const [state, setState] = useState<ImportState>({ running: false, progress: null, outcomes: null, reportOpen: false });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    async (files: IncomingFile[]) => {
      if (files.length === 0 || controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setState({ running: true, progress: { done: 0, total: files.length, current: files[0]!.name }, outcomes: null, reportOpen: false });
      try {
        const outcomes = await importFiles(caseId, files, {
          signal: abort.signal,
          onProgress: (progress) => setState((previous) => ({ ...previous, progress })),
        });
        setState({ running: false, progress: null, outcomes, reportOpen: true });
      } finally {
        controller.current = null;
      }
    },
    [caseId],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setState((previous) => (previous.reportOpen ? { ...previous, reportOpen: false } : previous)), []);
  const reopen = useCallback(() => setState((previous) => ({ ...previous, reportOpen: previous.outcomes !== null })), []);

  return { ...state, start, cancel, dismiss, reopen };
}

/** Reads dropped browser File objects into the shape the pipeline takes; a file over the limit is not read at all. */
export async function readBrowserFiles(files: Iterable<File>): Promise<IncomingFile[]> {
  return Promise.all(
    Array.from(files, async (file): Promise<IncomingFile> => {
      if (file.size > FILE_SIZE.max) return { name: file.name, size: file.size, bytes: null, error: FILE_SIZE.message(file.name, file.size) };
      try {
        return { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()), mimeType: file.type || undefined };
      } catch {
        return { name: file.name, size: file.size, bytes: null, error: `${file.name}: the file could not be read.` };
      }
    }),
  );
}
