import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from './dom';
import { domToText } from './dom-text';

const textOf = (html: string) => domToText(parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`).body);

describe('domToText', () => {
  it('makes paragraphs of blocks and keeps inline text together', () => {
    expect(textOf('<h1>Title</h1><p>One <em>two</em>\n   three.</p><div>Four<br>five</div>')).toBe('Title\n\nOne two three.\n\nFour\nfive');
  });

  it('writes lists and tables as lines', () => {
    expect(textOf('<p>Before</p><ul><li>First</li><li><p>Second</p><ul><li>Nested</li></ul></li></ul><ol start="3"><li>Third</li><li>Fourth</li></ol>')).toBe(
      'Before\n\n• First\n• Second\n• Nested\n\n3. Third\n4. Fourth',
    );
    expect(textOf('<table><tr><th>Exhibit</th><th>Date</th></tr><tr><td><p>EM/1</p></td><td><p>27 January</p><p>2023</p></td></tr></table>')).toBe(
      'Exhibit\tDate\nEM/1\t27 January 2023',
    );
  });

  it('reads the cells of a table that lays out a page as columns of their own, not as a row of data', () => {
    const columns = '<tr><td><p>Most read</p><p>Other story</p></td><td><p>First paragraph.</p><p>Second paragraph.</p></td></tr>';
    const expected = 'Most read\n\nOther story\n\nFirst paragraph.\n\nSecond paragraph.';
    // Saying so, holding another table, or a single row (a footer's links) makes a table the page's layout.
    expect(textOf(`<table role="presentation">${columns}<tr><td>Footer</td><td>Links</td></tr></table>`)).toBe(`${expected}\n\nFooter\n\nLinks`);
    expect(textOf(`<table>${columns}<tr><td><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></td></tr></table>`)).toBe(`${expected}\n\na\tb\nc\td`);
    expect(textOf(`<table>${columns}</table>`)).toBe(expected);
    // Cells left without their table, as Readability leaves the row it took an article from.
    expect(textOf(`<div>${columns.replace(/<\/?tr>/g, '')}</div>`)).toBe(expected);
    // A table with header cells holds data, one row a line, whatever its size.
    expect(textOf(`<table><tr><th>Exhibit</th></tr><tr><td><p>EM/1</p><p>EM/2</p></td></tr></table>`)).toBe('Exhibit\nEM/1 EM/2');
  });

  it('keeps preformatted text as it is, and tick boxes as characters', () => {
    expect(textOf('<pre>  a\n    b</pre>')).toBe('  a\n    b');
    expect(textOf('<p><input type="checkbox" checked> Yes <input type="checkbox"> No</p>')).toBe('☒ Yes ☐ No');
  });

  it('leaves out scripts, styles, embeds, hidden elements and whatever the caller skips', () => {
    const html = '<p>Kept</p><script>var x = 1;</script><style>p{}</style><iframe src="x"></iframe><p hidden>Hidden</p><nav>Menu</nav><noscript>No JS</noscript>';
    expect(textOf(html)).toBe('Kept\n\nMenu');
    expect(domToText(parseHtmlDocument(`<body>${html}</body>`).body, { skip: new Set(['NAV']) })).toBe('Kept');
  });
});
