// @vitest-environment jsdom
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HtmlText } from './ReaderText';
import { ORIGINAL_PAGE_CSP, originalPageSrcdoc } from '../../../html/savedPage';
import { sanitizeHtml } from '../../../html/sanitize';

const HOSTILE = `<!doctype html><html><head>
<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">
<link rel="stylesheet" href="https://tracker.example/s.css"><link rel="dns-prefetch" href="//tracker.example">
<style>@import url("https://tracker.example/i.css"); body { background: url(https://tracker.example/bg.png) }</style>
<script>parent.postMessage('ran', '*')</script></head>
<body onload="steal()"><h1>Minutes</h1>
<p style="background-image: url('//tracker.example/p.png')">Overrun of forty per cent.</p>
<img src="https://tracker.example/p.gif" srcset="https://tracker.example/2x.gif 2x" alt="Chart">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="Embedded">
<a href="https://example.org/minutes" onclick="x()">the minutes</a> <a href="javascript:alert(1)">run</a>
<iframe src="https://evil.example/frame" srcdoc="<img src=https://tracker.example/n.gif>"></iframe>
<svg><image href="https://tracker.example/s.svg"/></svg><video poster="https://tracker.example/v.jpg"></video>
</body></html>`;

const REMOTE = /(?:https?:)?\/\/(?:tracker|evil)\.example/;

describe('originalPageSrcdoc', () => {
  const srcdoc = originalPageSrcdoc(HOSTILE);

  it('puts the content security policy first in the page, before anything that could load', () => {
    expect(srcdoc.startsWith(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${ORIGINAL_PAGE_CSP}">`)).toBe(true);
    expect(ORIGINAL_PAGE_CSP).toContain("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  });

  it('leaves no address the frame could fetch or navigate to, and no refresh or base', () => {
    const page = new DOMParser().parseFromString(srcdoc, 'text/html');
    for (const element of page.querySelectorAll('*'))
      for (const { name, value } of element.attributes)
        if (name !== 'title') expect(`${element.localName} ${name}=${value}`).not.toMatch(REMOTE);
    for (const style of page.querySelectorAll('style')) expect(style.textContent).not.toMatch(REMOTE);
    expect(page.querySelector('meta[http-equiv="refresh"], base, link')).toBeNull();
  });

  it('keeps the page’s text, embedded images and where its links pointed', () => {
    const page = new DOMParser().parseFromString(srcdoc, 'text/html');
    expect(page.querySelector('h1')?.textContent).toBe('Minutes');
    expect(page.querySelector('img[alt="Embedded"]')?.getAttribute('src')).toMatch(/^data:image\/png/);
    expect(page.querySelector('a')?.getAttribute('title')).toBe('https://example.org/minutes');
    expect(page.querySelector('a')?.hasAttribute('href')).toBe(false);
  });
});

describe('the reader profile of the sanitiser', () => {
  const clean = sanitizeHtml(new DOMParser().parseFromString(HOSTILE, 'text/html').body.innerHTML, 'reader');
  const page = new DOMParser().parseFromString(clean, 'text/html');

  it('keeps no script, handler, frame, style or remote reference', () => {
    expect(clean).not.toMatch(REMOTE);
    expect(clean).not.toMatch(/<script|onload|onclick|javascript:|<iframe|<style|style=|<svg|<video/i);
  });

  it('leaves landmarks and roles to the app, and puts the document’s headings under the reader’s title', () => {
    const landmarks = sanitizeHtml(
      '<main><nav role="navigation">Menu</nav><article aria-label="x"><h1>Title</h1><h2>Part</h2><h5>Note</h5><p role="dialog">Text</p></article></main>',
      'reader',
    );
    expect(landmarks).toBe('Menu<h3>Title</h3><h4>Part</h4><h6>Note</h6><p>Text</p>');
  });

  it('leaves out the elements whose lines were removed as site text, and keeps no line numbers', () => {
    const html =
      '<p data-lines="0">Share this article</p><p data-lines="2">The board met.</p>' +
      '<figure><figcaption data-lines="4 5"><span data-lines="4">The quay at dawn.</span><br><span data-lines="5">Photo: AP</span></figcaption></figure>' +
      '<ul><li data-lines="7">Whatsapp</li><li data-lines="8">Facebook</li></ul>';
    expect(sanitizeHtml(html, 'reader', { removedLines: new Set([0, 5, 7, 8]) })).toBe(
      '<p>The board met.</p><figure><figcaption><span>The quay at dawn.</span><br></figcaption></figure><ul></ul>',
    );
    expect(sanitizeHtml(html, 'reader')).not.toContain('data-lines');
    expect(sanitizeHtml('<p data-lines="0" onclick="x()">Kept</p>', 'reader', { removedLines: new Set([1]) })).toBe('<p>Kept</p>');
  });

  it('keeps followable links, marked so the page learns nothing of the app, and embedded images', () => {
    const link = page.querySelector('a[href]');
    expect(link?.getAttribute('href')).toBe('https://example.org/minutes');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(page.querySelectorAll('a[href]')).toHaveLength(1);
    expect(page.querySelector('img')?.getAttribute('alt')).toBe('Embedded');
    expect(page.body.textContent).toContain('[image: Chart]');
  });
});

describe('odd stored HTML', () => {
  // A backup or an older Casebook may hold any HTML: the reader once threw on a page made of frames.
  const ODD = {
    'a frameset page': '<html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><noframes>Minutes</noframes></frameset></html>',
    'a page with a head and no body': '<head><title>Only a head</title></head>',
    'html nested in html': '<html><html><body><html><p>Nested minutes</p></html></body></html></html>',
    // Past Chromium's parser's limit (512), which jsdom does not have: slow there, hence the test's longer time.
    'deeply nested elements': `${'<div>'.repeat(520)}<p>Deep minutes</p>${'</div>'.repeat(520)}`,
    'null bytes': '<p>Mi\u0000nutes<b\u0000>bold</b></p>\u0000',
    'nothing at all': '',
  };

  for (const [what, html] of Object.entries(ODD))
    it(`shows ${what} without throwing, in every profile, in the reader and in the saved-page view`, () => {
      for (const profile of ['import', 'reader', 'report', 'paste'] as const) expect(() => sanitizeHtml(html, profile)).not.toThrow();
      const shown = renderToString(createElement(HtmlText, { html, removedLines: new Set([0]) }));
      expect(shown).toMatch(/^<div class="reader-text html">/);
      expect(originalPageSrcdoc(html)).toMatch(/^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy"/);
    }, 60_000);

  it('keeps the text of nested and deeply nested pages, and of pages with null bytes', () => {
    expect(sanitizeHtml(ODD['html nested in html'], 'reader')).toBe('<p>Nested minutes</p>');
    expect(sanitizeHtml(ODD['deeply nested elements'], 'reader')).toContain('<p>Deep minutes</p>');
    // A null byte in text is dropped; one in a tag's name makes an element no one knows, whose text stays.
    expect(sanitizeHtml(ODD['null bytes'], 'reader')).toBe('<p>Minutesbold</p>');
  }, 60_000);
});
