import { defineCommand } from './types';

/** The open case as a `.casebook` archive, written where the researcher chooses. */
export const exportArchive = defineCommand('archive.export', {
  enabled: ({ targets }) => targets.exportArchive !== undefined,
  perform: ({ targets }) => targets.exportArchive?.(),
  whenUnavailable: 'Open a case first.',
});

/**
 * A `.casebook` archive brought in, from anywhere in the app: its dialog (choosing the file, checking it, importing
 * it as a new case or over the one it came from) loads when first asked for.
 */
export const importArchive = defineCommand('archive.import', {
  enabled: () => true,
  perform: async () => (await import('../features/archive/importDialog')).openArchiveImport(),
});
