// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { RichText, RichTextNode } from '../../../../shared/domain';
import { testEditor } from '../../editor/extensions/testing';
import { esc } from './html';
import { richTextHtml, type RichTextResolver } from './richText';

/** A resolver that says what it was asked, escaped as the report's own does. */
const resolver: RichTextResolver = {
  recordLink: ({ type, id, label, as }) => `<span class="resolved-link" data-id="${esc(id)}" data-as="${esc(as)}">${esc(`${type}: ${label}`)}</span>`,
  excerptQuote: ({ id, quote, citation }) => `<figure class="resolved-quote" data-id="${esc(id)}"><blockquote>${esc(quote)}</blockquote><figcaption>${esc(citation)}</figcaption></figure>`,
  image: ({ src, alt }) => `<figure class="resolved-image" data-src="${esc(src)}">${esc(alt)}</figure>`,
  // As a note prints its text: its own headings at h3, the text's level 2 at h4.
  headingLevel: (level) => Math.min(6, level + 2),
};

/** The HTML in a document of its own, to ask what a reader's browser would find in it. */
function printed(doc: RichText | RichTextNode | null, using: RichTextResolver = resolver): HTMLElement {
  const html = richTextHtml(doc as RichText, using);
  const body = document.implementation.createHTMLDocument('report').body;
  body.innerHTML = html;
  return body;
}

const text = (...content: RichTextNode[]): RichText => ({ type: 'doc', content });
const para = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const words = (value: string, marks?: RichTextNode['marks']): RichTextNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });

describe('stored rich text in the report', () => {
  it('prints every kind of node and mark the editor writes', () => {
    const editor = testEditor();
    editor.commands.setContent(
      '<h2>Crew</h2><h3>Officers</h3>' +
        '<p><strong>b</strong> <em>i</em> <u>u</u> <s>s</s> <mark>m</mark> <code>c</code> <a href="https://example.org/a?b=1&amp;c=2">web</a> <a href="mailto:desk@example.org">mail</a> line<br>next</p>' +
        '<ul><li><p>one</p></li></ul><ol start="3"><li><p>three</p></li></ol>' +
        '<ul data-type="taskList"><li data-type="taskItem" data-checked="true"><p>done</p></li><li data-type="taskItem" data-checked="false"><p>open</p></li></ul>' +
        '<blockquote><p>quoted</p></blockquote><pre><code class="language-sh">tail -f &lt;log&gt;</code></pre><hr>' +
        '<table><tr><th colspan="2"><p>Both</p></th></tr><tr><td><p>left</p></td><td><p>right</p></td></tr></table>',
    );
    const body = printed(editor.getJSON() as RichText);

    expect([...body.querySelectorAll('.text-heading')].map((heading) => `${heading.tagName} ${heading.textContent}`)).toEqual(['H4 Crew', 'H5 Officers']);
    const line = body.querySelector('p')!;
    expect(['strong', 'em', 'u', 's', 'mark', 'code'].map((tag) => line.querySelector(tag)?.textContent)).toEqual(['b', 'i', 'u', 's', 'm', 'c']);
    expect([...line.querySelectorAll('a')].map((link) => [link.getAttribute('href'), link.textContent])).toEqual([
      ['https://example.org/a?b=1&c=2', 'web'],
      ['mailto:desk@example.org', 'mail'],
    ]);
    // A link in a PDF opens no window: the editor's target and rel are left out.
    expect(line.querySelector('a')!.getAttributeNames()).toEqual(['href']);
    expect(line.querySelector('br')).not.toBeNull();
    expect(line.textContent).toContain('linenext');

    expect(body.querySelector('ul:not(.tasks) > li')!.textContent).toBe('one');
    expect(body.querySelector('ol')!.getAttribute('start')).toBe('3');
    expect(body.querySelector('ol > li')!.textContent).toBe('three');
    const tasks = [...body.querySelectorAll('ul.tasks > li.task')];
    expect(tasks.map((task) => [task.classList.contains('done'), task.querySelector('.box')!.textContent, task.textContent])).toEqual([
      [true, '☑', '☑Done: done'],
      [false, '☐', '☐To do: open'],
    ]);
    // A printed page has no form controls.
    expect(body.querySelector('input, label')).toBeNull();

    expect(body.querySelector('blockquote')!.textContent).toBe('quoted');
    expect(body.querySelector('pre > code')!.textContent).toBe('tail -f <log>');
    expect(body.querySelector('hr')).not.toBeNull();

    const table = body.querySelector('table.text-table')!;
    expect([...table.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => `${cell.tagName}${cell.getAttribute('colspan') ?? ''} ${cell.textContent}`))).toEqual([
      ['TH2 Both'],
      ['TD left', 'TD right'],
    ]);
    // No widths or styles from the stored text.
    expect(body.querySelector('[style], colgroup')).toBeNull();
  });

  it('prints a heading as a bold paragraph where the section has no level for it', () => {
    const body = printed(text({ type: 'heading', attrs: { level: 2 }, content: [words('Plain')] }), { ...resolver, headingLevel: () => null });
    expect(body.innerHTML).toBe('<p class="text-heading">Plain</p>');
  });

  it('hands mentions, quote blocks and images to the section, with their stored attributes', () => {
    const body = printed(
      text(
        para(words('Paid by '), { type: 'recordLink', attrs: { type: 'entity', id: 'e-1', label: 'Dario "D" Venn', as: 'mention' } }, words('.')),
        { type: 'excerptQuote', attrs: { id: 'x-1', quote: 'Paid <40,000>', citation: 'Ledger, p. 3' } },
        { type: 'image', attrs: { src: 'attachment:a-1', alt: 'The quay' } },
      ),
    );
    const link = body.querySelector('.resolved-link')!;
    expect([link.getAttribute('data-id'), link.getAttribute('data-as'), link.textContent]).toEqual(['e-1', 'mention', 'entity: Dario "D" Venn']);
    expect(body.querySelector('p')!.textContent).toBe('Paid by entity: Dario "D" Venn.');
    const quote = body.querySelector('.resolved-quote')!;
    expect([quote.getAttribute('data-id'), quote.querySelector('blockquote')!.textContent, quote.querySelector('figcaption')!.textContent]).toEqual(['x-1', 'Paid <40,000>', 'Ledger, p. 3']);
    expect(body.querySelector('.resolved-image')!.getAttribute('data-src')).toBe('attachment:a-1');
  });

  it('prints everything from the case as text: no link that runs, no markup, no style, no fetch', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const body = printed(
      text(
        para(
          words('run me', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
          words(' · '),
          words('spaced', [{ type: 'link', attrs: { href: '  JaVaScRiPt:alert(1)' } }]),
          words(' · '),
          words('quoted', [{ type: 'link', attrs: { href: `https://example.org/?q=${hostile}` } }]),
          words(' · '),
          words(hostile, [{ type: 'bold' }]),
        ),
        { type: 'codeBlock', attrs: { language: 'sh damaged" onclick="x' }, content: [words(hostile)] },
        { type: 'orderedList', attrs: { start: 2, type: hostile }, content: [{ type: 'listItem', content: [para(words('item'))] }] },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableCell', attrs: { colwidth: ['1px;background:url(https://example.org/x.png)'], align: 'left;background:url(x)' }, content: [para(words('cell'))] }],
            },
          ],
        },
      ),
    );
    expect(body.querySelectorAll('script, img, [onerror], [onclick], [style*="url"], colgroup')).toHaveLength(0);
    const links = [...body.querySelectorAll('a')];
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe(`https://example.org/?q=${hostile}`);
    expect(body.querySelector('p')!.textContent).toBe(`run me · spaced · quoted · ${hostile}`);
    expect(body.querySelector('strong')!.textContent).toBe(hostile);
    expect(body.querySelector('pre > code')!.getAttributeNames()).toEqual([]);
    expect(body.querySelector('pre')!.textContent).toBe(hostile);
    expect(body.querySelector('ol')!.getAttribute('type')).toBe(hostile);
  });

  it('never throws on a damaged text, and prints what it can of it', () => {
    const deep = (levels: number): RichTextNode => {
      let node: RichTextNode = para(words('at the bottom'));
      for (let index = 0; index < levels; index += 1) node = { type: 'blockquote', content: [node] };
      return node;
    };
    const damaged: unknown[] = [
      // An unknown node with contents, one with text of its own, an unknown mark.
      text({ type: 'mysteryNode', content: [para(words('Still legible'))] }, { type: 'sticker', text: 'Own text' } as RichTextNode, para(words('marked', [{ type: 'glitter' }]))),
      // Text nodes that are not text, attributes that are not attributes, content that is not a list.
      text(para({ type: 'text', text: 42 } as unknown as RichTextNode, words(''), words('kept')), { type: 'heading', attrs: 'two' as never, content: [words('Head')] }, { type: 'bulletList', content: 'x' as never }),
      { type: 'doc', content: [null, 'loose', 7, para(words('after junk'))] },
      text(deep(20_000)),
      { type: 'doc', content: [{ type: 'recordLink', attrs: { type: 'entity', id: 5, label: { html: '<b>' }, as: null } }] },
      'a string',
      { type: 'doc' },
      { type: 'doc', content: [{ type: 'image' }] },
    ];
    for (const doc of damaged) expect(() => richTextHtml(doc as RichText, resolver)).not.toThrow();

    const unknown = printed(damaged[0] as RichText);
    expect(unknown.textContent).toContain('Still legible');
    expect(unknown.textContent).toContain('Own text');
    expect(unknown.textContent).toContain('marked');
    const broken = printed(damaged[1] as RichText);
    expect(broken.textContent).toContain('kept');
    expect(broken.textContent).toContain('Head');
    expect(printed(damaged[2] as RichText).textContent).toContain('after junk');
    expect(printed(damaged[3] as RichText).querySelector('blockquote')).not.toBeNull();
    expect(printed(damaged[4] as RichText).textContent).toBe('entity: ');
  });

  it('prints nothing for no text', () => {
    expect(richTextHtml(null, resolver)).toBe('');
    expect(richTextHtml(undefined, resolver)).toBe('');
    expect(richTextHtml(text(), resolver)).toBe('');
  });
});
