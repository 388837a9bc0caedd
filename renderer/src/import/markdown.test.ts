import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { readFrontMatter } from './markdown';
import { parseFile } from './parse';

const parseMarkdownText = (source: string, name = 'notes.md') => parseFile({ name, bytes: new TextEncoder().encode(source) });

describe('Markdown', () => {
  it('renders report.md to HTML, takes its title from the first heading and its text without the syntax', async () => {
    const document = await parseFile({ name: 'report.md', bytes: readFixture('report.md') });
    expect(document).toMatchObject({ kind: 'markdown', title: 'Quarterly Review of Harbour Dues', charset: 'utf-8' });
    // Each element also says which lines of the text it holds (data-lines), for the reader's clean-up.
    expect(document.html).toContain('<h1 data-lines="0">Quarterly Review of Harbour Dues</h1>');
    expect(document.html).toContain('<strong>4.5 per cent</strong>');
    expect(document.html).toContain('<table>');
    expect(document.html).toContain('<a href="https://www.example.org/notices/pump">February</a>');
    expect(document.text).toContain("Prepared for the Saltmere Port Users' Group by the dues working party.");
    expect(document.text).toContain('• The paper ledger for 2019–2022 has not been found.');
    expect(document.text).toContain('Quarter\tFees (€)\tFuel (€)\nQ1\t182,400\t96,150');
    expect(document.text).toContain('1. Ask the bank for certified statements.');
    expect(document.text).toContain('The working party meets again on 2 May.');
    for (const syntax of ['**', '##', '](', '| ---', '`', '> The']) expect(document.text, syntax).not.toContain(syntax);
  });

  it('reads front matter for title, authors, date, address and language', async () => {
    const document = await parseMarkdownText(
      '---\ntitle: "Field notes: east quay"\nauthors:\n  - Ana Ruiz\n  - Tom Ashby\ndate: 2023-04-12\nsource: https://notes.example/quay\nlang: en_GB\ntags: [ledger, quay]\n---\n# Heading that is not the title\n\nText.\n',
    );
    expect(document).toMatchObject({
      title: 'Field notes: east quay',
      authors: ['Ana Ruiz', 'Tom Ashby'],
      publishedAt: '2023-04-12',
      publishedAtSource: { from: 'front-matter' },
      sourceUrl: 'https://notes.example/quay',
      language: 'en-GB',
      languageSource: 'declared',
      text: 'Heading that is not the title\n\nText.',
    });
  });

  it('uses a lower heading, then the first line, for the title', async () => {
    expect((await parseMarkdownText('Intro line.\n\n## Section\n')).title).toBe('Section');
    expect((await parseMarkdownText('Just a note about *the* ledger.\n')).title).toBe('Just a note about the ledger.');
  });

  it('leaves a document without front matter as it is', () => {
    expect(readFrontMatter('# Title\n---\nnot front matter')).toEqual({ values: new Map(), body: '# Title\n---\nnot front matter' });
  });
});
