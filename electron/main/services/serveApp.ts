import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppFile, responseHeadersFor } from './appProtocol';

/**
 * Registers app:// as a standard, secure scheme, so pages served from it get an origin with IndexedDB, workers and
 * fetch. Electron allows this only before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function notFound(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** Serves the built renderer from `root` on app://casebook/, each response carrying the app's CSP. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405, 'Method not allowed');
    const filePath = resolveAppFile(request.url, root);
    if (!filePath) return notFound(404, 'Not found');
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, { headers: responseHeadersFor(filePath) });
    } catch {
      return notFound(404, 'Not found');
    }
  });
}
