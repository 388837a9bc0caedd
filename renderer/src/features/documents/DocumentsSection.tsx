import { useLiveQuery } from 'dexie-react-hooks';
import { draftKey } from '../../components/drafts';
import { DraftNotice, Field, FormError, FormActions } from '../../components/Field';
import { useDraft } from '../../components/useDraft';
import { useOperation } from '../../components/useOperation';
import { operations, queries } from '../../app/casebook';
import { fold } from '../../search/fold';
import { formatBytes } from '../../format';
import { RecordSection } from '../shared/RecordSection';
import { ImportControls, ImportStatus } from './import/ImportPanel';
import { useCaseImport } from './import/ImportContext';
import { DocumentReader } from './reader';

export function DocumentsSection({ caseId }: { caseId: string }) {
  const importer = useCaseImport();
  // Lists read only metadata: extracted text is long, so rows drop it before they reach the view.
  const documents = useLiveQuery(
    () =>
      queries.documentRows(caseId),
    [caseId],
  );
  return (
    <RecordSection
      caseId={caseId}
      path="documents"
      title="Documents"
      items={documents}
      newLabel="New document"
      actions={<ImportControls importer={importer} />}
      status={<ImportStatus importer={importer} caseId={caseId} />}
      emptyMessage="No documents yet. Import saved web pages, PDFs, Word files and text, or drop them anywhere on the case."
      filterLabel="Filter documents by title"
      matches={(document, key) => fold(document.title).includes(key)}
      rowTitle={(document) => document.title}
      rowMeta={(document) => `${document.kind} · ${formatBytes(document.size)}`}
      renderNew={(onCreated, onCancel) => <NewTextDocument caseId={caseId} onDone={onCreated} onCancel={onCancel} />}
      renderDetail={(id) => <DocumentReader key={id} caseId={caseId} documentId={id} />}
    />
  );
}

function NewTextDocument({ caseId, onDone, onCancel }: { caseId: string; onDone: (id: string) => void; onCancel: () => void }) {
  const draft = useDraft(draftKey('textDocument', null, caseId), { title: '', text: '', sourceUrl: '' }, 'the new document');
  const { title, text, sourceUrl } = draft.values;
  const { title: setTitle, text: setText, sourceUrl: setSourceUrl } = draft.set;
  const { run, busy, fieldErrors, formError } = useOperation();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const saved = await draft.save(run(() => operations.createTextDocument(caseId, { title, text, sourceUrl: sourceUrl.trim() || null })));
    if (saved) onDone(saved.id);
  };
  const cancel = () => {
    draft.clear();
    onCancel();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New document">
      <h2>New document</h2>
      <p className="muted small">Paste or type the text of a document.</p>
      <FormError message={formError} />
      <DraftNotice draft={draft} />
      <Field label="Title" error={fieldErrors.title}>
        {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
      </Field>
      <Field label="Source address (optional)" error={fieldErrors.sourceUrl}>
        {(control) => <input {...control} type="url" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} />}
      </Field>
      <Field label="Text" error={fieldErrors.text}>
        {(control) => <textarea {...control} value={text} onChange={(e) => setText(e.target.value)} rows={12} />}
      </Field>
      <FormActions submitLabel="Add document" busy={busy} onCancel={cancel} />
    </form>
  );
}
