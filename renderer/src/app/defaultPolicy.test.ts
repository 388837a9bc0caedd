// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isOwnScript, isPlainText } from './defaultPolicy';

describe('the default Trusted Types policy’s rules', () => {
  it('takes a script address only from the app’s own origin', () => {
    const page = 'app://casebook/index.html';
    expect(isOwnScript('assets/search.worker-1a2b.js', page)).toBe(true);
    expect(isOwnScript('app://casebook/ocr/worker.js', page)).toBe(true);
    expect(isOwnScript('https://cdn.example/worker.js', page)).toBe(false);
    expect(isOwnScript('./assets/pdf.worker.min.mjs', 'http://127.0.0.1:4183/')).toBe(true);
    expect(isOwnScript('//cdn.example/worker.js', 'http://127.0.0.1:4183/')).toBe(false);
    expect(isOwnScript('http://127.0.0.1:9999/worker.js', 'http://127.0.0.1:4183/')).toBe(false);
    expect(isOwnScript('blob:http://127.0.0.1:4183/0b5e', 'http://127.0.0.1:4183/')).toBe(false);
    expect(isOwnScript('data:text/javascript,postMessage(1)', page)).toBe(false);
    expect(isOwnScript('javascript:alert(1)', page)).toBe(false);
  });

  it('takes as HTML only what the parser makes text of', () => {
    expect(isPlainText('')).toBe(true);
    expect(isPlainText('March 2023')).toBe(true);
    expect(isPlainText('A &lt;B&gt; Ltd &amp; Co')).toBe(true);
    expect(isPlainText('<img src=x onerror=alert(1)>')).toBe(false);
    expect(isPlainText('text then <b>bold</b>')).toBe(false);
    // TipTap parses a string (its fallback for stored text it cannot read is "") wrapped in a body.
    expect(isPlainText('<body></body>')).toBe(true);
    expect(isPlainText('<body>plain</body>')).toBe(true);
    expect(isPlainText('<body><img src=x onerror=alert(1)></body>')).toBe(false);
  });
});
