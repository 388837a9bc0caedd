import { describe, expect, it } from 'vitest';
import { encodeUtf16 } from '../../../tests/fixtures/legacy-encoding';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { parseFile } from './parse';
import { looksLikeMarkdown } from './text';

describe('plain text', () => {
  it('reads Polish text saved in windows-1250, with its characters, charset and language', async () => {
    const document = await parseFile({ name: 'article-pl-windows1250.txt', bytes: readFixture('article-pl-windows1250.txt') });
    expect(document).toMatchObject({ kind: 'text', charset: 'windows-1250', language: 'pl', languageSource: 'detected', html: null, pages: null, textLayer: true });
    expect(document.title).toBe('Rada Miejska zbada źródła finansowania przystani');
    expect(document.text).toContain('Łódź, 3 października 2022 r.');
    expect(document.text).toContain('„Nie możemy udawać, że nic się nie stało” – powiedziała przewodnicząca komisji, Zofia Wiśniewska.');
    expect(document.text).toContain('Żaden z członków zarządu');
    // Its CRLF line endings come out as "\n", paragraphs still separated by a blank line.
    expect(document.text).not.toContain('\r');
    expect(document.text.split('\n\n')).toHaveLength(5);
  });

  it('dates a text by its dateline', async () => {
    const document = await parseFile({ name: 'article-pl-windows1250.txt', bytes: readFixture('article-pl-windows1250.txt') });
    expect(document).toMatchObject({ publishedAt: '2022-10-03', publishedAtSource: { from: 'text', quote: 'Łódź, 3 października 2022 r.' } });
  });

  it.each(['notes-utf16le.txt', 'notes-utf16be.txt'])('reads %s', async (name) => {
    const document = await parseFile({ name, bytes: readFixture(name) });
    expect(document.charset).toBe(name.includes('le') ? 'utf-16le' : 'utf-16be');
    expect(document.title).toBe('Interview notes — harbour master');
    expect(document.text).toContain('He said the ledger was “always on the second shelf”');
    expect(document.text).toContain('Zoë Tremayne');
    expect(document.text.startsWith('\ufeff')).toBe(false);
  });

  it('reads UTF-16 without a byte order mark', async () => {
    const document = await parseFile({ name: 'notes.txt', bytes: encodeUtf16('Key register\r\nNo entries after 17:40.', 'le', false) });
    expect(document).toMatchObject({ charset: 'utf-16le', title: 'Key register', text: 'Key register\nNo entries after 17:40.' });
  });

  it('guesses no title from a first line too long to be one', async () => {
    const long = `${'A very long opening sentence that runs on '.repeat(5)}and on.\n\nSecond paragraph.`;
    const document = await parseFile({ name: 'untitled_notes.txt', bytes: new TextEncoder().encode(long) });
    expect(document.title).toBe('untitled notes');
  });
});

describe('a text file written in Markdown', () => {
  it('is read as Markdown: title, date, author and address from its front matter, shown formatted', async () => {
    const document = await parseFile({ name: 'site-visit-notes.txt', bytes: readFixture('site-visit-notes.txt') });
    expect(document).toMatchObject({
      kind: 'markdown',
      title: 'Site visit to the east quay',
      authors: ['Ana Ruiz'],
      publishedAt: '2023-04-18',
      publishedAtSource: { from: 'front-matter' },
      sourceUrl: 'https://notes.example/quay/site-visit',
      language: 'en',
      charset: 'utf-8',
      warnings: [],
    });
    expect(document.html).toContain('<a href="https://notes.example/quay/locks">February</a>');
    expect(document.html).toContain('<strong>key cabinet</strong>');
    expect(document.text).toContain('• The old lock was replaced in February, according to the invoice.');
    for (const syntax of ['](', '**', '---', 'title:']) expect(document.text, syntax).not.toContain(syntax);
  });

  it('is told from plain text by its front matter or by enough of Markdown’s syntax', () => {
    expect(looksLikeMarkdown('---\ntitle: Notes\n---\nJust text.')).toBe(true);
    expect(looksLikeMarkdown('---\ndate: 2023-04-18\nauthor: Ana\n---\n')).toBe(true);
    expect(looksLikeMarkdown('# Notes\n\n- first\n- second\n')).toBe(true);
    expect(looksLikeMarkdown('See [the notice](https://port.example/n) and [the map](https://port.example/m).')).toBe(true);
    expect(looksLikeMarkdown('| a | b |\n| --- | --- |\n| 1 | 2 |')).toBe(true);
    expect(looksLikeMarkdown('```\ncode\n```')).toBe(true);
  });

  it('is not imagined in plain notes, a copied page or a lone hashtag', () => {
    expect(looksLikeMarkdown('Interview notes\n\n- ask for the key register\n- check the rota\n')).toBe(false);
    expect(looksLikeMarkdown('#ledger #port are trending.\nNewsletter\nShare this article\n')).toBe(false);
    expect(looksLikeMarkdown('---\nA line of dashes above, and a signature below\n---\n')).toBe(false);
    expect(looksLikeMarkdown('Read more at https://port.example/notice [1].')).toBe(false);
  });

  it('keeps its plain-text reading when it is not Markdown', async () => {
    const document = await parseFile({ name: 'todo.txt', bytes: new TextEncoder().encode('To do\n\n- ask for the key register\n- check the rota') });
    expect(document).toMatchObject({ kind: 'text', html: null, warnings: [] });
  });
});
