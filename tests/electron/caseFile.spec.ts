import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { binary, launchCasebook, NO_BINARY } from './launch';

/**
 * A `.casebook` archive handed to the desktop app by the system: named on the command line (as the file association
 * starts the app on Windows and Linux), main gives the renderer a token, and the archive's dialog reads the file
 * through it. The dialog's own story (checking, importing, replacing) is told in tests/e2e against Chromium.
 */
test.skip(binary === null, NO_BINARY);

test('an archive named on the command line opens in the archive’s dialog, read through main', async () => {
  const file = path.join(tmpdir(), `notes-${process.pid}.casebook`);
  writeFileSync(file, 'These are notes saved with the wrong extension, not a Casebook archive.\n'.repeat(20));
  const { app, page, userData } = await launchCasebook([file]);
  try {
    const dialog = page.getByRole('dialog', { name: 'Open case archive' });
    // The bytes came through main: the refusal names the file and says what it is not.
    await expect(dialog.getByRole('alert')).toHaveText(new RegExp(`^${path.basename(file).replace('.', '\\.')} is not a Casebook archive: it is not a zip file`), {
      timeout: 30_000,
    });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // File > Open case archive… opens the same dialog from the application menu.
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('archive.import')?.click());
    await expect(dialog.getByRole('button', { name: 'Choose archive…' })).toBeVisible();
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
});
