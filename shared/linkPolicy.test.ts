import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  EXTERNAL_PROTOCOLS,
  normaliseExternalAddress,
  originOf,
  REFUSED_SCHEME,
  type NavigationDecision,
  type NavigationKind,
} from './linkPolicy';

const APP = ['app://casebook'];
const DEV = ['app://casebook', 'http://localhost:5173'];
const KINDS: NavigationKind[] = ['navigate', 'redirect', 'frame-navigate', 'window-open', 'open-external'];

const openExternal = (url: string) => decideNavigation({ kind: 'open-external', url });

describe('links opened outside the app', () => {
  it('shows the real, normalised address', () => {
    const cases: [string, string][] = [
      ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
      ['HTTPS://EXAMPLE.org:443/a/../b', 'https://example.org/b'],
      ['http://example.org', 'http://example.org/'],
      // Look-alike letters show as what the host really is.
      ['https://аpple.com/login', 'https://xn--pple-43d.com/login'],
      ['https://例え.jp/', 'https://xn--r8jz45g.jp/'],
      ['https://ex%61mple.org/', 'https://example.org/'],
      // Backslashes are slashes to the browser: the shown address says where it really goes.
      ['https:\\\\evil.example\\path', 'https://evil.example/path'],
      ['http://0x7f.1/', 'http://127.0.0.1/'],
      ['https://example.org/\u202etxt.exe', 'https://example.org/%E2%80%AEtxt.exe'],
      // A mail link keeps its recipients only.
      ['mailto:someone@example.org?subject=Hi&body=Secret&cc=boss@example.org&attach=/etc/passwd', 'mailto:someone@example.org'],
      ['MAILTO:Someone@Example.ORG?bcc=x@example.org#top', 'mailto:Someone@example.org'],
      ['mailto:a@example.org,b@example.net', 'mailto:a@example.org,b@example.net'],
      ['mailto:a@аpple.com', 'mailto:a@xn--pple-43d.com'],
      ['mailto:first.last+tag@example.org', 'mailto:first.last+tag@example.org'],
    ];
    for (const [url, address] of cases) expect(openExternal(url), url).toEqual({ action: 'ask', address });
  });

  it('refuses other schemes, disguised addresses, spaces and control characters', () => {
    const cases: [string, string][] = [
      ['javascript:alert(1)', REFUSED_SCHEME],
      ['JaVaScRiPt:alert(1)', REFUSED_SCHEME],
      ['java%73cript:alert(1)', 'The address is not a valid web or mail address.'],
      ['data:text/html,<script>alert(1)</script>', REFUSED_SCHEME],
      ['file:///etc/passwd', REFUSED_SCHEME],
      ['vbscript:msgbox(1)', REFUSED_SCHEME],
      ['blob:https://example.org/1b4e28ba-2fa1-11d2-883f-0016d3cca427', REFUSED_SCHEME],
      ['app://casebook/index.html', REFUSED_SCHEME],
      ['smb://server/share', REFUSED_SCHEME],
      ['//example.org/', 'The address is not a valid web or mail address.'],
      ['https://exa%mple.org/', 'The address is not a valid web or mail address.'],
      ['not a url', 'The address holds spaces or control characters.'],
      ['java\tscript:alert(1)', 'The address holds spaces or control characters.'],
      ['java\nscript:alert(1)', 'The address holds spaces or control characters.'],
      [' https://example.org/', 'The address holds spaces or control characters.'],
      ['https://exa\u0000mple.org/', 'The address holds spaces or control characters.'],
      ['https://example.org/\u00a0', 'The address holds spaces or control characters.'],
      ['https://app.casebook@evil.example/', 'The address holds a user name or password before its host, which hides where it leads.'],
      ['https://user:pass@example.org/', 'The address holds a user name or password before its host, which hides where it leads.'],
      ['mailto:', 'The mail address has no recipient.'],
      ['mailto:?to=a@example.org', 'The mail address has no recipient.'],
      ['mailto:a@example.org%3Fbody=x', 'The mail address is not valid.'],
      ['mailto:a%40b@example.org', 'The mail address is not valid.'],
      ['mailto:a@example.org%0Abcc:b@example.org', 'The mail address is not valid.'],
      ['https://example.org/' + 'a'.repeat(5000), 'The address is longer than 4096 characters.'],
      ['', 'The link has no address.'],
    ];
    for (const [url, reason] of cases) expect(openExternal(url), url).toEqual({ action: 'deny', reason });
  });
});

describe('navigation inside the app', () => {
  it('lets the app move within itself and nowhere else', () => {
    expect(decideNavigation({ kind: 'navigate', url: 'app://casebook/index.html#/cases', allowedOrigins: APP })).toEqual({
      action: 'allow',
      address: 'app://casebook/index.html#/cases',
    });
    expect(decideNavigation({ kind: 'redirect', url: 'http://localhost:5173/', allowedOrigins: DEV }).action).toBe('allow');
    expect(decideNavigation({ kind: 'redirect', url: 'http://localhost:5173/', allowedOrigins: APP }).action).toBe('deny');
    // A followed link to the web asks to open it outside; a redirect there is refused.
    expect(decideNavigation({ kind: 'navigate', url: 'https://example.org/', allowedOrigins: APP })).toEqual({
      action: 'ask',
      address: 'https://example.org/',
    });
    expect(decideNavigation({ kind: 'redirect', url: 'https://example.org/', allowedOrigins: APP }).action).toBe('deny');
    for (const url of ['app://casebook.evil.example/', 'app://casebook:8080/', 'app://user@casebook/', 'file:///index.html', 'javascript:alert(1)'])
      expect(decideNavigation({ kind: 'navigate', url, allowedOrigins: APP }).action, url).toBe('deny');
  });

  it('lets frames show only the app, a saved page’s srcdoc and data or blob documents', () => {
    const frame = (url: string, isMainFrame = false) =>
      decideNavigation({ kind: 'frame-navigate', url, isMainFrame, allowedOrigins: APP }).action;
    expect(frame('about:srcdoc')).toBe('allow');
    expect(frame('about:blank')).toBe('allow');
    expect(frame('data:text/html,<p>x</p>')).toBe('allow');
    expect(frame('blob:app://casebook/1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe('allow');
    expect(frame('blob:https://evil.example/1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe('deny');
    expect(frame('https://example.org/')).toBe('deny');
    expect(frame('about:srcdoc', true)).toBe('deny');
    expect(frame('https://example.org/', true)).toBe('ask');
  });

  it('never opens a window of its own: window.open only asks to open outside', () => {
    expect(decideNavigation({ kind: 'window-open', url: 'app://casebook/index.html', allowedOrigins: APP }).action).toBe('deny');
    expect(decideNavigation({ kind: 'window-open', url: 'mailto:a@example.org?body=x', allowedOrigins: APP })).toEqual({
      action: 'ask',
      address: 'mailto:a@example.org',
    });
  });
});

/** Attack addresses: odd schemes in odd spellings, smuggled characters, look-alike hosts, user-info tricks, long paths. */
const scheme = fc
  .constantFrom('javascript', 'data', 'file', 'vbscript', 'blob', 'app', 'http', 'https', 'mailto', 'ftp', 'about', 'ws', 'chrome', 'devtools', 'intent', 'ms-settings')
  .chain((name) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(name) },
      fc.constant(name.toUpperCase()),
      fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((upper) =>
        [...name].map((letter, i) => (upper[i] ? letter.toUpperCase() : letter)).join(''),
      ),
      // A tab, newline, space or NUL smuggled in, as parsers strip some of them.
      fc.tuple(fc.nat(name.length), fc.constantFrom('\t', '\n', '\r', ' ', '\u0000', '\u00a0')).map(([at, char]) => name.slice(0, at) + char + name.slice(at)),
      // One letter percent-encoded.
      fc.nat(name.length - 1).map((at) => name.slice(0, at) + `%${name.charCodeAt(at).toString(16)}` + name.slice(at + 1)),
    ),
  );
const separator = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(':', '://') },
  fc.constantFrom(':\\\\', ':/\\', ':///', '://\\', ': //', ':%2f%2f'),
);
const userInfo = fc.constantFrom('', '', '', 'app.casebook@', 'user:pass@', 'casebook%40', '@', ':@', 'example.org@');
const host = fc.constantFrom(
  'example.org', 'аpple.com', 'ехаmple.org', 'casebook', 'localhost:5173', '127.0.0.1', '[::1]', 'xn--pple-43d.com',
  'evil.example', '例え.jp', 'EXAMPLE.ORG', 'ex%61mple.org', '', 'app.casebook', 'someone@example.org', 'a@аpple.com',
  'x@example.org,y@example.net', '0x7f.1', 'example.org.', 'ﬁle.example',
);
const tail = fc.tuple(fc.constantFrom('', '/', '/', '/', '?', '#'), fc.string({
  unit: fc.constantFrom('a', 'Z', '/', '/', '\\', '?', '#', '&', '=', '%', '%0a', '%3F', '@', ':', 'é', '\u202e', '..', 'body=', 'cc=', ','),
  maxLength: 40,
})).map(([start, rest]) => start + rest);
const attackUrl = fc.oneof(
  // Addresses that nearly pass: the right schemes with hostile hosts, user names and paths.
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('http', 'https', 'mailto', 'HTTPS', 'MailTo'), fc.constantFrom('://', ':', ':\\\\'), userInfo, host, tail).map((parts) => parts.join('')) },
  { weight: 6, arbitrary: fc.tuple(scheme, separator, userInfo, host, tail).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(scheme, separator, host, fc.integer({ min: 4000, max: 9000 })).map(([s, sep, h, n]) => `${s}${sep}${h}/${'a'.repeat(n)}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
);
const kind = fc.constantFrom(...KINDS);

function isAscii(address: string): boolean {
  return /^[\x21-\x7e]+$/.test(address);
}

describe('the decision, over attack addresses (property-based)', () => {
  const runs = { numRuns: 4_000 };
  let asked = 0;
  let allowed = 0;
  let denied = 0;

  it('asks only for http, https and mailto, with the address that opens, unchanged by normalising again', () => {
    fc.assert(
      fc.property(attackUrl, kind, fc.boolean(), fc.constantFrom(APP, DEV), (url, kind, isMainFrame, allowedOrigins) => {
        const decision: NavigationDecision = decideNavigation({ kind, url, isMainFrame, allowedOrigins });
        if (decision.action === 'deny') return void denied++;
        if (decision.action === 'allow') return void allowed++;
        asked++;
        const { address } = decision;
        const parsed = new URL(address);
        expect(EXTERNAL_PROTOCOLS).toContain(parsed.protocol);
        // What is shown is what the browser would open: its own serialisation, ASCII only (hosts in punycode).
        expect(parsed.href).toBe(address);
        expect(isAscii(address)).toBe(true);
        expect(parsed.username + parsed.password).toBe('');
        if (parsed.protocol === 'mailto:') expect(parsed.search + parsed.hash).toBe('');
        expect(address.length).toBeLessThanOrEqual(4096);
        // Idempotent: the shown address asks again as itself.
        expect(normaliseExternalAddress(address)).toEqual({ ok: true, address });
        expect(openExternal(address)).toEqual({ action: 'ask', address });
      }),
      runs,
    );
  }, 60_000);

  it('allows nothing outside the app, and never allows a window or an outside link', () => {
    fc.assert(
      fc.property(attackUrl, kind, fc.boolean(), fc.constantFrom(APP, DEV), (url, kind, isMainFrame, allowedOrigins) => {
        const decision = decideNavigation({ kind, url, isMainFrame, allowedOrigins });
        if (decision.action !== 'allow') return;
        expect(['navigate', 'redirect', 'frame-navigate']).toContain(kind);
        const origin = originOf(url);
        if (kind === 'frame-navigate' && !isMainFrame) {
          const { protocol, pathname } = new URL(url);
          const inert = (protocol === 'about:' && ['blank', 'srcdoc'].includes(pathname)) || protocol === 'data:' || (protocol === 'blob:' && pathname.startsWith('app://casebook/'));
          expect(inert || (origin !== null && allowedOrigins.includes(origin))).toBe(true);
        } else {
          expect(origin !== null && allowedOrigins.includes(origin)).toBe(true);
        }
      }),
      runs,
    );
  }, 60_000);

  it('refuses every address with a control character or white space in it', () => {
    const smuggled = fc
      .tuple(attackUrl, fc.nat(), fc.constantFrom('\t', '\n', '\r', ' ', '\u0000', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\u3000'))
      .map(([url, at, char]) => url.slice(0, at % (url.length + 1)) + char + url.slice(at % (url.length + 1)));
    fc.assert(
      fc.property(smuggled, kind, (url, kind) => {
        expect(decideNavigation({ kind, url, allowedOrigins: DEV }).action).toBe('deny');
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('saw every kind of answer', () => {
    console.info(`linkPolicy: ${asked} asked, ${allowed} allowed, ${denied} denied of ${runs.numRuns} attack addresses`);
    expect(asked).toBeGreaterThan(100);
    expect(allowed).toBeGreaterThan(0);
    expect(denied).toBeGreaterThan(1000);
  });
});
