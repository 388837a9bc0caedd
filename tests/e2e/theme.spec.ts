import { expect, test } from '@playwright/test';

for (const scheme of ['light', 'dark'] as const) {
  test(`follows the system's ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    if (scheme === 'dark') expect(luminance).toBeLessThan(0.2);
    else expect(luminance).toBeGreaterThan(0.8);
  });
}
