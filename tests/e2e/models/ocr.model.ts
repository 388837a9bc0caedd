import { expect, type Page, type Request } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/services/appProtocol';

/** Text recognition (OCR) in the reader: the language, the start, the progress and its outcome. */
export class OcrPanel {
  constructor(readonly page: Page) {}

  get panel() {
    return this.page.getByRole('region', { name: 'Text recognition' });
  }

  get language() {
    return this.panel.getByLabel('Language of the text');
  }

  get progress() {
    return this.panel.getByRole('progressbar');
  }

  /** The mark a recognised document carries: "OCR, English, 94% confidence". */
  badge(language: string) {
    return this.page.locator('.section-header .badge').filter({ hasText: new RegExp(`^OCR, ${language}, \\d+% confidence$`) });
  }

  /** Starts recognition (or a new one) in the given language. */
  async start(language?: string) {
    if (language) await this.language.selectOption({ label: language });
    await this.panel.getByRole('button', { name: /^Recognise (text|again)$/ }).click();
  }

  /** Starts recognition and waits for it to be stored. */
  async recognise(language?: string) {
    await this.start(language);
    await expect(this.panel.getByRole('status')).toContainText(/Recognised the text of \d+ pages? in/, { timeout: 120_000 });
  }
}

/**
 * Serves every response of the app with the CSP the desktop app sends with each file of app:// (a worker obeys the
 * CSP of its own script's response, which the test server does not send), and records every request made by the page
 * and its workers: whatever goes anywhere but the app's own origin is listed in `remote`.
 */
export async function asTheDesktopAppServesIt(page: Page, origin: string): Promise<{ remote: string[]; requests: string[] }> {
  const remote: string[] = [];
  const requests: string[] = [];
  const note = (request: Request) => {
    const url = new URL(request.url());
    requests.push(url.pathname);
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin) remote.push(request.url());
  };
  page.on('request', note);
  page.on('worker', (worker) => requests.push(`worker ${new URL(worker.url()).pathname}`));
  await page.context().route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      remote.push(route.request().url());
      return route.abort('blockedbyclient');
    }
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY } });
  });
  return { remote, requests };
}
