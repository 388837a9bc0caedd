import { isElectron } from '../platform';
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

/** The desktop app's backups: each case's, to restore, and their settings. The browser keeps none. */
export const restoreBackup = defineCommand('backup.restore', {
  enabled: () => isElectron,
  perform: async () => (await import('../features/backups/openBackups')).openBackups(),
  whenUnavailable: 'Backups are kept by the desktop app. In a browser, keep a copy of each case with Export case archive….',
});
