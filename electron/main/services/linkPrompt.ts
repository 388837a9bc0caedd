import type { MessageBoxOptions } from 'electron';

/**
 * The question asked before an address leaves the app (a link in a document, window.open, the menu's help page):
 * it shows the normalised address that will open, exactly, and Cancel is the default. Plain functions, tested
 * without Electron; the glue is in index.ts and ipc/external.ts.
 */

const OPEN = 0;
const CANCEL = 1;

/** The message box for `address`, an address `decideNavigation` answered 'ask' for (already normalised). */
export function externalLinkPrompt(address: string): MessageBoxOptions {
  const where = address.startsWith('mailto:') ? 'your mail program' : 'your web browser';
  return {
    type: 'question',
    buttons: ['Open', 'Cancel'],
    defaultId: CANCEL,
    cancelId: CANCEL,
    noLink: true,
    title: 'Open a link',
    message: `Open this address in ${where}?`,
    detail: `${address}\n\nCheck that this is where you meant to go: the address is shown exactly as it will be opened.`,
  };
}

/** Whether the answer to `externalLinkPrompt` (the index of the button chosen) opens the address. */
export const choosesOpen = (response: number): boolean => response === OPEN;
