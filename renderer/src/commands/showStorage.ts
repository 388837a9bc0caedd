import { defineCommand } from './types';

/** Where the case library lives and how safely (persistence, storage used, folder, durability); its view loads when asked for. */
export const showStorage = defineCommand('storage.show', {
  enabled: () => true,
  perform: async () => (await import('../features/storage/openStorage')).openStorage(),
});
