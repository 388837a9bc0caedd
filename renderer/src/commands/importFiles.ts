import { defineCommand } from './types';

/** The file dialog, then the import of the chosen files into the open case (its Documents section shows progress). */
export const importFiles = defineCommand('documents.import', {
  inTextFields: true,
  enabled: ({ targets }) => targets.importFiles !== undefined,
  perform: ({ targets }) => targets.importFiles?.(),
  whenUnavailable: 'Open a case to import files into it; if an import is running, wait for it to finish.',
});
