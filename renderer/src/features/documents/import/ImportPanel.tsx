import { useState } from 'react';
import { Link } from 'react-router';
import { commandHint, useRunCommand } from '../../../commands';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import type { ImportOutcome } from '../../../import/pipeline';
import type { useImport } from './useImport';
import { BatchSuggestionsButton } from '../../suggestions/BatchSuggestionsButton';

/** Formats offered in the file dialog; anything else dropped in is still tried and reported. */
export const IMPORT_FILTERS = [
  { name: 'Documents', extensions: ['html', 'htm', 'pdf', 'docx', 'txt', 'md', 'markdown', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] },
  { name: 'All files', extensions: ['*'] },
];

type ImportApi = ReturnType<typeof useImport>;

/** The Documents section's import controls: the file dialog, paste, and the batch's progress and report. */
export function ImportControls({ importer }: { importer: ImportApi }) {
  const [pasting, setPasting] = useState(false);
  const run = useRunCommand();
  return (
    <>
      <button
        type="button"
        className="primary"
        onClick={() => run('documents.import')}
        disabled={importer.running}
        {...commandHint('documents.import')}
      >
        Import files
      </button>
      <button type="button" onClick={() => setPasting(true)} disabled={importer.running}>
        Paste
      </button>
      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onImport={(file) => {
            setPasting(false);
            void importer.start([file]);
          }}
        />
      )}
    </>
  );
}

export function ImportStatus({ importer, caseId }: { importer: ImportApi; caseId: string }) {
  const { running, progress, outcomes } = importer;
  if (running && progress)
    return (
      <div className="panel import-progress" role="status" aria-live="polite">
        <div className="row">
          <span>
            Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}
            {progress.current ? `: ${progress.current}` : ''}
          </span>
          <span className="spacer" />
          <button type="button" onClick={importer.cancel}>
            Cancel import
          </button>
        </div>
        <progress max={progress.total} value={progress.done} aria-label="Import progress" style={{ width: '100%' }} />
      </div>
    );
  if (!outcomes) return null;
  if (!importer.reportOpen)
    return (
      <p className="last-import small">
        <button type="button" className="link-button" onClick={importer.reopen}>
          Last import: {summarise(outcomes)}
        </button>
      </p>
    );
  return <ImportReport outcomes={outcomes} caseId={caseId} onDismiss={importer.dismiss} />;
}

const STATUS_LABEL: Record<ImportOutcome['status'], string> = {
  imported: 'Imported',
  duplicate: 'Skipped (duplicate)',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** "17 imported, 3 failed": what became of a batch, in one line. */
function summarise(outcomes: ImportOutcome[]): string {
  const count = (status: ImportOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  return [
    `${count('imported')} imported`,
    count('duplicate') ? `${count('duplicate')} skipped as duplicates` : '',
    count('failed') ? `${count('failed')} failed` : '',
    count('cancelled') ? `${count('cancelled')} cancelled` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function ImportReport({ outcomes, caseId, onDismiss }: { outcomes: ImportOutcome[]; caseId: string; onDismiss: () => void }) {
  const summary = summarise(outcomes);
  return (
    <section className="panel import-report" aria-label="Import report">
      <div className="row">
        <h2 style={{ margin: 0 }}>Import finished: {summary}</h2>
        <span className="spacer" />
        <BatchSuggestionsButton caseId={caseId} documentIds={outcomes.flatMap((outcome) => (outcome.status === 'imported' ? [outcome.documentId] : []))} />
        <button type="button" onClick={onDismiss}>
          Close report
        </button>
      </div>
      <ul className="links">
        {outcomes.map((outcome, index) => (
          <li key={`${outcome.name}-${index}`} data-status={outcome.status}>
            <span className="kind">{STATUS_LABEL[outcome.status]}</span>
            <span style={{ flex: 1, overflowWrap: 'anywhere' }}>
              {outcome.status === 'imported' ? (
                <>
                  <Link to={`/case/${caseId}/documents/${outcome.documentId}`}>{outcome.title}</Link>{' '}
                  <span className="muted small">({outcome.name})</span>
                  {outcome.warnings.map((warning) => (
                    <span key={warning} className="muted small" style={{ display: 'block' }}>
                      {warning}
                    </span>
                  ))}
                </>
              ) : outcome.status === 'duplicate' ? (
                <>
                  {outcome.message} <Link to={`/case/${caseId}/documents/${outcome.documentId}`}>Open it</Link>
                </>
              ) : (
                outcome.message
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Paste a web page or text into a new document. Pasted HTML is kept as the original and goes through the same
 * importer as a saved page, so the article is cleaned out of the site around it.
 */
function PasteDialog({ onClose, onImport }: { onClose: () => void; onImport: (file: Parameters<ImportApi['start']>[0][number]) => void }) {
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [pasted, setPasted] = useState<{ html: string | null; text: string }>({ html: null, text: '' });
  const [error, setError] = useState<string | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const url = sourceUrl.trim();
    if (url && !/^https?:\/\/\S+$/i.test(url)) return setError('The source must be an http or https address.');
    if (!pasted.text.trim() && !pasted.html) return setError('Paste the text or page first.');
    const stem = (title.trim() || 'Pasted text').replace(/[/\\\u0000-\u001f]/g, ' ').slice(0, 120);
    const content = pasted.html
      ? `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title.trim())}</title></head><body>${pasted.html}</body></html>`
      : `${title.trim() ? `${title.trim()}\n\n` : ''}${pasted.text}`;
    const bytes = new TextEncoder().encode(content);
    onImport({
      name: `${stem}.${pasted.html ? 'html' : 'txt'}`,
      size: bytes.byteLength,
      bytes,
      mimeType: pasted.html ? 'text/html' : 'text/plain',
      sourceUrl: url || null,
    });
  };

  return (
    <Dialog title="Paste into a new document" onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Paste into a new document">
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <Field label="Title (optional)" hint="Taken from the pasted page when left empty">
          {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label="Source address (optional)">
          {(control) => <input {...control} type="url" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} />}
        </Field>
        <Field label="Pasted content" hint={pasted.html ? 'A web page was pasted: the article will be cleaned out of it.' : 'Paste text or a copied web page here'}>
          {(control) => (
            <textarea
              {...control}
              rows={10}
              value={pasted.text}
              onChange={(e) => setPasted({ html: null, text: e.target.value })}
              onPaste={(e) => {
                const html = e.clipboardData.getData('text/html');
                const text = e.clipboardData.getData('text/plain');
                if (html) {
                  e.preventDefault();
                  setPasted({ html, text });
                }
              }}
              autoFocus
            />
          )}
        </Field>
        <div className="row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Import
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
