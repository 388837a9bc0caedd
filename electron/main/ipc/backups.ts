import {
  backupSettingsSchema,
  beginBackupRequestSchema,
  finishBackupRequestSchema,
  noteLibraryRequestSchema,
  writeBackupRequestSchema,
} from '../../../shared/contractSchemas';
import { z } from 'zod';
import type { Backups } from '../services/backups';
import { defineHandler } from './guard';

/** The backup requests, answered by the app's one backups folder. */
export function backupHandlers(backups: Backups) {
  return {
    getBackupStatus: defineHandler({
      name: 'getBackupStatus',
      action: 'list the backups',
      schema: z.undefined(),
      run: () => backups.status(),
    }),
    setBackupSettings: defineHandler({
      name: 'setBackupSettings',
      action: 'save the backup settings',
      schema: backupSettingsSchema,
      run: (settings) => backups.setSettings(settings),
    }),
    beginBackup: defineHandler({
      name: 'beginBackup',
      action: 'start the backup',
      schema: beginBackupRequestSchema,
      run: (request) => backups.begin(request),
    }),
    writeBackup: defineHandler({
      name: 'writeBackup',
      action: 'write the backup',
      schema: writeBackupRequestSchema,
      run: (request) => backups.write(request.writeId, request.bytes),
    }),
    finishBackup: defineHandler({
      name: 'finishBackup',
      action: 'finish the backup',
      schema: finishBackupRequestSchema,
      run: (request) => backups.finish(request.writeId, request.commit),
    }),
    noteLibrary: defineHandler({
      name: 'noteLibrary',
      action: 'note the library',
      schema: noteLibraryRequestSchema,
      run: (request) => backups.noteLibrary(request.caseCount),
    }),
  };
}
