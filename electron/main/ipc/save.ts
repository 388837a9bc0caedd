import path from 'node:path';
import { app, dialog, type SaveDialogOptions } from 'electron';
import { saveFileRequestSchema } from '../../../shared/contractSchemas';
import { writeChosenFile } from './fileAccess';
import { defineHandler, type RequestContext } from './guard';

/** Asks where to save, starting in Documents; null when the user cancels. */
export async function chooseSaveLocation(
  context: RequestContext,
  options: Pick<SaveDialogOptions, 'title' | 'filters'> & { suggestedName: string },
): Promise<string | null> {
  const dialogOptions: SaveDialogOptions = {
    title: options.title,
    filters: options.filters,
    defaultPath: path.join(app.getPath('documents'), options.suggestedName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const chosen = context.window
    ? await dialog.showSaveDialog(context.window, dialogOptions)
    : await dialog.showSaveDialog(dialogOptions);
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
}

export const saveFile = defineHandler({
  name: 'saveFile',
  action: 'save the file',
  schema: saveFileRequestSchema,
  async run(request, context) {
    const location = await chooseSaveLocation(context, {
      title: 'Save',
      filters: request.filters,
      suggestedName: request.suggestedName,
    });
    if (!location) return { saved: false, location: null };
    await writeChosenFile(location, request.bytes);
    return { saved: true, location };
  },
});
