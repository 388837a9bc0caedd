import { defineCommand } from './types';

/** Opens the open document's suggested entities: the names its text gives, for the researcher to accept or dismiss. */
export const suggestEntities = defineCommand('entity.suggest', {
  enabled: ({ targets }) => targets.suggestEntities !== undefined,
  perform: ({ targets }) => targets.suggestEntities?.(),
  whenUnavailable: 'Open a document with text first.',
});
