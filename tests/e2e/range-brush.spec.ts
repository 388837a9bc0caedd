import { expect, test, type Page } from '@playwright/test';
import { LinkChartPage } from './models/chart.model';
import { ExcerptsPage } from './models/excerpts.model';
import { LibraryPage } from './models/library.model';
import { RangeBrush } from './models/rangeBrush.model';
import { WorkspacePage } from './models/workspace.model';

// Tall enough for the timeline, its range controls and the section's list.
test.use({ viewport: { width: 1280, height: 1100 } });

const ARRESTS = 'More than 40 people were arrested in dawn raids on 13 March 2023.';
const READING = 'Investigators begin reading HalcyonText messages';

async function openSampleTimeline(page: Page) {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Timeline');
  await expect(page.getByRole('region', { name: 'Timeline chart' }).locator('.vis-item').first()).toBeVisible();
  return workspace;
}

test('a range set on the timeline filters the excerpts, the entities and the link chart until it is cleared', async ({ page }) => {
  const workspace = await openSampleTimeline(page);
  const brush = new RangeBrush(page);

  // March 2023, as precise as typed: the raids of the 13th and the hearing of the 16th fall in it.
  await brush.typeDates('March 2023');
  await expect(brush.chip).toHaveText(/Showing only what falls between 1 March 2023 and 31 March 2023 · 2 of 4 events fall in the range/);
  // Drawn on the timeline as two bars the researcher can drag.
  await expect(page.locator('.vis-custom-time.range-brush-start')).toHaveCount(1);
  await expect(page.locator('.vis-custom-time.range-brush-end')).toHaveCount(1);

  // The excerpts view lists only the evidence of those events, and says so.
  const excerpts = new ExcerptsPage(page);
  await excerpts.open();
  await expect(brush.chip).toContainText('1 of 5 excerpts falls in the range');
  await expect(excerpts.rows).toHaveCount(1);
  await expect(excerpts.rows.first()).toContainText(ARRESTS);

  // The entities: those taking part in the events of March 2023, and the raids' place.
  await workspace.openSection('Entities');
  await expect(brush.chip).toContainText('Showing only what falls between 1 March 2023 and 31 March 2023');
  await expect(brush.chip).toContainText('3 of 8 entities fall in the range');
  await expect(workspace.list('Entities').getByRole('listitem')).toHaveText([/Dario Venn/, /Helena Strand/, /Vellport/]);

  // The link chart: the same three, and no relationship (none is dated to March 2023).
  await page.getByRole('link', { name: 'Link chart' }).click();
  const chart = new LinkChartPage(page);
  await chart.settled();
  await expect(brush.chip).toContainText('3 of 8 entities fall in the range');
  expect(await chart.shownNames()).toEqual(['Dario Venn', 'Helena Strand', 'Vellport']);

  // Cleared with one click: every entity is back, and so is every excerpt.
  await brush.clear();
  await chart.settled();
  expect(await chart.shownNames()).toHaveLength(8);
  await excerpts.open();
  await expect(excerpts.rows).toHaveCount(5);
  await expect(brush.chip).toBeHidden();
});

test('a relationship dated in the range brings its entities, its supporting excerpts and itself to the chart', async ({ page }) => {
  const workspace = await openSampleTimeline(page);
  const brush = new RangeBrush(page);
  // The Corran Bay's route for Quayline, October 2022 to February 2023: no event falls in December 2022.
  await brush.typeDates('December 2022', '2022-12-15');
  await expect(brush.chip).toContainText('between 1 December 2022 and 15 December 2022 · 0 of 4 events fall in the range');

  const excerpts = new ExcerptsPage(page);
  await excerpts.open();
  await expect(brush.chip).toContainText('2 of 5 excerpts fall in the range');
  await expect(excerpts.rows).toHaveText([/Lantern/, /MV Corran Bay/]);

  await workspace.openSection('Entities');
  await page.getByRole('link', { name: 'Link chart' }).click();
  const chart = new LinkChartPage(page);
  await chart.settled();
  // The range holds across a reload of the window (kept for the session).
  await page.reload();
  await chart.settled();
  await expect(brush.chip).toContainText('2 of 8 entities fall in the range');
  expect(await chart.shownNames()).toEqual(['MV Corran Bay', 'Quayline Logistics']);
  await expect(chart.status).toContainText('2 of 2 entities, 1 of 1 relationships shown');
});

test('the window the timeline shows becomes the range, and dragging its end narrows it', async ({ page }) => {
  await openSampleTimeline(page);
  const brush = new RangeBrush(page);
  const chart = page.getByRole('region', { name: 'Timeline chart' });

  // Every dated event is in the window first drawn.
  await brush.controls.getByRole('button', { name: 'Filter the case to the window shown' }).click();
  await expect(brush.chip).toContainText('4 of 4 events fall in the range');

  // Zoomed out, the range's bars are inside the window rather than at its edges.
  const window = await chart.getByRole('status').textContent();
  await chart.getByRole('button', { name: 'Zoom out' }).click();
  await expect(chart.getByRole('status')).not.toHaveText(window!);

  // The range's end dragged to between the reading of the messages (June 2022) and the raids (March 2023).
  const end = page.locator('.vis-custom-time.range-brush-end');
  const endBox = (await end.boundingBox())!;
  const reading = (await chart.locator('.vis-item', { hasText: READING }).boundingBox())!;
  const raids = (await chart.locator('.vis-item', { hasText: 'Raids and arrests' }).boundingBox())!;
  const target = (reading.x + reading.width + raids.x) / 2;
  const y = endBox.y + endBox.height / 2;
  await page.mouse.move(endBox.x + endBox.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(target, y, { steps: 12 });
  await page.mouse.up();
  await expect(brush.chip).toContainText('2 of 4 events fall in the range');
});
