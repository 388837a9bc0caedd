import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './models/library.model';
import { WorkspacePage } from './models/workspace.model';

// Tall enough for the timeline above the section's list and the event opened beside it.
test.use({ viewport: { width: 1280, height: 1100 } });

const SEIZURE = 'Cocaine found in a container of frozen fish at the Marlow Quay';
const READING = 'Investigators begin reading HalcyonText messages';
const RAIDS = 'Raids and arrests in Vellport, Port Aster and Kessel';
const HEARING = 'Suspects before the investigating judge';
const QUESTIONED = 'Harbour master questioned';

async function openSampleTimeline(page: Page) {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSample();
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Timeline');
  return workspace;
}

test('the sample case’s events are drawn at their precision, in lanes, filtered, and open the event they show', async ({ page }) => {
  const workspace = await openSampleTimeline(page);
  const chart = page.getByRole('region', { name: 'Timeline chart' });
  const drawn = (title: string) => chart.locator('.vis-item', { hasText: title });

  // A year and a month are drawn as the span they cover; a day as a point.
  await expect(drawn(SEIZURE)).toHaveClass(/\bvis-range\b.*\btl-precision-year\b|\btl-precision-year\b.*\bvis-range\b/);
  await expect(drawn(READING)).toHaveClass(/\btl-precision-month\b/);
  await expect(drawn(READING)).toHaveClass(/\bvis-range\b/);
  await expect(drawn(RAIDS)).toHaveClass(/\btl-precision-day\b/);
  await expect(drawn(RAIDS)).toHaveClass(/\bvis-point\b/);

  // An event made with the event form joins the chronology: known to the year, it comes before June of that year.
  await workspace.addEvent(QUESTIONED, '2022');
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONED })).toBeVisible();
  await expect(drawn(QUESTIONED)).toHaveClass(/\btl-precision-year\b/);
  await expect(chart.getByRole('status')).toContainText('5 events in view');
  await chart.getByText(/^Events in view/).click();
  const inView = chart.getByRole('list', { name: 'Events in view' }).getByRole('listitem');
  await expect(inView).toHaveText([
    `${SEIZURE}2021`,
    `${QUESTIONED}2022`,
    `${READING}June 2022`,
    `${RAIDS}13 March 2023`,
    `${HEARING}16 March 2023`,
  ]);

  // Lanes by place: the seizure at the Marlow Quay, the raids in Vellport, and the events with no place known.
  await chart.getByLabel('Lanes').selectOption({ label: 'Place' });
  await expect(chart.locator('.vis-label')).toHaveText(['Marlow Quay', 'Vellport', 'No place']);

  // Lanes by participant: one lane per entity taking part, and one for the events no one is recorded in.
  await chart.getByLabel('Lanes').selectOption({ label: 'Participant' });
  await expect(chart.locator('.vis-label')).toHaveText(['Dario Venn', 'HalcyonText', 'Helena Strand', 'No participant']);
  await expect(chart.locator('.vis-item-content')).toHaveCount(5);

  // Filtered by an entity, only its events are left, on the chart and in the list of what is in view.
  await page.getByRole('group', { name: 'Filters' }).getByLabel('Entity').selectOption({ label: 'Dario Venn' });
  await expect(chart.locator('.vis-item-content')).toHaveCount(1);
  await expect(inView).toHaveText([`${RAIDS}13 March 2023`]);
  await expect(chart.getByRole('status')).toContainText('1 event in view');

  // A click on the drawn event opens it beside the timeline.
  await drawn(RAIDS).click();
  await expect(page.getByRole('heading', { level: 2, name: RAIDS })).toBeVisible();

  // The keyboard route: the list of the events in view, each a button.
  await page.getByRole('group', { name: 'Filters' }).getByLabel('Entity').selectOption({ label: 'Any' });
  await inView.filter({ hasText: HEARING }).getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: HEARING })).toBeVisible();
});

test('the chronological list groups the events by year and month, with the timeline’s filters', async ({ page }) => {
  await openSampleTimeline(page);
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const list = page.getByRole('region', { name: 'Chronological list' });
  await expect(list.getByRole('listitem')).toHaveText([
    /^2021\s*1 event$/,
    `${SEIZURE}2021`,
    /^2022\s*1 event$/,
    /^June 2022\s*1 event$/,
    `${READING}June 2022`,
    /^2023\s*2 events$/,
    /^March 2023\s*2 events$/,
    `${RAIDS}13 March 2023`,
    `${HEARING}16 March 2023`,
  ]);
  await expect(list.getByRole('heading', { level: 3 })).toHaveText([/^2021/, /^2022/, /^June 2022/, /^2023/, /^March 2023/]);

  await page.getByRole('group', { name: 'Filters' }).getByLabel('Entity').selectOption({ label: 'HalcyonText' });
  await expect(list.getByRole('listitem')).toHaveText([/^2022/, /^June 2022/, `${READING}June 2022`]);

  // Arrow keys move between the events, skipping the headings; Enter opens one.
  await page.getByRole('group', { name: 'Filters' }).getByLabel('Entity').selectOption({ label: 'Any' });
  await list.getByRole('button', { name: new RegExp(`^${SEIZURE}`) }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('button', { name: new RegExp(`^${READING}`) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: READING })).toBeVisible();
  await expect(list.getByRole('button', { name: new RegExp(`^${READING}`) })).toHaveAttribute('aria-current', 'true');

  // The choice of the list is kept: the section opens on it again.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Chronological list' })).toBeVisible();
});
