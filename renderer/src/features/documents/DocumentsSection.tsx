import { useLiveQuery } from 'dexie-react-hooks';
import Dexie from 'dexie';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Field, FormError } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { db } from '../../db';
import { createTextDocument, renameDocument } from '../../domain';
import { formatBytes, formatDateTime } from '../../format';
import { LinksPanel } from '../links/LinksPanel';
import { DeleteRecordButton } from '../shared/DeleteRecordButton';
import { RecordSection } from '../shared/RecordSection';

export function DocumentsSection({ caseId }: { caseId: string }) {
  // Lists read only metadata: extracted text is long, so rows drop it before they reach the view.
  const documents = useLiveQuery(
    () =>
      db.documents
        .where('[caseId+importedAt]')
        .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
        .reverse()
        .toArray((rows) => rows.map(({ id, title, kind, size, importedAt }) => ({ id, title, kind, size, importedAt }))),
    [caseId],
  );
  return (
    <RecordSection
      caseId={caseId}
      path="documents"
      title="Documents"
      items={documents}
      newLabel="New document"
      emptyMessage="No documents yet. Add the articles, reports and records you have collected."
      filterLabel="Filter documents by title"
      matches={(document, key) => document.title.toLocaleLowerCase().includes(key)}
      rowTitle={(document) => document.title}
      rowMeta={(document) => `${document.kind} · ${formatBytes(document.size)}`}
      renderNew={(onCreated, onCancel) => <NewTextDocument caseId={caseId} onDone={onCreated} onCancel={onCancel} />}
      renderDetail={(id) => <DocumentReader key={id} caseId={caseId} documentId={id} />}
    />
  );
}

function DocumentReader({ caseId, documentId }: { caseId: string; documentId: string }) {
  const document = useLiveQuery(async () => (await db.documents.get(documentId)) ?? null, [documentId]);
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState('');
  const { run, busy, fieldErrors, formError } = useOperation();
  const navigate = useNavigate();
  if (document === undefined) return null;
  if (document === null) return <p className="muted">This document no longer exists.</p>;

  return (
    <article aria-labelledby="document-title">
      {renaming ? (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (await run(() => renameDocument(db, document.id, title))) setRenaming(false);
          }}
          noValidate
        >
          <FormError message={formError} />
          <Field label="Document title" error={fieldErrors.title}>
            {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
          </Field>
          <div className="row end">
            <button type="button" onClick={() => setRenaming(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Save
            </button>
          </div>
        </form>
      ) : (
        <div className="section-header">
          <h2 id="document-title">{document.title}</h2>
          <span className="spacer" />
          <button
            type="button"
            onClick={() => {
              setTitle(document.title);
              setRenaming(true);
            }}
          >
            Rename
          </button>
          <DeleteRecordButton target={{ type: 'document', id: document.id }} onDeleted={() => navigate(`/case/${caseId}/documents`)} />
        </div>
      )}
      <dl className="meta small">
        <dt>Type</dt>
        <dd>{document.kind}</dd>
        <dt>Added</dt>
        <dd>{formatDateTime(document.importedAt)}</dd>
        {document.fileName && (
          <>
            <dt>File</dt>
            <dd>{document.fileName}</dd>
          </>
        )}
        {document.sourceUrl && (
          <>
            <dt>Source</dt>
            <dd style={{ overflowWrap: 'anywhere' }}>{document.sourceUrl}</dd>
          </>
        )}
        <dt>Size</dt>
        <dd>{formatBytes(document.size)}</dd>
        <dt>SHA-256</dt>
        <dd style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{document.sha256}</dd>
      </dl>
      <div className="reader" style={{ marginTop: '1rem' }}>
        {document.text || <span className="muted">This document has no text.</span>}
      </div>
      <LinksPanel caseId={caseId} record={{ type: 'document', id: document.id }} />
    </article>
  );
}

function NewTextDocument({ caseId, onDone, onCancel }: { caseId: string; onDone: (id: string) => void; onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const { run, busy, fieldErrors, formError } = useOperation();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const saved = await run(() => createTextDocument(db, caseId, { title, text, sourceUrl: sourceUrl.trim() || null }));
    if (saved) onDone(saved.id);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New document">
      <h2>New document</h2>
      <p className="muted small">Paste or type the text of a document.</p>
      <FormError message={formError} />
      <Field label="Title" error={fieldErrors.title}>
        {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
      </Field>
      <Field label="Source address (optional)" error={fieldErrors.sourceUrl}>
        {(control) => <input {...control} type="url" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} />}
      </Field>
      <Field label="Text" error={fieldErrors.text}>
        {(control) => <textarea {...control} value={text} onChange={(e) => setText(e.target.value)} rows={12} />}
      </Field>
      <div className="row end">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Add document
        </button>
      </div>
    </form>
  );
}
