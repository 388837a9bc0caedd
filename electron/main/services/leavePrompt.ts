import type { MessageBoxSyncOptions } from 'electron';

/**
 * What happens when the window is closed or reloaded while a form holds unsaved changes. The renderer's
 * `beforeunload` handler says so, but Electron shows no question of its own: it cancels the close in silence and
 * emits `will-prevent-unload`, so the main process asks instead. Plain functions, tested without Electron; the glue
 * is in mainWindow.ts.
 */

const LEAVE = 0;
const STAY = 1;

/** The question, with Stay as the safe default (Escape and closing the box mean Stay). */
export function leavePrompt(): MessageBoxSyncOptions {
  return {
    type: 'question',
    buttons: ['Leave', 'Stay'],
    defaultId: STAY,
    cancelId: STAY,
    noLink: true,
    title: 'Unsaved changes',
    message: 'Leave with unsaved changes?',
    detail:
      'A form in Casebook has changes that are not saved. What you typed is kept on this computer as a draft and ' +
      'offered back when you open the form again.',
  };
}

/** Whether the answer to `leavePrompt()` (the index of the button chosen) lets the page unload. */
export const choosesLeave = (response: number): boolean => response === LEAVE;

/** The part of Electron's `will-prevent-unload` event that decides: preventing it lets the page unload after all. */
export interface PreventUnloadEvent {
  preventDefault(): void;
}

/**
 * Handles `will-prevent-unload`: asks with `ask` (a modal message box on the window) and lets the close or reload
 * go on only when the researcher chooses Leave.
 */
export function confirmUnload(event: PreventUnloadEvent, ask: (options: MessageBoxSyncOptions) => number): boolean {
  const leave = choosesLeave(ask(leavePrompt()));
  if (leave) event.preventDefault();
  return leave;
}
