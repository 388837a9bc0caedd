import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * A dialog shown in a React root of its own, over whatever is shown, so that a command, the application menu or the
 * app's start can open it from anywhere; one of its kind at a time. The function it returns shows what `show` makes
 * (given what closes it, to call when the dialog is done) and answers true, or answers false when one is shown still.
 */
export function singleDialog(): (show: (close: () => void) => Promise<ReactNode>) => Promise<boolean> {
  let open = false;
  return async (show) => {
    if (open) return false;
    open = true;
    try {
      const container = document.createElement('div');
      const root = createRoot(container);
      const element = await show(() => {
        root.unmount();
        container.remove();
        open = false;
      });
      document.body.append(container);
      root.render(element);
      return true;
    } catch (error) {
      open = false;
      throw error;
    }
  };
}
