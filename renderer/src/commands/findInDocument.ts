import { defineCommand } from './types';

/** Opens the open document's find bar, or selects what it holds to find something else. */
export const findInDocument = defineCommand('document.find', {
  // Ctrl+F from the list's filter box or the search box still means "find in this document".
  inTextFields: true,
  enabled: ({ targets }) => targets.findInDocument !== undefined,
  perform: ({ targets }) => targets.findInDocument?.(),
  whenUnavailable: 'Open a document in its Text or Pages view first.',
});
