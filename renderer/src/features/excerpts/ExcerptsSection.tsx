import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Excerpt } from '../../../../shared/domain';
import { draftKey, hasDraft } from '../../components/drafts';
import { DraftNotice, Field, FormError, FormActions } from '../../components/Field';
import { useDraft } from '../../components/useDraft';
import { useOperation } from '../../components/useOperation';
import { operations, queries } from '../../app/casebook';
import { RichTextField } from '../../editor/RichTextField';
import { RichTextView } from '../../editor/RichTextView';
import { LinksPanel } from '../links/LinksPanel';
import { DeleteRecordButton } from '../shared/DeleteRecordButton';
import { ExcerptCitation } from './ExcerptCitation';
import { ExcerptsView } from './ExcerptsView';
import { describeOcr } from '../../ocr/languages';
import { ExcerptTags, TagPicker } from '../codebook';
import { NewEventFromExcerptLink } from '../timeline/NewEventFromExcerptLink';
import { DetachedCitation, OrphanedNotice, reattachPath } from './ExcerptIntegrity';

export function ExcerptsSection({ caseId }: { caseId: string }) {
  return (
    <ExcerptsView
      caseId={caseId}
      renderNew={(onCreated, onCancel) => <ExcerptForm caseId={caseId} onDone={(e) => onCreated(e.id)} onCancel={onCancel} />}
      renderDetail={(id) => <ExcerptDetail key={id} caseId={caseId} excerptId={id} />}
    />
  );
}

function ExcerptDetail({ caseId, excerptId }: { caseId: string; excerptId: string }) {
  const data = useLiveQuery(() => queries.excerptWithSource(excerptId), [excerptId]);
  // An edit left unsaved (the page reloaded, another record opened) reopens the form, which offers it back.
  const [editing, setEditing] = useState(() => hasDraft(draftKey('excerpt', excerptId)));
  const navigate = useNavigate();
  if (data === undefined) return null;
  if (data === null) return <p className="muted">This excerpt no longer exists.</p>;
  const { excerpt, document } = data;
  if (editing)
    return <ExcerptForm caseId={caseId} existing={excerpt} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />;
  return (
    <article aria-label="Excerpt">
      <div className="section-header">
        <h2>Excerpt</h2>
        <span className="spacer" />
        <NewEventFromExcerptLink caseId={caseId} excerptId={excerpt.id} />
        <button type="button" onClick={() => setEditing(true)}>
          Edit
        </button>
        <DeleteRecordButton target={{ type: 'excerpt', id: excerpt.id }} onDeleted={() => navigate(`/case/${caseId}/excerpts`)} />
      </div>
      <blockquote>{excerpt.quote}</blockquote>
      <OrphanedNotice caseId={caseId} excerpt={excerpt} />
      <ExcerptCitation caseId={caseId} excerpt={excerpt} document={document} />
      <p className="small">
        {document ? (
          <>
            From <Link to={`/case/${caseId}/documents/${document.id}`}>{document.title}</Link>
            {excerpt.anchor?.page && <>, page {excerpt.anchor.page}</>}
            {/* Recognised text may misread a word: the citation says so, as a source's transcription would. */}
            {document.ocr && <span className="muted"> ({describeOcr(document.ocr)})</span>}
          </>
        ) : excerpt.detachedFrom ? (
          <DetachedCitation source={excerpt.detachedFrom} />
        ) : (
          <span className="muted">No source document.</span>
        )}
      </p>
      <ExcerptTags caseId={caseId} tagIds={excerpt.tags} />
      <RichTextView value={excerpt.comment} empty="No comment." />
      <LinksPanel caseId={caseId} record={{ type: 'excerpt', id: excerpt.id }} />
    </article>
  );
}

interface ExcerptFormProps {
  caseId: string;
  existing?: Excerpt;
  onDone: (excerpt: Excerpt) => void;
  onCancel: () => void;
}

function ExcerptForm({ caseId, existing, onDone, onCancel }: ExcerptFormProps) {
  const draft = useDraft(
    draftKey('excerpt', existing?.id, caseId),
    {
      quote: existing?.quote ?? '',
      documentId: existing?.documentId ?? '',
      tags: existing?.tags ?? [],
      comment: existing?.comment ?? null,
    },
    existing ? 'the excerpt' : 'the new excerpt',
  );
  const { quote, documentId, tags, comment } = draft.values;
  const { quote: setQuote, documentId: setDocumentId, tags: setTags, comment: setComment } = draft.set;
  const documents = useLiveQuery(() => queries.documentChoices(caseId), [caseId]);
  const { run, busy, fieldErrors, formError } = useOperation();
  const quoteFixed = Boolean(existing?.documentId || existing?.detachedFrom);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = {
      quote: quoteFixed ? existing!.quote : quote,
      documentId: documentId || null,
      anchor: documentId && documentId === existing?.documentId ? existing.anchor : null,
      tags: Array.isArray(tags) ? tags : [],
      comment,
    };
    const saved = await draft.save(run(() => (existing ? operations.updateExcerpt(existing.id, input) : operations.createExcerpt(caseId, input))));
    if (saved) onDone(saved);
  };

  const cancel = () => {
    draft.clear();
    onCancel();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? 'Edit excerpt' : 'New excerpt'}>
      <h2>{existing ? 'Edit excerpt' : 'New excerpt'}</h2>
      <FormError message={formError} />
      <DraftNotice draft={draft} />
      {quoteFixed ? (
        // The quote is the document's own words (a deleted one's too): changing it means selecting the passage again.
        <Field label="Quote" error={fieldErrors.quote} hint="The document’s own words: select the passage again to change it.">
          {(control) => <textarea {...control} value={existing?.quote} readOnly />}
        </Field>
      ) : (
        <Field
          label="Quote"
          error={fieldErrors.quote}
          hint={documentId ? 'Word for word as the document says it; a paraphrase belongs in the comment.' : undefined}
        >
          {(control) => <textarea {...control} value={quote} onChange={(e) => setQuote(e.target.value)} autoFocus />}
        </Field>
      )}
      {existing?.documentId && (
        <p className="small">
          <Link to={reattachPath(caseId, existing)}>Select the passage again</Link>
        </p>
      )}
      <Field label="Source document" error={fieldErrors.documentId}>
        {(control) => (
          <select {...control} value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
            <option value="">None</option>
            {(documents ?? []).map((document) => (
              <option key={document.id} value={document.id}>
                {document.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {/* A draft kept before tags were chosen from the codebook held them as typed text: it starts with none. */}
      <TagPicker caseId={caseId} value={Array.isArray(tags) ? tags : []} onChange={setTags} error={fieldErrors.tags} />
      <RichTextField key={draft.revision} label="Comment" editorLabel="Excerpt comment" value={comment} onChange={setComment} />
      <FormActions submitLabel={existing ? 'Save' : 'Add excerpt'} busy={busy} onCancel={cancel} />
    </form>
  );
}
