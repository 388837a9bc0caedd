import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { AttachmentImage } from './extensions/attachmentImage';

/**
 * The one set of TipTap extensions every rich-text field uses, so what one editor writes every other can show.
 * Links never open on click inside the editor, and only web and mail addresses become links.
 */
export const richTextExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], defaultProtocol: 'https' },
  }),
  AttachmentImage,
];
