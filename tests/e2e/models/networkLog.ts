import type { BrowserContext, Page } from '@playwright/test';

/** One request seen, with what saw it. */
export interface SeenRequest {
  url: string;
  seenBy: 'context' | 'page' | 'cdp' | 'route' | 'worker' | 'service worker' | 'websocket';
}

/**
 * Every request a browser context makes, seen four ways at once, so that one blind spot does not hide a leak:
 * Playwright's request events of the context and of the page (which include its frames' and dedicated workers'),
 * Chromium's own network log (CDP `Network.enable` on the page), and a route on the whole context that refuses any
 * request not for the app's origin (so a leak fails fast and visibly, and never reaches the network). Workers, service
 * workers and web sockets are recorded when they start. `data:` and `blob:` are the page's own bytes; everything else
 * must be the app's origin.
 */
export class NetworkLog {
  readonly seen: SeenRequest[] = [];

  private constructor(readonly origin: string) {}

  static async record(context: BrowserContext, page: Page, origin: string): Promise<NetworkLog> {
    const log = new NetworkLog(origin);
    const add = (url: string, seenBy: SeenRequest['seenBy']) => log.seen.push({ url, seenBy });
    context.on('request', (request) => add(request.url(), 'context'));
    page.on('request', (request) => add(request.url(), 'page'));
    page.on('worker', (worker) => add(worker.url(), 'worker'));
    page.on('websocket', (socket) => add(socket.url(), 'websocket'));
    context.on('serviceworker', (worker) => add(worker.url(), 'service worker'));
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (log.allowed(url)) return route.fallback();
      add(url, 'route');
      return route.abort('blockedbyclient');
    });
    const cdp = await context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (event: { request: { url: string } }) => add(event.request.url, 'cdp'));
    cdp.on('Network.webSocketCreated', (event: { url: string }) => add(event.url, 'websocket'));
    await cdp.send('Network.enable');
    return log;
  }

  /** Whether a request stays on this computer: the app's own origin, or bytes the page already holds. */
  allowed(url: string): boolean {
    if (url.startsWith('data:') || url.startsWith('blob:')) return true;
    try {
      return new URL(url).origin === this.origin;
    } catch {
      return false;
    }
  }

  /** The requests seen, one per address and way of seeing it. */
  get distinct(): SeenRequest[] {
    const keys = new Set<string>();
    return this.seen.filter(({ url, seenBy }) => !keys.has(`${seenBy} ${url}`) && keys.add(`${seenBy} ${url}`));
  }

  /** Requests that left the app's origin, each once, with every way it was seen. */
  offOrigin(): { url: string; seenBy: string[] }[] {
    const off = new Map<string, Set<string>>();
    for (const { url, seenBy } of this.seen) if (!this.allowed(url)) off.set(url, (off.get(url) ?? new Set()).add(seenBy));
    return [...off].map(([url, seenBy]) => ({ url, seenBy: [...seenBy] }));
  }
}
