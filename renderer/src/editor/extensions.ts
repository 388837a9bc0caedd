import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { AttachmentImage } from './extensions/attachmentImage';
import { blockOptions } from './extensions/blocks';
import { ExcerptQuote } from './extensions/excerptQuote';
import { headingOptions } from './extensions/headings';
import { Highlighting } from './extensions/highlight';
import { historyOptions } from './extensions/history';
import { linkOptions } from './extensions/links';
import { taskLists } from './extensions/lists';
import { markOptions } from './extensions/marks';
import { RecordLink } from './extensions/recordLink';
import { Tables } from './extensions/tables';

/**
 * The one set of TipTap extensions every rich-text field uses, so what one editor writes every other can show (the
 * read-only view uses it too). Each feature is configured in its folder under `extensions/`; StarterKit brings the
 * document, paragraphs, line breaks and cursors, and the features it has. The editor adds what only editing needs:
 * the word count, the cleaning of pasted HTML, records dropped in from the case's lists, Enter to send a quick form.
 */
export const richTextExtensions: Extensions = [
  StarterKit.configure({
    ...markOptions,
    ...blockOptions,
    heading: headingOptions,
    link: linkOptions,
    undoRedo: historyOptions,
  }),
  Highlighting,
  ...taskLists,
  Tables,
  // Live links to the case: `@` mentions, `[[` links, quote blocks (records dropped in: the editor's `RecordDrop`).
  RecordLink,
  ExcerptQuote,
  // Images kept in the case (`attachment:<id>`), never fetched.
  AttachmentImage,
];
