import { shell } from 'electron';
import { HostError } from '../../../shared/contract';
import { externalUrlSchema } from '../../../shared/contractSchemas';
import { defineHandler } from './guard';

export const openExternal = defineHandler({
  name: 'openExternal',
  action: 'open the link',
  schema: externalUrlSchema,
  async run(url) {
    try {
      await shell.openExternal(url);
    } catch (error) {
      // The system has no program for the address, or the one it has failed to start.
      const reason = error instanceof Error ? error.message : String(error);
      throw new HostError(
        'not-found',
        `No program on this computer opened ${url} (${reason}). Copy the address and open it in your web browser or mail program.`,
      );
    }
  },
});
