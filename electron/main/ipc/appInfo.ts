import { app } from 'electron';
import { z } from 'zod';
import { defineHandler } from './guard';

export const getAppInfo = defineHandler({
  name: 'getAppInfo',
  action: 'report its version',
  schema: z.undefined(),
  async run() {
    return { name: app.getName(), version: app.getVersion(), host: 'electron', platform: process.platform, dataFolder: app.getPath('userData') };
  },
});
