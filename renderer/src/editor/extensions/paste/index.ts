import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { sanitizedFragment } from '../../../html/sanitize';
import { isOfficeHtml, wordListsToLists } from './wordLists';

export interface PastedContentOptions {
  /**
   * Stores a pasted image (a file on the clipboard, or one embedded in the pasted HTML) and gives the address the
   * text shows it by, or null when it is not kept. Without it, or without an `image` node in the editor, images
   * are left out and `onLeftOut` says so.
   */
  onPasteImage: ((file: File) => Promise<string | null>) | null;
  /** Told, in a sentence for the researcher, what a paste left out (images, here). */
  onLeftOut: (message: string) => void;
}

/** An image the HTML points to (on the web, or a file of the computer, as Word's are); never loaded. */
const REMOTE_IMAGE = /<img\b[^>]*?\ssrc\s*=\s*["']?\s*(?!data:)[^\s"'>]/gi;

const plural = (count: number, one: string, many: string) => (count === 1 ? `1 ${one}` : `${count} ${many}`);

/** The file an embedded image (`data:image/png;base64,...`) holds. */
function fileOf(src: string, index: number): File | null {
  const match = /^data:(image\/[a-z+.-]+);base64,(.*)$/is.exec(src.trim());
  if (!match) return null;
  try {
    const bytes = Uint8Array.from(atob(match[2]!.replace(/\s/g, '')), (character) => character.charCodeAt(0));
    return new File([bytes], `pasted-image-${index + 1}.${match[1]!.split('/')[1]!.replace(/\W.*/, '')}`, { type: match[1] });
  } catch {
    return null;
  }
}

/**
 * What is pasted from a web page or a word processor keeps its structure (headings, lists, tables, links, emphasis)
 * and loses the rest: the HTML goes through the app's one sanitiser before ProseMirror reads it, so scripts, event
 * handlers, styles, classes and Word's `mso-` markup never reach the text, and no remote image is fetched. Word's
 * lists, which are styled paragraphs, become real lists first. Images go to `onPasteImage`, the seam where the case
 * keeps them.
 */
export const PastedContent = Extension.create<PastedContentOptions>({
  name: 'pastedContent',

  addOptions() {
    return { onPasteImage: null, onLeftOut: () => undefined };
  },

  addProseMirrorPlugins() {
    const { editor, options } = this;
    /** The images of the HTML being pasted, taken out of it to be stored once the paste is done. */
    let images: File[] = [];

    const store = (files: File[]) => {
      const canShow = options.onPasteImage !== null && editor.schema.nodes.image !== undefined;
      if (!canShow) {
        options.onLeftOut(`${plural(files.length, 'picture was', 'pictures were')} left out: pictures cannot be pasted here.`);
        return;
      }
      void (async () => {
        for (const file of files) {
          const src = await options.onPasteImage!(file).catch(() => null);
          if (src && !editor.isDestroyed) editor.chain().insertContent({ type: 'image', attrs: { src, alt: file.name } }).run();
        }
      })();
    };

    return [
      new Plugin({
        key: new PluginKey('pastedContent'),
        props: {
          transformPastedHTML(html) {
            const remote = html.match(REMOTE_IMAGE)?.length ?? 0;
            if (remote)
              options.onLeftOut(
                `${plural(remote, 'picture was', 'pictures were')} left out: Casebook never loads a picture from an address on the web or on the computer.`,
              );
            // Word's lists are made lists before the HTML is cleaned; the clean nodes come back, not a string to parse.
            const clean = sanitizedFragment(html, 'paste', isOfficeHtml(html) ? { prepare: wordListsToLists } : {});
            images = [];
            for (const image of clean.querySelectorAll('img')) {
              const file = fileOf(image.getAttribute('src') ?? '', images.length);
              if (file) images.push(file);
              image.remove();
            }
            // ProseMirror parses the string it is given back (with its own Trusted Types policy, into an inert document).
            const holder = clean.ownerDocument.createElement('div');
            holder.append(clean);
            return holder.innerHTML;
          },
          handlePaste(_view, event) {
            const pastedImages = images;
            images = [];
            const data = event.clipboardData;
            const hasText = !!data && (data.getData('text/html') !== '' || data.getData('text/plain') !== '');
            // A screenshot or an image file copied alone: nothing else to paste.
            const files = hasText ? [] : [...(data?.files ?? [])].filter((file) => file.type.startsWith('image/'));
            if (files.length) {
              store(files);
              return true;
            }
            if (pastedImages.length) setTimeout(() => store(pastedImages));
            return false;
          },
        },
      }),
    ];
  },
});
