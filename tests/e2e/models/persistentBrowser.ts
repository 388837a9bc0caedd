import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../chromium';

/**
 * A Chromium with a profile folder of its own on disk, as a researcher's browser has: it can be killed the hard way
 * (SIGKILL, as a crash, a power cut or the system's out-of-memory killer would) and started again on the same
 * profile, to see what the disk kept.
 */
export class PersistentBrowser {
  readonly profile = mkdtempSync(join(tmpdir(), 'casebook-profile-'));
  context: BrowserContext | null = null;

  constructor(readonly baseURL: string) {}

  /** Starts Chromium on the profile and returns its first page. */
  async launch(): Promise<Page> {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium to launch on a persistent profile.');
    this.context = await chromium.launchPersistentContext(this.profile, { executablePath, args: CHROMIUM_ARGS, baseURL: this.baseURL });
    return this.context.pages()[0] ?? (await this.context.newPage());
  }

  /**
   * Kills the browser's process group with SIGKILL: no unload event, no flush, nothing written after this. The
   * browser process's id comes from Chromium itself (CDP's SystemInfo), never from a search by name.
   */
  async kill(): Promise<void> {
    const context = this.context;
    if (!context) throw new Error('The browser is not running.');
    const browser = context.browser();
    if (!browser) throw new Error('Playwright gave no browser for the persistent context.');
    const cdp = await browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const main = processInfo.find((process) => process.type === 'browser');
    if (!main) throw new Error('Chromium named no browser process.');
    const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
    // Playwright starts Chromium as the leader of its own process group: the group is the browser, its renderers,
    // its GPU and network processes.
    process.kill(-main.id, 'SIGKILL');
    await closed;
    this.context = null;
  }

  /** Closes the browser if it runs, and removes the profile. */
  async dispose(): Promise<void> {
    await this.context?.close();
    this.context = null;
    rmSync(this.profile, { recursive: true, force: true });
  }
}
