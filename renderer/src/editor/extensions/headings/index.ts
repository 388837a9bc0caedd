import type { StarterKitOptions } from '@tiptap/starter-kit';

/** The heading levels a text may have. Level 1 is the record's own title (a note's, a document's), never its text's. */
export const HEADING_LEVELS = [2, 3, 4] as const;

export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/**
 * Headings, from StarterKit's heading extension: `## `, `### ` and `#### ` at the start of a line make one, and
 * Mod+Alt+2 to 4 turn the line into one (Mod+Alt+0 back into plain text).
 */
export const headingOptions: Exclude<StarterKitOptions['heading'], false> = { levels: [...HEADING_LEVELS] };
