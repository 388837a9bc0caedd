import { HostError } from '../../../shared/contract';
import { externalUrlSchema } from '../../../shared/contractSchemas';
import { askAndOpenExternally } from '../externalLinks';
import { defineHandler } from './guard';

/** A link the renderer asks to open: the schema has normalised it, and the researcher is asked before it opens. */
export const openExternal = defineHandler({
  name: 'openExternal',
  action: 'open the link',
  schema: externalUrlSchema,
  async run(address, context) {
    try {
      await askAndOpenExternally(address, context.window);
    } catch (error) {
      // The system has no program for the address, or the one it has failed to start.
      const reason = error instanceof Error ? error.message : String(error);
      throw new HostError(
        'not-found',
        `No program on this computer opened ${address} (${reason}). Copy the address and open it in your web browser or mail program.`,
      );
    }
  },
});
