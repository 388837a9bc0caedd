import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseDocument, Excerpt } from '../../../../shared/domain';
import { citationText, excerptCitation, pageOf, quotedCitation } from './citation';

/** Where "Go to source" opens the reader: at the excerpt's passage, on its page for a paged document. */
export function sourcePath(caseId: string, excerpt: Pick<Excerpt, 'id' | 'documentId' | 'anchor'>): string | null {
  if (!excerpt.documentId) return null;
  const page = excerpt.anchor?.page;
  return `/case/${caseId}/documents/${excerpt.documentId}?excerpt=${excerpt.id}${page ? `&page=${page}` : ''}`;
}

/** Puts the quote with its citation on the clipboard, as rich HTML and plain text (plain text alone where that is all). */
async function copyQuote(text: string, html: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return;
    } catch {
      // Some browsers refuse HTML on the clipboard: the plain text below still goes.
    }
  }
  await navigator.clipboard.writeText(text);
}

/** An excerpt's citation, with "Go to source" and "Copy citation". */
export function ExcerptCitation({ caseId, excerpt, document }: { caseId: string; excerpt: Excerpt; document: CaseDocument | undefined }) {
  const [copied, setCopied] = useState<{ text: string; failed: boolean } | null>(null);
  const parts = excerptCitation(excerpt, document);
  const source = document ? sourcePath(caseId, excerpt) : null;
  const copy = async () => {
    const { text, html } = quotedCitation(excerpt.quote, parts);
    try {
      await copyQuote(text, html);
      setCopied({ text: 'Copied the quote with its citation.', failed: false });
    } catch {
      setCopied({ text: 'Casebook could not reach the clipboard. Select the citation and copy it instead.', failed: true });
    }
  };
  return (
    <div className="excerpt-citation">
      <p className="small" aria-label="Citation">
        {parts ? citationText(parts) : <span className="muted">No source to cite.</span>}
      </p>
      <p className="row">
        {source && (
          <Link className="button" to={source} title={pageOf(excerpt) ? `Open the document at page ${pageOf(excerpt)}, at this passage` : 'Open the document at this passage'}>
            Go to source
          </Link>
        )}
        <button type="button" onClick={() => void copy()}>
          Copy citation
        </button>
        {copied && (
          <span className={copied.failed ? 'field-error' : 'muted small'} role={copied.failed ? 'alert' : 'status'}>
            {copied.text}
          </span>
        )}
      </p>
    </div>
  );
}
