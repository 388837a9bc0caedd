import { defineCommand } from './types';

/** Ctrl+K / Cmd+K: the list of every command that can run here, to filter and choose from. */
export const openPalette = defineCommand('palette.open', {
  // It is how one reaches everything else, so it works from any field, and the palette does not list itself.
  inTextFields: true,
  inPalette: false,
  enabled: ({ targets }) => targets.openPalette !== undefined,
  perform: ({ targets }) => targets.openPalette?.(),
});
