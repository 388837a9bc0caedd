import { defineCommand } from './types';

/** Opens the dates the open document's text gives, resolved against its published date, to make events of. */
export const findDates = defineCommand('dates.find', {
  enabled: ({ targets }) => targets.findDates !== undefined,
  perform: ({ targets }) => targets.findDates?.(),
  whenUnavailable: 'Open a document with text first.',
});
