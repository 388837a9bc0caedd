import { dialog, shell, type BrowserWindow } from 'electron';
import { decideNavigation } from '../../shared/linkPolicy';
import { choosesOpen, externalLinkPrompt } from './services/linkPrompt';

/**
 * The one gate through which an address leaves the app in Electron: the IPC request of a link in a document, a
 * window.open of a page, and the menu's help page. Only an address `decideNavigation` answers 'ask' for gets this
 * far; the researcher is shown it normalised in a message box (Cancel by default) and that exact address opens.
 * Resolves true when it was opened; rejects when the system has no program that opens it.
 */
export async function askAndOpenExternally(url: string, window: BrowserWindow | null): Promise<boolean> {
  const decision = decideNavigation({ kind: 'open-external', url });
  if (decision.action !== 'ask') return false;
  const prompt = externalLinkPrompt(decision.address);
  const { response } = window && !window.isDestroyed() ? await dialog.showMessageBox(window, prompt) : await dialog.showMessageBox(prompt);
  if (!choosesOpen(response)) return false;
  await shell.openExternal(decision.address);
  return true;
}
