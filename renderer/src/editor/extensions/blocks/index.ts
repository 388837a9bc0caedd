import type { StarterKitOptions } from '@tiptap/starter-kit';

type BlockName = 'blockquote' | 'codeBlock' | 'horizontalRule';

/**
 * Quotes, code blocks and horizontal rules, from StarterKit's own extensions, with their Markdown shortcuts (`> `,
 * ` ``` `, `---`) and keys (Mod+Shift+B, Mod+Alt+C). A code block keeps what is typed as it is, with no highlighting:
 * it is for a log line or an address copied exactly, not for programs.
 */
export const blockOptions: { [name in BlockName]: Exclude<StarterKitOptions[name], false> } = {
  blockquote: {},
  codeBlock: { enableTabIndentation: false },
  horizontalRule: {},
};
