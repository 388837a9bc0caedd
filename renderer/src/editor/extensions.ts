import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { AttachmentImage } from './extensions/attachmentImage';
import { ExcerptQuote } from './extensions/excerptQuote';
import { RecordDrop } from './extensions/recordDrop';
import { RecordLink } from './extensions/recordLink';

/**
 * The one set of TipTap extensions every rich-text field uses, so what one editor writes every other can show.
 * Links never open on click inside the editor, and only web and mail addresses become links.
 */
export const richTextExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], defaultProtocol: 'https' },
  }),
  RecordLink, ExcerptQuote, RecordDrop, // live links to the case: `@` mentions, `[[` links, quote blocks, drops
  AttachmentImage, // images kept in the case (`attachment:<id>`), never fetched
];
