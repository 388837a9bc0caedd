import { shell } from 'electron';
import { externalUrlSchema } from '../../../shared/contractSchemas';
import { defineHandler } from './guard';

export const openExternal = defineHandler({
  name: 'openExternal',
  action: 'open the link',
  schema: externalUrlSchema,
  async run(url) {
    await shell.openExternal(url);
  },
});
