import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../shared/contentSecurityPolicy';

/**
 * The built renderer is served from `app://casebook/` rather than `file://`, so it has a real origin of its own
 * (IndexedDB, workers and the CSP's 'self' then behave as they do on the web). No Electron here: this module only
 * decides which file a request names and which headers go with it.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'casebook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent with every response of the app protocol. The policy itself is shared with the web build's server and
 * index.html's meta tag (shared/contentSecurityPolicy.ts), so the three cannot drift apart.
 */
export { CONTENT_SECURITY_POLICY };

/**
 * The report is printed in its own window from HTML the renderer composed: nothing in it may run or load from
 * anywhere, so styles must be inline and images and fonts data: URLs.
 */
export const REPORT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The headers of a file served from the app protocol. */
export function responseHeadersFor(filePath: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

type PathApi = Pick<typeof path.posix, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file inside `root` that an `app://casebook/...` request names, or null when the request is for another
 * host or would leave `root` (`..`, encoded separators, drive letters, NUL bytes). `/` means index.html.
 * `pathApi` lets the tests check Windows paths on any machine.
 */
export function resolveAppFile(requestUrl: string, root: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  let relativePath: string;
  try {
    relativePath = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relativePath.includes('\0') || relativePath.includes('\\')) return null;
  // After decoding, "..%2f" has become "../": refuse every parent segment rather than trusting normalisation.
  const segments = relativePath.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..' || /^[a-z]:/i.test(segment))) return null;
  if (segments.length === 0) segments.push('index.html');

  const resolvedRoot = pathApi.resolve(root);
  const filePath = pathApi.resolve(resolvedRoot, ...segments);
  const fromRoot = pathApi.relative(resolvedRoot, filePath);
  const leavesRoot = fromRoot === '..' || fromRoot.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(fromRoot);
  if (fromRoot === '' || leavesRoot) return null;
  return filePath;
}
