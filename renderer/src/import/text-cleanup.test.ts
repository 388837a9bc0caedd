import { describe, expect, it } from 'vitest';
import { keptTextOf } from '../cleanup/keptText';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { parseFile } from './parse';
import type { ParsedDocument } from './types';

const page = (body: string, head = '<title>Harbour board meets over missing ledger | Saltmere Gazette</title>') =>
  parseFile({ name: 'page.html', bytes: new TextEncoder().encode(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`) });

const PARAGRAPHS = [
  'The harbour board met on Monday to discuss the missing ledger and the cost of the audit that followed it.',
  'Members agreed to ask the police to review the key register, and to publish the minutes of the meeting.',
  'The chair said the board would not comment further until the review was complete, expected in the spring.',
];

const removedOf = (document: ParsedDocument) => Object.fromEntries((document.cleanup?.removed ?? []).map((line) => [line.text, line.reason]));

describe('site text taken out of a saved page at import', () => {
  const article = `<article><h1>Harbour board meets over missing ledger</h1>
    <div class="td-post-sharing"><a>Share</a> <a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a></div>
    <div class="entry-content">
      <p>${PARAGRAPHS[0]}</p>
      <div class="td-a-rec"><span>- Advertisement -</span></div>
      <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><figcaption>The board room at the harbour office. Photo: Jan Kos / Gazette</figcaption></figure>
      <p>${PARAGRAPHS[1]}</p>
      <p>Whatsapp Facebook Pinterest</p>
      <p>${PARAGRAPHS[2]}</p>
      <div class="tags"><span>Tags:</span> <a>Saltmere</a> <a>Audit</a></div>
      <div class="author-box"><p><strong>About the author</strong></p><p>Tom Ashby covers local government for the Gazette.</p></div>
    </div></article>`;

  it('keeps the article, and says which lines it took out and why', async () => {
    const document = await page(article);
    expect(removedOf(document)).toEqual({
      '- Advertisement -': 'Advertisement label',
      'Photo: Jan Kos / Gazette': 'Picture credit',
      'Whatsapp Facebook Pinterest': 'Share buttons in a row',
      'Tags: Saltmere Audit': 'Tags',
      'About the author': 'Author box',
      'Tom Ashby covers local government for the Gazette.': 'Author box',
    });
    expect(document.text).toBe([PARAGRAPHS[0], 'The board room at the harbour office.', PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n'));
  });

  it('keeps the text as extracted, which gives the stored text back without the removed lines', async () => {
    const { cleanup, text } = await page(article);
    const lines = cleanup!.originalText.split('\n');
    for (const line of cleanup!.removed) expect(lines[line.index]).toBe(line.text);
    expect(keptTextOf(cleanup!.originalText, new Set(cleanup!.removed.map((line) => line.index)))).toBe(text);
  });

  it('numbers in the HTML the lines each element holds, the credit split off its caption into its own', async () => {
    const { cleanup, html } = await page(article);
    const indexOf = (text: string) => cleanup!.originalText.split('\n').indexOf(text);
    expect(html).toContain(`<p data-lines="${indexOf(PARAGRAPHS[0]!)}">${PARAGRAPHS[0]}</p>`);
    const caption = indexOf('The board room at the harbour office.');
    const credit = indexOf('Photo: Jan Kos / Gazette');
    // The caption holds both lines: it hides only when both are removed; its own words and the credit each hide alone.
    expect(html).toContain(
      `<figcaption data-lines="${caption} ${credit}"><span data-lines="${caption}">The board room at the harbour office.</span><span data-lines="${credit}">Photo: Jan Kos / Gazette</span></figcaption>`,
    );
    expect(html).not.toMatch(/class=|data-casebook/);
  });

  it('keeps a subheading made of the headline’s words, and the standfirst and lead picture of the header', async () => {
    const document = await page(`<article>
      <div class="post-header"><h1>Harbour board meets over missing ledger</h1>
        <p class="standfirst">Members want the police to look at who held the keys to the cabinet.</p>
        <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><figcaption>The harbour office in Saltmere.</figcaption></figure></div>
      <div class="post-body"><p>${PARAGRAPHS[0]}</p><h2>Missing ledger</h2><p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p></div></article>`);
    expect(document.text.split('\n\n')).toEqual([
      'Members want the police to look at who held the keys to the cabinet.',
      'The harbour office in Saltmere.',
      PARAGRAPHS[0],
      'Missing ledger',
      PARAGRAPHS[1],
      PARAGRAPHS[2],
    ]);
  });

  it('can be switched off: the page is read as before, with no line taken out and no line numbers', async () => {
    const bytes = new TextEncoder().encode(`<!doctype html><html><head><title>Board</title></head><body>${article}</body></html>`);
    const document = await parseFile({ name: 'page.html', bytes }, { cleanUp: false });
    expect(document.cleanup).toBeNull();
    expect(document.text).toContain('- Advertisement -');
    expect(document.html).not.toContain('data-lines');
  });
});

describe('site text taken out of a page laid out in a table, as sites of the 2000s were', () => {
  // Menu, sidebar and article are cells of one table; every paragraph sits in a <font>, between <br><br>.
  const legacy = `<table width="760" border="0"><tr><td colspan="2"><font size="1"><a href="/">Home</a> | <a href="#">Courts</a> | <a href="#">Harbour</a></font></td></tr>
    <tr><td width="160" valign="top"><font size="1"><b>Most read</b><br><a href="#">Dock workers vote to strike</a><br><a href="#">Ferry timetable changes</a><br></font></td>
    <td valign="top"><font size="4"><b>Harbour board meets over missing ledger</b></font><br><font size="2">By Tom Ashby, 2009-03-02</font><br><br>
    <font size="2">${PARAGRAPHS.join('<br><br>\n')}</font><br><br>
    <font size="1"><a href="#">Print this story</a> | <a href="#">Email this story</a> | <a href="#">Comments (3)</a></font><br><br>
    <font size="1"><b>Related Links:</b><br>· <a href="#">Dock workers vote to strike</a><br>· <a href="#">Audit of the harbour accounts</a><br></font><br>
    <font size="1">Copyright 2009 Saltmere Gazette. All rights reserved.</font></td></tr></table>`;

  it('keeps each paragraph of the article cell its own, apart from the byline and the links under it', async () => {
    const document = await page(legacy);
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(removedOf(document)).toMatchObject({
      'Harbour board meets over missing ledger': 'The headline, kept as the title',
      'By Tom Ashby, 2009-03-02': 'Byline',
      'Print this story | Email this story | Comments (3)': 'Buttons or menu items in a row',
      'Related Links:': 'Heading of a list of other articles',
      '· Audit of the harbour accounts': 'In the “Related Links” list',
      'Copyright 2009 Saltmere Gazette. All rights reserved.': 'Copyright notice',
    });
  });
});

describe('site text taken out of documents someone wrote', () => {
  it('takes only what cannot be the author’s out of Markdown: buttons and labels, not short headings', async () => {
    const source = ['# Port visit', '', 'Share this article', '', 'Advertisement', '', '## Contact', '', 'Harbour office, Quay Street.', '', '- Facebook', '- Twitter', '- LinkedIn'].join('\n');
    const document = await parseFile({ name: 'visit.md', bytes: new TextEncoder().encode(source) });
    expect(removedOf(document)).toEqual({ 'Share this article': 'Share button', Advertisement: 'Advertisement label' });
    expect(document.text).toBe('Port visit\n\nContact\n\nHarbour office, Quay Street.\n\n• Facebook\n• Twitter\n• LinkedIn');
  });

  it('leaves a Word document with nothing of a web site as it is', async () => {
    const document = await parseFile({ name: 'court-filing.docx', bytes: readFixture('court-filing.docx') });
    expect(document.cleanup).toBeNull();
    expect(document.html).toContain('data-lines="0"');
  });
});
