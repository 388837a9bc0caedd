import { describe, expect, it } from 'vitest';
import type { DetachedSource } from '../../../shared/domain';
import { citationHtml, citationText, excerptCitation, quotedCitation, type CitedSource } from './citation';

const article: CitedSource = {
  title: 'Port raids follow Encrochat messages',
  authors: ['Ilse Maren', 'Tom Ruys', 'Ana Lee'],
  siteName: 'Harbour Herald',
  publishedAt: '2021-03',
  sourceUrl: 'https://example.org/raids',
  importedAt: '2024-05-09T10:00:00.000Z',
  ocr: null,
};
const at = (page: number | null) => ({ anchor: page ? { start: 0, end: 1, prefix: '', suffix: '', page } : null, detachedFrom: null });
const cite = (source: CitedSource, page: number | null = null) => citationText(excerptCitation(at(page), source)!);

describe('an excerpt’s citation', () => {
  it('names authors, title, site, date, page, address and date accessed, in that order', () => {
    expect(cite(article, 4)).toBe(
      'Ilse Maren, Tom Ruys and Ana Lee. Port raids follow Encrochat messages. Harbour Herald, March 2021, p. 4. ' +
        'https://example.org/raids Accessed 9 May 2024.',
    );
  });

  it('leaves out what the document does not say, without stray punctuation', () => {
    const bare: CitedSource = { ...article, authors: [], siteName: null, publishedAt: null, sourceUrl: null };
    expect(cite(bare)).toBe('Port raids follow Encrochat messages. Accessed 9 May 2024.');
    expect(cite({ ...bare, authors: ['Ilse Maren'], publishedAt: '2021-03-09' })).toBe(
      'Ilse Maren. Port raids follow Encrochat messages. 9 March 2021. Accessed 9 May 2024.',
    );
    expect(cite({ ...bare, authors: ['A. Smith', 'B. Jones'], title: 'Is it?' }, 2)).toBe('A. Smith and B. Jones. Is it? p. 2. Accessed 9 May 2024.');
    expect(cite({ ...bare, title: '  ' })).toBe('Untitled document. Accessed 9 May 2024.');
  });

  it('says when the text was recognised (OCR), since a word may be misread', () => {
    const scan: CitedSource = { ...article, authors: [], sourceUrl: null, ocr: { language: 'eng', confidence: 93.6, recognisedAt: '', engine: '' } };
    expect(cite(scan, 2)).toBe(
      'Port raids follow Encrochat messages. Harbour Herald, March 2021, p. 2. OCR, English, 94% confidence. Accessed 9 May 2024.',
    );
  });

  it('cites a detached quote from what was kept of its deleted document, with its hash and page', () => {
    const detachedFrom: DetachedSource = {
      title: 'Court opinion',
      sha256: 'ab12',
      fileName: 'opinion.pdf',
      authors: ['Judge Reyes'],
      siteName: null,
      publishedAt: '2021-03-03',
      sourceUrl: null,
      importedAt: '2024-01-02T00:00:00.000Z',
      page: 7,
    };
    expect(citationText(excerptCitation({ anchor: null, detachedFrom }, undefined)!)).toBe(
      'Judge Reyes. Court opinion. 3 March 2021, p. 7. Accessed 2 January 2024. Document no longer in the case (SHA-256 ab12).',
    );
  });

  it('has none for a quote with no source', () => {
    expect(excerptCitation({ anchor: null, detachedFrom: null }, undefined)).toBeNull();
    expect(quotedCitation('Words', null)).toEqual({ text: '“Words”', html: '<blockquote>Words</blockquote>' });
  });

  it('writes HTML with the title cited, web addresses linked and everything escaped', () => {
    const parts = excerptCitation(at(null), { ...article, title: 'A <b> & “c”', sourceUrl: 'javascript:alert(1)' })!;
    expect(citationHtml(parts)).toBe(
      'Ilse Maren, Tom Ruys and Ana Lee. <cite>A &lt;b&gt; &amp; “c”.</cite> Harbour Herald, March 2021. javascript:alert(1) Accessed 9 May 2024.',
    );
    expect(citationHtml(excerptCitation(at(null), article)!)).toContain('<a href="https://example.org/raids">https://example.org/raids</a>');
    expect(quotedCitation('x < y', parts).html).toMatch(/^<blockquote>x &lt; y<\/blockquote><p>Ilse Maren/);
  });
});
