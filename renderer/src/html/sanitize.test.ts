// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize';

describe('sanitizeHtml', () => {
  it('removes scripts, event handlers, frames and javascript: links', () => {
    const clean = sanitizeHtml(`
      <p onclick="steal()">Text<script>steal()</script></p>
      <img src="x" onerror="steal()">
      <iframe src="https://evil.example/"></iframe>
      <a href="javascript:steal()">link</a>
      <object data="x.swf"></object><embed src="x.swf">
      <form action="https://evil.example/"><input name="q"></form>`);
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
      <video poster="https://cdn.example/poster.jpg"></video>`);
    expect(clean).not.toMatch(/tracker\.example|cdn\.example|t\.example|url\(|@import/);
    expect(clean).toContain('[image: Harbour at night]');
    expect(clean).toContain('Styled');
    expect(clean).toContain('style="color: red"');
  });

  it('keeps embedded images and ordinary links, which open outside the app', () => {
    const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const clean = sanitizeHtml(`<img src="${pixel}" alt="map"><a href="https://example.org/report">report</a>`);
    expect(clean).toContain(`src="${pixel}"`);
    expect(clean).toContain('href="https://example.org/report"');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
  });

  it('keeps the structure of the article: headings, lists, tables, quotes', () => {
    const html = '<h2>Findings</h2><ul><li>One</li></ul><table><tbody><tr><td>Cell</td></tr></tbody></table><blockquote>Quote</blockquote>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('keeps the numbers of the text lines each element holds, and no other data attribute', () => {
    expect(sanitizeHtml('<p data-lines="3">One</p><p data-lines="4 5" data-track="x">Two<br>Three</p>')).toBe(
      '<p data-lines="3">One</p><p data-lines="4 5">Two<br>Three</p>',
    );
    expect(sanitizeHtml('<p data-lines="javascript:x()">One</p>')).toBe('<p>One</p>');
  });
});
