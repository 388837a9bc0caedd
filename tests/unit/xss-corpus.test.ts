// @vitest-environment jsdom
/**
 * The XSS corpus (tests/fixtures/xss/payloads.json) and random hostile markup, through every sanitiser profile and
 * the saved-page view: nothing that runs or fetches survives, checked over the DOM the output parses to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import payloads from '../fixtures/xss/payloads.json';
import { sanitizeHtml, type SanitizeProfile } from '../../renderer/src/html/sanitize';
import { ORIGINAL_PAGE_CSP, originalPageSrcdoc } from '../../renderer/src/html/savedPage';
import { problemsIn } from './xssChecker';
import { hostileMarkup } from '../fixtures/xss/hostileMarkup';
import { recordAttackFigure } from '../attackFigures';

const PROFILES: SanitizeProfile[] = ['import', 'reader', 'report', 'paste'];

/**
 * A sanitiser profile's output parsed as the reader's element parses it, into a body, but in an inert document (jsdom
 * runs handlers in its own window): what a failure would run is only seen.
 */
function profileProblems(html: string, profile: SanitizeProfile): string[] {
  const parsed = new DOMParser().parseFromString(sanitizeHtml(html, profile), 'text/html');
  return problemsIn(parsed, { links: true, policyMeta: false });
}

/** The saved page as its frame parses it: a whole document, whose one meta is the policy, first in its head. */
function savedPageProblems(html: string): string[] {
  const page = new DOMParser().parseFromString(originalPageSrcdoc(html), 'text/html');
  const first = page.head.firstElementChild;
  const policy = first?.localName === 'meta' && first.getAttribute('content') === ORIGINAL_PAGE_CSP ? [] : ['no policy first'];
  return [...policy, ...problemsIn(page, { links: false, policyMeta: true })];
}

/** Every target's problems with `html`, labelled. */
function allProblems(html: string): string[] {
  return [
    ...PROFILES.flatMap((profile) => profileProblems(html, profile).map((problem) => `${profile}: ${problem}`)),
    ...savedPageProblems(html).map((problem) => `saved page: ${problem}`),
  ];
}

describe('the XSS corpus', () => {
  it('has at least 200 payloads, each with a marker that shows it fired', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(200);
    for (const { html } of payloads) {
      const decoded = html.replace(/base64,([\w+/=]+)|atob\('([\w+/=]+)'\)/g, (_, data?: string, code?: string) => atob(data ?? code!));
      expect(decoded).toMatch(/__x|alert\(|print\(|msgbox\(|leak\.invalid/);
    }
    expect(new Set(payloads.map(({ id }) => id)).size).toBe(payloads.length);
  });

  it('is caught by the checker before sanitising: the checker and the payloads are not idle', () => {
    // A mutation payload is harmless as first parsed: only a sanitiser's re-serialising could make it fire.
    const idle = payloads.filter(({ category, html }) => {
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      return category !== 'mutation' && problemsIn(parsed, { links: false, policyMeta: false }).length === 0;
    });
    expect(idle.map(({ id, html }) => `${id}: ${html}`)).toEqual([]);
  }, 60_000);

  it('leaves nothing that runs or fetches, through every profile and the saved page', () => {
    const fired = payloads.flatMap(({ id, html }) => allProblems(html).map((problem) => `${id}: ${problem}`));
    console.log(`payloads tried: ${payloads.length} × ${PROFILES.length + 1} outputs, fired: ${fired.length}`);
    expect(fired).toEqual([]);
  }, 300_000);

  it('leaves nothing that runs or fetches after a second pass (what is stored at import and read again)', () => {
    const fired = payloads.flatMap(({ id, html }) => {
      const stored = sanitizeHtml(html, 'import');
      return [...PROFILES.flatMap((profile) => profileProblems(stored, profile)), ...savedPageProblems(stored)].map(
        (problem) => `${id}: ${problem}`,
      );
    });
    expect(fired).toEqual([]);
  }, 300_000);
});

describe('random hostile markup', () => {
  it('leaves nothing that runs or fetches, through every profile and the saved page', () => {
    let tried = 0;
    fc.assert(
      fc.property(hostileMarkup, (html) => {
        tried++;
        expect(allProblems(html)).toEqual([]);
      }),
      { numRuns: 400 },
    );
    console.log(`random hostile documents tried: ${tried} × ${PROFILES.length + 1} outputs, fired: 0`);
    recordAttackFigure('payloads tried', tried, 'random hostile documents');
  }, 300_000);
});
