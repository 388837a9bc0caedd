import { DOCUMENT_KIND_LABELS, type CaseDocument } from '../../../../../shared/domain';
import { draftKey } from '../../../components/drafts';
import { DraftNotice, Field, FormError } from '../../../components/Field';
import { useDraft } from '../../../components/useDraft';
import { useOperation } from '../../../components/useOperation';
import { operations } from '../../../app/casebook';
import { RichTextEditor } from '../../../editor/RichTextEditor';
import { RichTextView } from '../../../editor/RichTextView';
import { formatPartialDate, precisionOf } from '../../../../../shared/partialDate';
import { formatBytes, formatDateTime } from '../../../format';
import { openExternalLink } from '../../../app/externalLinks';
import { useRememberedFlag } from '../../../components/useRemembered';


/** "2021-03" read as "March 2021": as precise as the date is known. */
function formatPublished(value: string): string {
  const precision = precisionOf(value);
  return precision ? formatPartialDate({ value, precision }) : value;
}

/** Where the import found the published date, in the reader's words; null when it is not known (or was typed). */
function dateSourceText(document: Pick<CaseDocument, 'kind' | 'publishedAtSource'>): string | null {
  const source = document.publishedAtSource;
  if (!source) return null;
  const file = document.kind === 'pdf' ? 'PDF’s' : document.kind === 'docx' ? 'Word file’s' : document.kind === 'html' ? 'page’s' : 'file’s';
  switch (source.from) {
    case 'text':
      return `from the text: “${source.quote}”`;
    case 'front-matter':
      return 'from its front matter';
    case 'created':
      return `from the ${file} creation date`;
    case 'metadata':
      return `from the ${file} ${document.kind === 'html' ? 'metadata' : 'properties'}`;
  }
}

/** A detail's value with a note on where it came from, set apart from the value itself. */
function withSource(value: string, source: string | null): React.ReactNode {
  return source ? (
    <>
      {value} <span className="muted detail-source">· {source}</span>
    </>
  ) : (
    value
  );
}

const pageCount = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'page' : 'pages'}`;

/** The host of a source address, "example.org", or the address itself when it cannot be read. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

/** The details that tell documents apart, on one line: "Web page · Ilse Maren · March 2021 · example.org". */
export function detailsSummary(document: CaseDocument): string {
  const parts = [DOCUMENT_KIND_LABELS[document.kind] + (document.pageCount ? `, ${pageCount(document.pageCount)}` : '')];
  if (document.authors.length) parts.push(document.authors.length > 2 ? `${document.authors[0]} and others` : document.authors.join(', '));
  if (document.publishedAt) parts.push(formatPublished(document.publishedAt));
  if (document.siteName) parts.push(document.siteName);
  else if (document.sourceUrl) parts.push(hostOf(document.sourceUrl));
  return parts.join(' · ');
}

/** What is known about a document, shown above its text: one line, opened to every detail (remembered). */
export function DocumentDetails({ document }: { document: CaseDocument }) {
  const [open, setOpen] = useRememberedFlag('reader.detailsOpen', false);
  const rows: [string, React.ReactNode][] = [
    ['Type', DOCUMENT_KIND_LABELS[document.kind] + (document.pageCount ? ` · ${pageCount(document.pageCount)}` : '')],
  ];
  if (document.authors.length) rows.push([document.authors.length > 1 ? 'Authors' : 'Author', document.authors.join('; ')]);
  if (document.publishedAt) rows.push(['Published', withSource(formatPublished(document.publishedAt), dateSourceText(document))]);
  if (document.siteName) rows.push(['Site', document.siteName]);
  if (document.sourceUrl)
    rows.push([
      'Source',
      <a
        href={document.sourceUrl}
        rel="noopener noreferrer"
        className="source-link"
        title="Opens in your web browser"
        onClick={(event) => {
          event.preventDefault();
          void openExternalLink(document.sourceUrl!);
        }}
        onAuxClick={(event) => {
          // A middle click too asks first rather than opening a tab.
          if (event.button !== 1) return;
          event.preventDefault();
          void openExternalLink(document.sourceUrl!);
        }}
      >
        {document.sourceUrl}
      </a>,
    ]);
  if (document.language)
    rows.push(['Language', withSource(document.language, document.languageSource === 'detected' ? 'detected from the text' : null)]);
  if (document.tags.length)
    rows.push([
      'Tags',
      <span className="row">
        {document.tags.map((tag) => (
          <span className="tag" key={tag}>
            {tag}
          </span>
        ))}
      </span>,
    ]);
  rows.push(['Added', formatDateTime(document.importedAt)]);
  if (document.fileName) rows.push(['File', document.fileName]);
  rows.push(['Size', formatBytes(document.size)]);
  rows.push(['SHA-256', <span className="digest">{document.sha256}</span>]);

  return (
    <div className="document-details">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="small">
          <span className="visually-hidden">About this document: </span>
          {detailsSummary(document)}
        </summary>
        <dl className="meta small" aria-label="About this document">
          {rows.map(([label, value]) => (
            <div className="meta-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      {document.summary && (
        <section className="document-summary" aria-label="Summary">
          <h3>Summary</h3>
          <RichTextView value={document.summary} />
        </section>
      )}
    </div>
  );
}

const splitList = (value: string) => value.split(';');

/** The form that edits a document's details through `updateDocumentMetadata`. */
export function DocumentDetailsForm({ document, onDone }: { document: CaseDocument; onDone: () => void }) {
  const draft = useDraft(
    draftKey('document', document.id),
    {
      title: document.title,
      authors: document.authors.join('; '),
      sourceUrl: document.sourceUrl ?? '',
      publishedAt: document.publishedAt ?? '',
      language: document.language ?? '',
      tags: document.tags.join('; '),
      summary: document.summary,
    },
    `the details of “${document.title}”`,
  );
  const { title, authors, sourceUrl, publishedAt, language, tags, summary } = draft.values;
  const {
    title: setTitle,
    authors: setAuthors,
    sourceUrl: setSourceUrl,
    publishedAt: setPublishedAt,
    language: setLanguage,
    tags: setTags,
    summary: setSummary,
  } = draft.set;
  const { run, busy, fieldErrors, formError } = useOperation();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const saved = await draft.save(run(() =>
      operations.updateDocumentMetadata(document.id, {
        title,
        authors: splitList(authors),
        sourceUrl,
        publishedAt,
        language,
        tags: splitList(tags),
        summary,
      }),
    ));
    if (saved) onDone();
  };

  const cancel = () => {
    draft.clear();
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Document details" className="details-form">
      <FormError message={formError} />
      <DraftNotice draft={draft} />
      <Field label="Title" error={fieldErrors.title}>
        {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
      </Field>
      <Field label="Authors" error={fieldErrors.authors} hint="Separated by semicolons">
        {(control) => <input {...control} value={authors} onChange={(e) => setAuthors(e.target.value)} />}
      </Field>
      <Field label="Source address" error={fieldErrors.sourceUrl} hint="The web address the document comes from">
        {(control) => (
          <input {...control} type="url" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} />
        )}
      </Field>
      <div className="row fields">
        <Field label="Published" error={fieldErrors.publishedAt} hint="YYYY, YYYY-MM or YYYY-MM-DD">
          {(control) => (
            <input {...control} value={publishedAt} inputMode="numeric" onChange={(e) => setPublishedAt(e.target.value)} />
          )}
        </Field>
        <Field label="Language" error={fieldErrors.language} hint="A code such as en, pl or pt-BR">
          {(control) => <input {...control} value={language} onChange={(e) => setLanguage(e.target.value)} />}
        </Field>
      </div>
      <Field label="Tags" error={fieldErrors.tags} hint="Separated by semicolons">
        {(control) => <input {...control} value={tags} onChange={(e) => setTags(e.target.value)} />}
      </Field>
      <div className="field">
        <span className="label">Summary</span>
        <RichTextEditor key={draft.revision} label="Document summary" value={summary} onChange={setSummary} />
        {fieldErrors.summary && (
          <span className="field-error" role="alert">
            {fieldErrors.summary}
          </span>
        )}
      </div>
      <div className="row end">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save details
        </button>
      </div>
    </form>
  );
}
