import { useEffect, useRef, useState } from 'react';
import { HostError } from '../../../../shared/contract';
import { explainError } from '../../components/useOperation';
import { host } from '../../platform';
import type { ExportedReport } from '../../report/print';
import { ReportPreview } from './ReportPreview';
import { reportFileName } from './reportFileName';

interface ReportPreviewStepProps {
  caseName: string;
  report: ExportedReport;
  onBack(): void;
  onClose(): void;
}

/** The exported report before it is saved: its pages, their count, what was worked around, and *Save PDF…*. */
export function ReportPreviewStep({ caseName, report, onBack, onClose }: ReportPreviewStepProps) {
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const save = useRef<HTMLButtonElement>(null);
  useEffect(() => save.current?.focus(), []);

  const savePdf = async () => {
    setMessage(null);
    try {
      const result = await host.saveFile({
        bytes: report.bytes,
        suggestedName: reportFileName(caseName, new Date()),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      // A cancelled save dialog is an answer: nothing to say, and the preview stays.
      if (result.saved)
        setMessage({ text: result.location ? `Saved as ${result.location}.` : 'The report was saved to your downloads.', failed: false });
    } catch (error) {
      // The host's message names the file and folder, and why ("… could not be saved in /x: permission was denied").
      setMessage({ text: error instanceof HostError ? error.message : `The report was not saved: ${explainError(error)}`, failed: true });
    }
  };

  const pages = `${report.pageCount.toLocaleString('en')} ${report.pageCount === 1 ? 'page' : 'pages'}`;
  return (
    <div className="report-preview-step">
      <p role="status">
        <strong>{report.title}</strong>: {pages}, ready to save.
      </p>
      {report.warnings.length > 0 && (
        <section aria-label="Warnings" className="notice warnings">
          <p>Worked around while making the report:</p>
          <ul>
            {report.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
      <ReportPreview bytes={report.bytes} pageCount={report.pageCount} />
      {message && (
        <p className={message.failed ? 'form-error' : 'small'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="actions">
        <button ref={save} type="button" className="primary" onClick={() => void savePdf()}>
          Save PDF…
        </button>
        <button type="button" onClick={onBack}>
          Change options
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
