import { defineCommand } from './types';

const whenUnavailable = 'Open a document with excerpts in its Text or Pages view first.';

/** Shows the open document's next excerpt, in text order from the caret or the excerpt shown, beside the text. */
export const nextExcerpt = defineCommand('excerpt.next', {
  enabled: ({ targets }) => targets.stepExcerpt !== undefined,
  perform: ({ targets }) => targets.stepExcerpt?.('next'),
  whenUnavailable,
});

/** Shows the open document's previous excerpt, as `nextExcerpt` does the next. */
export const previousExcerpt = defineCommand('excerpt.previous', {
  enabled: ({ targets }) => targets.stepExcerpt !== undefined,
  perform: ({ targets }) => targets.stepExcerpt?.('previous'),
  whenUnavailable,
});
