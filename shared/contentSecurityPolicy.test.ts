import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as SENT_BY_THE_APP_PROTOCOL } from '../electron/main/services/appProtocol';
import { contentSecurityPolicyMeta } from '../vite.web.config';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, TRUSTED_TYPES_POLICIES } from './contentSecurityPolicy';

const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0]!, directive.slice(directive.indexOf(' ') + 1)]));

/** A page as the build writes it, through the plugin that puts the policy in. */
function built(page: 'index.html' | 'bench.html'): string {
  const filename = resolve(import.meta.dirname, '../renderer', page);
  const { transformIndexHtml } = contentSecurityPolicyMeta() as { transformIndexHtml: { handler: (html: string, context: IndexHtmlTransformContext) => string } };
  return transformIndexHtml.handler(readFileSync(filename, 'utf8'), { filename, path: `/${page}` } as IndexHtmlTransformContext);
}

describe('the content security policy', () => {
  it('is the same in the header and the meta tag, less what only a header can say', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY_META}; frame-ancestors 'none'`);
    expect(directives(CONTENT_SECURITY_POLICY_META).has('frame-ancestors')).toBe(false);
    expect(SENT_BY_THE_APP_PROTOCOL).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is written into each page the build makes, first in its head after the charset', () => {
    for (const page of ['index.html', 'bench.html'] as const) {
      const html = built(page);
      expect(html).toContain(`<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`);
      expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    }
  });

  it('runs no eval, frames no address, and lets only the app’s own Trusted Types policies be made', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(policy.get('frame-src')).toBe("'none'");
    expect(policy.get('worker-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('require-trusted-types-for')).toBe("'script'");
    expect(policy.get('trusted-types')?.split(' ')).toEqual(['casebook-html', 'casebook-frame', 'ProseMirrorClipboard', 'default']);
    expect(Object.values(TRUSTED_TYPES_POLICIES)).toEqual(policy.get('trusted-types')?.split(' '));
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'allow-duplicates'");
  });
});
