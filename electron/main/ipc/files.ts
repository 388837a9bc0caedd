import { dialog, type OpenDialogOptions } from 'electron';
import { openFilesRequestSchema } from '../../../shared/contractSchemas';
import { readPickedFile } from './fileAccess';
import { defineHandler } from './guard';

export const openFiles = defineHandler({
  name: 'openFiles',
  action: 'open the files',
  schema: openFilesRequestSchema,
  async run(request, { window }) {
    const options: OpenDialogOptions = {
      title: request.title,
      filters: request.filters,
      properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    };
    const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    if (picked.canceled) return [];
    // One after another: each file may be up to 200 MB, and holding several at once would strain memory.
    const files = [];
    for (const filePath of picked.filePaths) files.push(await readPickedFile(filePath));
    return files;
  },
});
