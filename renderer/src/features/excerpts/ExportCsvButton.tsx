import type { Excerpt } from '../../../../shared/domain';
import { useState } from 'react';
import { host } from '../../platform';
import { explainError } from '../../components/useOperation';
import type { ExcerptTableModel } from './excerptRows';

/** Saves the rows shown (filtered and sorted) as a CSV file, through the host's save dialog or download. */
export function ExportCsvButton({ model, rows }: { model: ExcerptTableModel; rows: readonly Excerpt[] }) {
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const exportRows = async () => {
    setMessage(null);
    try {
      // The CSV writer loads with the first export: the section opens without it.
      const { excerptsCsv } = await import('./excerptCsv');
      const bytes = new TextEncoder().encode(excerptsCsv(model, rows));
      const result = await host.saveFile({
        suggestedName: `excerpts-${new Date().toISOString().slice(0, 10)}.csv`,
        filters: [{ name: 'CSV table', extensions: ['csv'] }],
        bytes,
      });
      if (result.saved) setMessage({ text: `Exported ${rows.length.toLocaleString('en')} ${rows.length === 1 ? 'excerpt' : 'excerpts'} as CSV.`, failed: false });
    } catch (error) {
      setMessage({ text: `The excerpts could not be exported: ${explainError(error)}`, failed: true });
    }
  };
  return (
    <>
      {message && (
        <span className={message.failed ? 'field-error' : 'muted small'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
      <button type="button" onClick={() => void exportRows()} disabled={rows.length === 0} title="Save the excerpts shown, as filtered and sorted, as a CSV table">
        Export CSV
      </button>
    </>
  );
}
