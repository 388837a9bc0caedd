import { Extension, mergeAttributes } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ATTACHMENT_PREFIX, attachmentIdOf, attachmentUrl } from '../../attachmentSource';

/**
 * Images kept in the case: the node stores `src: "attachment:<id>"`, shown from IndexedDB through an object URL.
 * Only such images are read from HTML (a pasted page's `<img src="https://…">` is dropped, never fetched), and the
 * HTML written for them names the attachment (`data-attachment`) with no `src`, so nothing showing it can fetch.
 */
export const AttachmentImage = Image.extend({
  parseHTML() {
    return [
      { tag: 'img[data-attachment]', getAttrs: (element) => ({ src: `${ATTACHMENT_PREFIX}${element.getAttribute('data-attachment')}` }) },
      { tag: `img[src^="${ATTACHMENT_PREFIX}"]` },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    const { src, ...rest } = HTMLAttributes as { src?: unknown };
    return ['img', mergeAttributes(this.options.HTMLAttributes, rest, { 'data-attachment': attachmentIdOf(src) ?? '' })];
  },
  addNodeView() {
    return ({ node }) => {
      const image = document.createElement('img');
      const id = attachmentIdOf(node.attrs.src);
      image.alt = node.attrs.alt ?? '';
      image.setAttribute('data-attachment', id ?? '');
      if (id)
        void attachmentUrl(id).then((url) => {
          if (url) image.src = url;
          else image.alt = `Image not found in the case${node.attrs.alt ? `: ${node.attrs.alt}` : ''}`;
        });
      return { dom: image };
    };
  },
}).configure({ inline: false, allowBase64: false });

/** What the editor does with an image file pasted or dropped into it: keeps it and gives its address, or null. */
export type KeepImage = (file: File) => Promise<string | null>;

export interface ImageFilesOptions {
  /** Keeps the file in the case (refusing it with a message of its own) and returns `attachment:<id>`, or null. */
  onPasteImage: KeepImage | null;
}

const imageFiles = (list: FileList | null | undefined): File[] => [...(list ?? [])].filter((file) => file.type.startsWith('image/'));

/** Inserts each image kept, in order, at `at` (the caret, or where it was dropped). */
async function insertImages(view: EditorView, files: File[], keep: KeepImage, at: number): Promise<void> {
  let position = at;
  for (const file of files) {
    const src = await keep(file);
    if (!src || view.isDestroyed) continue;
    const node = view.state.schema.nodes.image!.create({ src, alt: file.name || null });
    const transaction = view.state.tr.insert(Math.min(position, view.state.doc.content.size), node);
    view.dispatch(transaction);
    position = transaction.mapping.map(position) + node.nodeSize;
  }
}

/**
 * Image files pasted or dropped into the editor are handed to `onPasteImage`, which keeps them in the case; each one
 * kept is inserted as an attachment image. Without `onPasteImage` (a field that keeps no files) they are left alone.
 */
export const ImageFiles = Extension.create<ImageFilesOptions>({
  name: 'imageFiles',
  addOptions() {
    return { onPasteImage: null };
  },
  addProseMirrorPlugins() {
    const keep = this.options.onPasteImage;
    if (!keep) return [];
    return [
      new Plugin({
        key: new PluginKey('imageFiles'),
        props: {
          handlePaste: (view, event) => {
            const files = imageFiles(event.clipboardData?.files);
            if (!files.length) return false;
            void insertImages(view, files, keep, view.state.selection.from);
            return true;
          },
          handleDrop: (view, event) => {
            const files = imageFiles((event as DragEvent).dataTransfer?.files);
            if (!files.length) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
            void insertImages(view, files, keep, at);
            return true;
          },
        },
      }),
    ];
  },
});
