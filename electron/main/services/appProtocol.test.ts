import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveAppFile, responseHeadersFor } from './appProtocol';

const root = '/opt/casebook/out/renderer';

describe('resolveAppFile', () => {
  it('serves index.html for the bare origin', () => {
    expect(resolveAppFile('app://casebook/', root, path.posix)).toBe(`${root}/index.html`);
    expect(resolveAppFile('app://casebook', root, path.posix)).toBe(`${root}/index.html`);
  });

  it('maps a path to the file under the root, ignoring query and hash', () => {
    expect(resolveAppFile('app://casebook/assets/index-abc.js?v=1#x', root, path.posix)).toBe(
      `${root}/assets/index-abc.js`,
    );
    expect(resolveAppFile('app://casebook/fonts/Source%20Serif.woff2', root, path.posix)).toBe(
      `${root}/fonts/Source Serif.woff2`,
    );
  });

  it('keeps plain ../ and %2e%2e inside the root (the URL parser folds them away)', () => {
    expect(resolveAppFile('app://casebook/../../etc/passwd', root, path.posix)).toBe(`${root}/etc/passwd`);
    expect(resolveAppFile('app://casebook/%2e%2e/%2E%2E/etc/passwd', root, path.posix)).toBe(`${root}/etc/passwd`);
  });

  it('refuses parent segments hidden behind encoded separators', () => {
    expect(resolveAppFile('app://casebook/..%2f..%2fetc%2fpasswd', root, path.posix)).toBeNull();
    expect(resolveAppFile('app://casebook/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret', root, path.posix)).toBeNull();
    expect(resolveAppFile('app://casebook/..%5c..%5cwindows%5cwin.ini', root, path.win32)).toBeNull();
  });

  it('keeps absolute paths inside the root', () => {
    expect(resolveAppFile('app://casebook//etc/passwd', root, path.posix)).toBe(`${root}/etc/passwd`);
    expect(resolveAppFile('app://casebook/%2fetc%2fpasswd', root, path.posix)).toBe(`${root}/etc/passwd`);
  });

  it('refuses drive letters and NUL bytes', () => {
    expect(resolveAppFile('app://casebook/C:/Windows/win.ini', 'C:\\Casebook\\renderer', path.win32)).toBeNull();
    expect(resolveAppFile('app://casebook/C%3A%5CWindows', 'C:\\Casebook\\renderer', path.win32)).toBeNull();
    expect(resolveAppFile('app://casebook/index.html%00.png', root, path.posix)).toBeNull();
  });

  it('resolves Windows paths inside the root', () => {
    expect(resolveAppFile('app://casebook/assets/a.js', 'C:\\Casebook\\renderer', path.win32)).toBe(
      'C:\\Casebook\\renderer\\assets\\a.js',
    );
  });

  it('refuses other hosts, other schemes and malformed escapes', () => {
    expect(resolveAppFile('app://elsewhere/index.html', root, path.posix)).toBeNull();
    expect(resolveAppFile('file:///etc/passwd', root, path.posix)).toBeNull();
    expect(resolveAppFile('app://casebook/%E0%A4%A', root, path.posix)).toBeNull();
    expect(resolveAppFile('not a url', root, path.posix)).toBeNull();
  });

  it('still serves names that merely start with two dots', () => {
    expect(resolveAppFile('app://casebook/..notes.txt', root, path.posix)).toBe(`${root}/..notes.txt`);
  });
});

describe('response headers', () => {
  it('sends the strict CSP with every file', () => {
    expect(responseHeadersFor(`${root}/index.html`)).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  });

  it('knows the types a Vite build produces', () => {
    expect(contentTypeFor('/a/worker-x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/a/b.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('/a/b.unknown')).toBe('application/octet-stream');
  });
});
