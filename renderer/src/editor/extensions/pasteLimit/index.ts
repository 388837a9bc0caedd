import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { LIMITS } from '../../../../../shared/limits';

/** Text pasted over the paste limit: refused whole, so the editor never freezes on it. */
export const pasteTooLong = (length: number, max: number = LIMITS.pasteLength) =>
  `The text pasted is ${length.toLocaleString('en')} characters; at most ${max.toLocaleString('en')} can be pasted at once. ` +
  'Paste it in parts, or import it as a document.';

export interface PasteLimitOptions {
  /** Most characters one paste may bring (its plain text, else its HTML). */
  maxLength: number;
  /** Told why a paste was refused, to show the researcher. */
  onRefuse: (message: string) => void;
}

/**
 * Refuses a paste longer than the limit before ProseMirror parses it (or any other paste handler sees it), so a 10 MB clipboard never freezes the window:
 * nothing of it is inserted, and `onRefuse` says why. Shorter pastes go on as usual.
 */
export const PasteLimit = Extension.create<PasteLimitOptions>({
  name: 'pasteLimit',
  // Before any other paste handling (sanitising, images): a refused paste is not even read.
  priority: 1000,
  addOptions() {
    return { maxLength: LIMITS.pasteLength, onRefuse: () => undefined };
  },
  addProseMirrorPlugins() {
    const { maxLength, onRefuse } = this.options;
    return [
      new Plugin({
        key: new PluginKey('pasteLimit'),
        props: {
          // The DOM event, not `handlePaste`: ProseMirror parses the clipboard before it calls `handlePaste`.
          handleDOMEvents: {
            paste: (_view, event) => {
              const data = event.clipboardData;
              if (!data) return false;
              const length = Math.max(data.getData('text/plain').length, data.getData('text/html').length);
              if (length <= maxLength) return false;
              event.preventDefault();
              onRefuse(pasteTooLong(length, maxLength));
              return true;
            },
          },
        },
      }),
    ];
  },
});
