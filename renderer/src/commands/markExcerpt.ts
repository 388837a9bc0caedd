import { defineCommand } from './types';

/** Marks the words selected in the open document as an excerpt, opening its panel at the selection. */
export const markExcerpt = defineCommand('excerpt.mark', {
  enabled: ({ targets }) => targets.markExcerpt !== undefined,
  perform: ({ targets }) => targets.markExcerpt?.(),
  whenUnavailable: 'Select the words to mark in a document’s Text or Pages view first.',
});
