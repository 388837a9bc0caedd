import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { CodebookPage } from './models/codebook.model';
import { EntityPage } from './models/entity.model';
import { LibraryPage } from './models/library.model';
import { LinkChartPage, type ExportedChart } from './models/chart.model';
import { CommandPalettePage } from './models/palette.model';
import { WorkspacePage } from './models/workspace.model';

// Tall enough for the whole drawing below the chart's tools, so every entity on it can be reached with the mouse.
test.use({ viewport: { width: 1280, height: 1200 } });

const SAMPLE_ENTITIES = [
  'Dario Venn',
  'HalcyonText',
  'Helena Strand',
  'Marlow Quay',
  'MV Corran Bay',
  'Office of the Public Prosecutor, Vellport',
  'Quayline Logistics',
  'Vellport',
];

async function openSampleChart(page: Page) {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  await new WorkspacePage(page).openSection('Entities');
  await page.getByRole('link', { name: 'Link chart', exact: true }).click();
  const chart = new LinkChartPage(page);
  await expect(chart.status).toContainText('8 of 8 entities, 3 of 3 relationships shown');
  return chart;
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

const place = (exported: ExportedChart, label: string) => {
  const node = exported.nodes.find((candidate) => candidate.label === label)!;
  return { x: node.x, y: node.y };
};

test('the sample case’s link chart: filters, a neighbourhood, a path in words, and its JSON export', async ({ page }) => {
  const chart = await openSampleChart(page);
  expect(await chart.shownNames()).toEqual([...SAMPLE_ENTITIES].sort());

  // Places hidden by the type filter, then shown again.
  await chart.toggleEntityType('place');
  await expect(chart.status).toContainText('6 of 8 entities, 3 of 3 relationships shown');
  expect(await chart.shownNames()).not.toContain('Vellport');
  expect(await chart.shownNames()).not.toContain('Marlow Quay');
  await chart.toggleEntityType('place');
  await expect(chart.status).toContainText('8 of 8 entities');

  // Only the relationships more certain than "possible": the ship's goes.
  const confidence = chart.chart.locator('details.link-chart-menu', { hasText: 'Confidence' });
  await confidence.locator('summary').click();
  await confidence.getByRole('checkbox', { name: 'Possible (dotted)' }).click();
  await confidence.locator('summary').click();
  await expect(chart.status).toContainText('8 of 8 entities, 2 of 3 relationships shown');
  await confidence.locator('summary').click();
  await confidence.getByRole('checkbox', { name: 'Possible (dotted)' }).click();
  await confidence.locator('summary').click();

  // Search highlights, whatever the case.
  await chart.chart.getByRole('searchbox', { name: 'Highlight' }).fill('vellport');
  await expect(chart.status).toContainText('2 entities match “vellport”');
  await chart.chart.getByRole('searchbox', { name: 'Highlight' }).fill('');

  // One step around Quayline Logistics: the two entities related to it, and nothing else.
  await chart.focusOn('Quayline Logistics — organisation', 1);
  await expect(chart.status).toContainText('3 of 8 entities, 2 of 3 relationships shown · within 1 step of Quayline Logistics');
  expect(await chart.shownNames()).toEqual(['Dario Venn', 'MV Corran Bay', 'Quayline Logistics']);
  await chart.chart.getByRole('button', { name: 'Show all' }).click();
  await expect(chart.status).toContainText('8 of 8 entities');

  // The path from the ship to Venn, each relationship read the way it is walked (Venn is director of Quayline).
  await chart.findPath('MV Corran Bay — vessel', 'Dario Venn — person');
  const steps = chart.chart.getByRole('list', { name: 'Shortest path, step by step' }).getByRole('listitem');
  await expect(steps).toHaveText(['MV Corran Bay', '→ related to → Quayline Logistics', '→ directed by → Dario Venn']);
  await expect(chart.status).toContainText('path of 2 steps: MV Corran Bay → related to → Quayline Logistics → directed by → Dario Venn');

  // The JSON export holds the entities and relationships shown, with their types, looks and confidences.
  const exported = await chart.exportJson();
  expect(exported.format).toBe('casebook-link-chart');
  expect(exported.nodes.map((node) => node.label).sort()).toEqual([...SAMPLE_ENTITIES].sort());
  expect(exported.nodes.find((node) => node.label.startsWith('Office'))).toMatchObject({ type: 'Authority', typeColour: '#475569', typeLetter: 'A' });
  expect(exported.nodes.find((node) => node.label === 'Dario Venn')).toMatchObject({ type: 'person', typeLetter: 'P' });
  const label = (id: string) => exported.nodes.find((node) => node.id === id)?.label;
  expect(exported.edges.map((edge) => `${label(edge.source)} ${edge.type} ${label(edge.target)} (${edge.confidence})`).sort()).toEqual([
    'Dario Venn director of Quayline Logistics (confirmed)',
    'Helena Strand works for Office of the Public Prosecutor, Vellport (confirmed)',
    'MV Corran Bay related to Quayline Logistics (possible)',
  ]);
  await expect(chart.chart.getByRole('status').filter({ hasText: 'Exported the chart as JSON graph (8 entities).' })).toBeVisible();

  // The SVG picture names each entity with its type, and draws the possible relationship dotted.
  const svgDownload = page.waitForEvent('download');
  await chart.chart.getByRole('button', { name: 'SVG' }).click();
  const svg = await readFile(await (await svgDownload).path(), 'utf8');
  expect(svg).toContain('<title>MV Corran Bay (vessel)</title>');
  expect(svg).toMatch(/data-confidence="possible" stroke-dasharray="2 4"/);
});

test('an entity dragged stays where it was put after a reload, and a click on an entity opens it', async ({ page }) => {
  const chart = await openSampleChart(page);
  await expect(chart.chart.locator('.link-chart-canvas')).toHaveAttribute('data-drawing', /^webgl/);
  await chart.settled();
  const before = await chart.exportJson();

  // Quayline Logistics is dragged a little towards the middle, staying inside the chart's extent.
  const from = await chart.placeOf('Quayline Logistics');
  const box = (await chart.chart.locator('.link-chart-canvas').boundingBox())!;
  const to = { x: from.x + Math.sign(box.x + box.width / 2 - from.x) * 40, y: from.y + Math.sign(box.y + box.height / 2 - from.y) * 30 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: /^Arrangement kept/ })).toBeVisible();
  await expect.poll(async () => distance(await chart.placeOf('Quayline Logistics'), to)).toBeLessThan(2);

  const after = await chart.exportJson();
  expect(place(after, 'Quayline Logistics')).not.toEqual(place(before, 'Quayline Logistics'));
  for (const name of SAMPLE_ENTITIES.filter((entity) => entity !== 'Quayline Logistics')) expect(place(after, name)).toEqual(place(before, name));

  // After a reload the arrangement is as left: nothing is arranged again, and Quayline Logistics is where it was put.
  await page.reload();
  await expect(chart.status).toContainText('8 of 8 entities');
  await chart.settled();
  const reloaded = await chart.exportJson();
  for (const name of SAMPLE_ENTITIES) expect(place(reloaded, name)).toEqual(place(after, name));
  await expect.poll(async () => distance(await chart.placeOf('Quayline Logistics'), to)).toBeLessThan(2);

  // The PNG export is the picture as drawn.
  const pngDownload = page.waitForEvent('download');
  await chart.chart.getByRole('button', { name: 'PNG' }).click();
  const png = await readFile(await (await pngDownload).path());
  expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
  expect(png.length).toBeGreaterThan(2_000);

    // A click on an entity opens its page, which opens the chart again on its neighbourhood.
  const venn = await chart.placeOf('Dario Venn');
  await page.mouse.click(venn.x, venn.y);
  await expect(page).toHaveURL(/\/entities\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Dario Venn' })).toBeVisible();
  await page.getByRole('link', { name: 'Show on link chart' }).click();
  await expect(chart.status).toContainText('2 of 8 entities, 1 of 3 relationships shown · within 1 step of Dario Venn');
  expect(await chart.shownNames()).toEqual(['Dario Venn', 'Quayline Logistics']);
  await expect(chart.chart.getByRole('combobox', { name: 'Neighbourhood of' })).toHaveValue('Dario Venn — person');
});

test('the link chart opens from the command palette, every control in it named', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  const palette = new CommandPalettePage(page);
  await palette.openWithKeyboard();
  await palette.run('open link chart');
  await expect(page.getByRole('heading', { level: 1, name: 'Link chart' })).toBeVisible();
  const chart = new LinkChartPage(page);
  await expect(chart.status).toContainText('8 of 8 entities');
  expect(await chart.shownNames()).toHaveLength(8);
  // Once arranged: *Stop arranging* shows only while the layout runs, and would leave the list being checked.
  await chart.settled();
  // Those shown (the filters' check boxes are named once their menu opens, as the first test uses them).
  const controls = chart.chart.locator('button, input, select, textarea, a[href], summary').filter({ visible: true });
  expect(await controls.count()).toBeGreaterThan(20);
  for (const control of await controls.all()) await expect(control).toHaveAccessibleName(/\S/);
});

test('the chart draws what the case records: a tag and a relationship added on the entities’ pages, filtered by tag, type and date', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  const entity = new EntityPage(page);
  await entity.open('Helena Strand');
  await entity.article.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit Helena Strand' });
  await CodebookPage.pick(form, 'suspects', 'People › Suspects');
  await form.getByRole('combobox', { name: 'Tags' }).press('Escape');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(entity.article.getByRole('list', { name: 'Tags' })).toHaveText('People › Suspects');
  await entity.addRelationship({ type: 'contacted', other: 'Dario Venn', from: '2023-03', confidence: 'probable' });
  await expect(entity.relationships.getByRole('listitem')).toHaveCount(2);

  await page.getByRole('link', { name: 'Show on link chart' }).click();
  const chart = new LinkChartPage(page);
  await expect(chart.status).toContainText('3 of 8 entities, 2 of 4 relationships shown · within 1 step of Helena Strand');
  expect(await chart.shownNames()).toEqual(['Dario Venn', 'Helena Strand', 'Office of the Public Prosecutor, Vellport']);
  await chart.chart.getByRole('button', { name: 'Show all' }).click();
  await expect(chart.status).toContainText('8 of 8 entities, 4 of 4 relationships shown');

  // Only the entities tagged as suspects.
  const tags = chart.chart.locator('details.link-chart-menu', { hasText: 'Tags' });
  await tags.locator('summary').click();
  await tags.getByRole('checkbox', { name: 'People › Suspects' }).click();
  await tags.locator('summary').click();
  await expect(chart.status).toContainText('1 of 8 entities, 0 of 4 relationships shown');
  expect(await chart.shownNames()).toEqual(['Helena Strand']);
  await tags.locator('summary').click();
  await tags.getByRole('checkbox', { name: 'People › Suspects' }).click();
  await tags.locator('summary').click();

  // Without "contacted"; then only what was in force from 2024 (the ship's relationship ended in February 2023).
  const types = chart.chart.locator('details.link-chart-menu', { hasText: 'Relationship types' });
  await types.locator('summary').click();
  await types.getByRole('checkbox', { name: 'contacted' }).click();
  await types.locator('summary').click();
  await expect(chart.status).toContainText('8 of 8 entities, 3 of 4 relationships shown');
  await types.locator('summary').click();
  await types.getByRole('checkbox', { name: 'contacted' }).click();
  await types.locator('summary').click();
  await chart.chart.getByRole('textbox', { name: 'In force from' }).fill('2024');
  await expect(chart.status).toContainText('8 of 8 entities, 3 of 4 relationships shown');
  const exported = await chart.exportJson();
  expect(exported.edges.map((edge) => edge.type).sort()).toEqual(['contacted', 'director of', 'works for']);
});
