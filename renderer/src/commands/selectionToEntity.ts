import { defineCommand } from './types';

const whenUnavailable = 'Select the words in a document’s Text or Pages view first.';

/** Opens, at the selection in the open document, a new entity named by the words selected. */
export const newEntityFromSelection = defineCommand('entity.fromSelection', {
  enabled: ({ targets }) => targets.selectionToEntity !== undefined,
  perform: ({ targets }) => targets.selectionToEntity?.('new'),
  whenUnavailable,
});

/** Links the words selected in the open document to an entity: the passage becomes an excerpt that mentions it. */
export const linkSelectionToEntity = defineCommand('entity.linkSelection', {
  enabled: ({ targets }) => targets.selectionToEntity !== undefined,
  perform: ({ targets }) => targets.selectionToEntity?.('link'),
  whenUnavailable,
});
