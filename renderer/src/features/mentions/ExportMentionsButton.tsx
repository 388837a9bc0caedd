import { useState } from 'react';
import { host } from '../../platform';
import { explainError } from '../../components/useOperation';
import { useCaseMentions } from './useMentions';

/** Saves every mention of the case as a CSV table (entity, document, page, snippet), made in the mentions worker. */
export function ExportMentionsButton({ caseId, disabled }: { caseId: string; disabled: boolean }) {
  const mentions = useCaseMentions(caseId);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const exportRows = async () => {
    setMessage(null);
    setBusy(true);
    try {
      const bytes = await mentions.mentionsCsv();
      const result = await host.saveFile({
        suggestedName: `mentions-${new Date().toISOString().slice(0, 10)}.csv`,
        filters: [{ name: 'CSV table', extensions: ['csv'] }],
        bytes,
      });
      if (result.saved) setMessage({ text: 'Exported the mentions as CSV.', failed: false });
    } catch (error) {
      setMessage({ text: `The mentions could not be exported: ${explainError(error)}`, failed: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {message && (
        <span className={message.failed ? 'field-error' : 'muted small'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
      <button type="button" onClick={() => void exportRows()} disabled={disabled || busy} title="Save every mention (entity, document, page, snippet) as a CSV table">
        Export CSV
      </button>
    </>
  );
}
