import type { MessageBoxOptions, RenderProcessGoneDetails } from 'electron';

/**
 * What happens when the window's page process ends unexpectedly (a crash, running out of memory, killed by the
 * system): the page is reloaded at once, since the case files are in IndexedDB and nothing but an unsaved form is
 * lost. A second end within `RELOAD_AGAIN_AFTER_MS` of the one before is not reloaded blindly, which could loop for
 * ever: the researcher is told what happened and chooses Reload or Quit. Plain code, tested without Electron; the
 * glue is in mainWindow.ts.
 */

export type RendererGoneReason = RenderProcessGoneDetails['reason'];
export type CrashResponse = 'ignore' | 'reload' | 'ask';

/** Two ends closer than this in time are taken as a page that cannot start again by itself. */
export const RELOAD_AGAIN_AFTER_MS = 60_000;

export class RendererCrashPolicy {
  private lastGoneAt: number | null = null;

  constructor(private readonly windowMs = RELOAD_AGAIN_AFTER_MS) {}

  /** What to do about the page process that ended for `reason` at `now` (milliseconds). */
  decide(reason: RendererGoneReason, now: number): CrashResponse {
    // A clean exit is the window closing, not a failure.
    if (reason === 'clean-exit') return 'ignore';
    const recent = this.lastGoneAt !== null && now - this.lastGoneAt < this.windowMs;
    this.lastGoneAt = now;
    return recent ? 'ask' : 'reload';
  }
}

const RELOAD = 0;
const QUIT = 1;

const WHAT_HAPPENED: Record<Exclude<RendererGoneReason, 'clean-exit'>, string> = {
  'abnormal-exit': 'The window’s page stopped unexpectedly.',
  killed: 'The window’s page was stopped by the system or another program.',
  crashed: 'The window’s page crashed.',
  oom: 'The window’s page ran out of memory.',
  'launch-failed': 'The window’s page could not be started.',
  'integrity-failure': 'The window’s page failed a code integrity check.',
  'memory-eviction': 'The system stopped the window’s page to free memory.',
};

/** The question after a second end in a short time: what happened, and Reload (the default) or Quit. */
export function crashPrompt(reason: RendererGoneReason): MessageBoxOptions {
  const what = reason === 'clean-exit' ? 'The window’s page closed.' : WHAT_HAPPENED[reason];
  return {
    type: 'error',
    buttons: ['Reload', 'Quit'],
    defaultId: RELOAD,
    cancelId: QUIT,
    noLink: true,
    title: 'Casebook stopped working',
    message: `${what} It happened again after reloading.`,
    detail:
      'Your cases are kept on this computer and what was saved is safe; a form that was not saved may be lost. ' +
      'Reload to try again, or quit Casebook and start it later.',
  };
}

/** Whether the answer to `crashPrompt` (the index of the button chosen) reloads the page. */
export const choosesReload = (response: number): boolean => response === RELOAD;
