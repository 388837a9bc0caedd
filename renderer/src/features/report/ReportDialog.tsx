import './report.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { HostError } from '../../../../shared/contract';
import type { CaseFile } from '../../../../shared/domain';
import { caseReportHtml, exportCaseReport, operations, queries } from '../../app/casebook';
import { Dialog } from '../../components/Dialog';
import { explainError } from '../../components/useOperation';
import { isElectron } from '../../platform';
import type { ReportOptions } from '../../report/options';
import type { ExportedReport, ExportProgress } from '../../report/print';
import { ExportProgressView } from './ExportProgressView';
import { printInBrowser } from './printInBrowser';
import { ReportOptionsForm } from './ReportOptionsForm';
import { ReportPreviewStep } from './ReportPreviewStep';

type Step = { kind: 'options' } | { kind: 'exporting'; progress: ExportProgress } | { kind: 'preview'; report: ExportedReport };

interface Failure {
  message: string;
  /** A browser with no print engine: the report can still go to the browser's print dialog. */
  offerPrint: boolean;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** Why an export failed, in words: what is empty, what the host said, or what went wrong. */
function failureOf(error: unknown): Failure {
  if (error instanceof HostError)
    return { message: error.message, offerPrint: !isElectron && error.code === 'not-found' };
  // Nothing to report, or too much for one PDF: the message says which, and what to do.
  if (error instanceof Error && (error.name === 'EmptyReportError' || error.name === 'ReportTooLongError')) return { message: error.message, offerPrint: false };
  return { message: `The report could not be exported: ${explainError(error)}`, offerPrint: false };
}

/**
 * The case's report, from its options to a saved PDF: the options (remembered per case), then a progress bar with
 * *Cancel* while it is laid out and printed, then a preview of its pages with *Save PDF…*.
 */
export function ReportDialog({ caseFile, onClose }: { caseFile: CaseFile; onClose(): void }) {
  const remembered = useLiveQuery(() => queries.reportOptionsOf(caseFile.id), [caseFile.id]);
  const choices = useLiveQuery(() => queries.reportChoices(caseFile.id), [caseFile.id]);
  const [edited, setEdited] = useState<ReportOptions | null>(null);
  const options = edited ?? remembered;
  const [step, setStep] = useState<Step>({ kind: 'options' });
  const [failure, setFailure] = useState<Failure | null>(null);
  const running = useRef<AbortController | null>(null);
  // Closing the dialog cancels an export under way.
  useEffect(() => () => running.current?.abort(), []);

  const start = async (chosen: ReportOptions) => {
    setFailure(null);
    const controller = new AbortController();
    running.current = controller;
    const show = (progress: ExportProgress) => {
      if (!controller.signal.aborted) setStep({ kind: 'exporting', progress });
    };
    show({ stage: 'collect', label: 'Reading the case', fraction: 0 });
    try {
      await operations.saveReportOptions(caseFile.id, chosen);
      const report = await exportCaseReport(caseFile.id, chosen, { signal: controller.signal, onProgress: show });
      if (!controller.signal.aborted) setStep({ kind: 'preview', report });
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      setFailure(failureOf(error));
      setStep({ kind: 'options' });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  const cancel = () => {
    running.current?.abort();
    setStep({ kind: 'options' });
  };

  const printFallback = async () => {
    if (!options) return;
    try {
      await printInBrowser(await caseReportHtml(caseFile.id, options));
    } catch (error) {
      setFailure({ ...failureOf(error), offerPrint: false });
    }
  };

  return (
    <Dialog title="Export report" onClose={onClose}>
      <div className="report-export">
        {step.kind === 'options' && (
          <>
            {failure && (
              <div className="form-error" role="alert">
                <p>{failure.message}</p>
                {failure.offerPrint && (
                  <button type="button" onClick={() => void printFallback()}>
                    Print…
                  </button>
                )}
              </div>
            )}
            {options ? (
              <ReportOptionsForm
                caseName={caseFile.name}
                options={options}
                onChange={setEdited}
                choices={choices}
                onExport={() => void start(options)}
                onCancel={onClose}
              />
            ) : (
              <p role="status" className="muted">
                Loading the report’s options…
              </p>
            )}
          </>
        )}
        {step.kind === 'exporting' && <ExportProgressView progress={step.progress} onCancel={cancel} />}
        {step.kind === 'preview' && (
          <ReportPreviewStep caseName={caseFile.name} report={step.report} onBack={() => setStep({ kind: 'options' })} onClose={onClose} />
        )}
      </div>
    </Dialog>
  );
}
