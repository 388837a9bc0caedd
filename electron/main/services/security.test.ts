import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from './appProtocol';
import {
  isAllowedNavigation,
  isPermissionGranted,
  isRequestAllowed,
  isTrustedOrigin,
  opensExternally,
  originOf,
  SPELLCHECK_DICTIONARY_URL,
  trustedOrigins,
} from './security';

describe('originOf', () => {
  it('gives scheme and host, even for the custom app scheme', () => {
    expect(originOf('app://casebook/index.html#/cases')).toBe('app://casebook');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
  });

  it('has none for URLs without a host', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('data:text/html,<p>')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('')).toBeNull();
  });
});

describe('isTrustedOrigin', () => {
  const production = trustedOrigins(undefined);
  const development = trustedOrigins('http://localhost:5173');

  it('trusts the app protocol, and the dev server only when configured', () => {
    expect(production).toEqual(['app://casebook']);
    expect(isTrustedOrigin('app://casebook/index.html', production)).toBe(true);
    expect(isTrustedOrigin('http://localhost:5173/', production)).toBe(false);
    expect(isTrustedOrigin('http://localhost:5173/', development)).toBe(true);
  });

  it('does not trust look-alikes', () => {
    for (const url of [
      'app://casebook.evil.example/',
      'app://casebook:8080/',
      'https://casebook/',
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'http://localhost:5173.evil.example/',
      'file:///app/casebook/index.html',
      'app://report/123',
      'app://user@casebook/',
      'http://user:pass@localhost:5173/',
      undefined,
      null,
      '',
    ]) {
      expect(isTrustedOrigin(url, development), String(url)).toBe(false);
    }
  });
});

describe('navigation and window.open', () => {
  const allowed = trustedOrigins(undefined);

  it('lets a page reload itself but not leave the app', () => {
    expect(isAllowedNavigation('app://casebook/index.html', allowed)).toBe(true);
    expect(isAllowedNavigation('https://example.org/', allowed)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', allowed)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', allowed)).toBe(false);
  });

  it('hands only http, https and mailto to the system', () => {
    expect(opensExternally('https://example.org/')).toBe(true);
    expect(opensExternally('mailto:a@example.org')).toBe(true);
    expect(opensExternally('javascript:alert(1)')).toBe(false);
    expect(opensExternally('file:///etc/passwd')).toBe(false);
    expect(opensExternally('app://casebook/')).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  const allowed = trustedOrigins(undefined);

  it('refuses everything but persistent storage for the app itself', () => {
    expect(isPermissionGranted('persistent-storage', 'app://casebook/', allowed)).toBe(true);
    expect(isPermissionGranted('persistent-storage', 'app://casebook', allowed)).toBe(true);
    expect(isPermissionGranted('persistent-storage', 'https://example.org/', allowed)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionGranted(permission, 'app://casebook/', allowed)).toBe(false);
    }
  });
});

describe('isRequestAllowed', () => {
  const production = { allowedOrigins: trustedOrigins(undefined), development: false };
  const development = { allowedOrigins: trustedOrigins('http://localhost:5173'), development: true };

  it('lets through the app’s own protocol and what the page made itself', () => {
    for (const url of [
      'app://casebook/index.html',
      'app://casebook/assets/index-abc123.js',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://casebook/1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    ]) {
      expect(isRequestAllowed(url, production), url).toBe(true);
    }
  });

  it('cancels everything else, the dev server too outside development', () => {
    for (const url of [
      'https://example.org/tracker.gif',
      'http://127.0.0.1:5173/',
      'http://localhost:5173/src/main.tsx',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'ftp://example.org/',
      'devtools://devtools/bundled/devtools_app.html',
      'chrome-extension://abcdefghijklmnop/script.js',
      'chrome://gpu',
      'not a url',
      '',
    ]) {
      expect(isRequestAllowed(url, production), url).toBe(false);
    }
  });

  it('lets the dev server, its hot-reload socket and DevTools through while developing', () => {
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', development)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/?token=x', development)).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/devtools_app.html', development)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5174/', development)).toBe(false);
    expect(isRequestAllowed('http://localhost:5173.evil.example/', development)).toBe(false);
    expect(isRequestAllowed('chrome-extension://abcdefghijklmnop/script.js', development)).toBe(false);
  });

  it('never lets a request to the network through in the packaged app (property-based)', () => {
    const scheme = fc.constantFrom('http', 'https', 'ws', 'wss', 'ftp', 'file', 'chrome-extension', 'devtools', 'chrome', 'HTTPS', 'Http');
    const host = fc.constantFrom('example.org', 'localhost', '127.0.0.1', 'casebook', 'app', 'redirector.gvt1.com', '[::1]', 'casebook.evil.example');
    fc.assert(
      fc.property(scheme, host, fc.webPath(), (scheme, host, path) => {
        expect(isRequestAllowed(`${scheme}://${host}${path}`, production)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('spell-check dictionaries', () => {
  it('are never fetched: their address is on the app’s protocol, which serves no such file', () => {
    const dictionary = `${SPELLCHECK_DICTIONARY_URL}en-US-10-1.bdic`;
    expect(SPELLCHECK_DICTIONARY_URL).toMatch(/^app:\/\/[^/]+\/$/);
    expect(resolveAppFile(dictionary, '/opt/casebook/renderer')).toBeNull();
    expect(resolveAppFile(`${SPELLCHECK_DICTIONARY_URL}en-us-10-1.bdic`, '/opt/casebook/renderer')).toBeNull();
  });

  it('from Google’s servers, where Chromium fetches them by default, are blocked', () => {
    const options = { allowedOrigins: trustedOrigins(undefined), development: false };
    expect(isRequestAllowed('https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', options)).toBe(false);
  });
});
