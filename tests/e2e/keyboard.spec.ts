import { expect, test, type Page } from '@playwright/test';

/** Presses Tab until the focused element matches, failing after a bounded number of presses. */
async function tabTo(page: Page, matches: (element: { role: string | null; text: string; label: string | null }) => boolean) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return {
        role: element?.getAttribute('role') ?? element?.tagName.toLowerCase() ?? null,
        text: element?.textContent?.trim() ?? '',
        label: element?.getAttribute('aria-label') ?? null,
      };
    });
    if (matches(focused)) return;
  }
  throw new Error('The control was not reached with Tab');
}

test('the workspace can be used with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();

  await tabTo(page, (el) => el.text === 'Create a case');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New case' })).toBeVisible();
  await page.keyboard.type('Keyboard case');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard case' })).toBeVisible();

  // Alt+4 opens Entities; the section's controls follow in Tab order.
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Entities' })).toBeVisible();
  await tabTo(page, (el) => el.text === 'New entity');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'New entity' })).toBeVisible();
  await page.keyboard.type('Ilse Marek');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Ilse Marek' })).toBeVisible();

  // The navigation is reachable too: Tab from the top of the page to the Timeline link.
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard case' })).toBeVisible();
  await page.locator('body').focus();
  await tabTo(page, (el) => el.text.startsWith('Timeline'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();

  // A dialog closes with Escape and gives the focus back.
  await page.keyboard.press('Alt+1');
  await tabTo(page, (el) => el.text === 'Rename or describe');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Rename or describe' })).toBeFocused();
});

test('every control in the sample case has an accessible name', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample case' }).click();
  for (const section of ['Overview', 'Documents', 'Excerpts', 'Entities', 'Timeline', 'Notes']) {
    await page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: new RegExp(`^${section}`) }).click();
    // Excerpts are a table (a grid of rows, the first row its column headers); notes a tree; the other sections, lists of links.
    const first =
      section === 'Excerpts'
        ? page.getByRole('grid', { name: section }).getByRole('row').nth(1)
        : section === 'Notes'
          ? page.getByRole('tree', { name: section }).getByRole('treeitem').first()
          : page.getByRole('list', { name: section }).getByRole('link').first();
    if (section !== 'Overview') await first.click();
    const controls = page.locator('button, input, select, textarea, a[href], [role="textbox"]');
    const count = await controls.count();
    expect(count).toBeGreaterThan(3);
    for (let index = 0; index < count; index++) {
      await expect(controls.nth(index)).toHaveAccessibleName(/\S/);
    }
  }
});
