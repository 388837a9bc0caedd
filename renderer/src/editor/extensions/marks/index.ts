import type { StarterKitOptions } from '@tiptap/starter-kit';

type MarkName = 'bold' | 'italic' | 'underline' | 'strike' | 'code';

/**
 * Bold, italic, underline, strikethrough and inline code, from StarterKit's own extensions, with their Markdown
 * shortcuts (`**bold**`, `*italic*`, `~~struck~~`, `` `code` ``) and keys (Mod+B, Mod+I, Mod+U, Mod+Shift+S, Mod+E).
 * Nothing is changed from TipTap's defaults: the options are here so each mark is enabled on purpose.
 */
export const markOptions: { [name in MarkName]: Exclude<StarterKitOptions[name], false> } = {
  bold: {},
  italic: {},
  underline: {},
  strike: {},
  code: {},
};
