import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { MentionsPage } from './models/mentions.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

const BRIEFING = [
  'Dario Venn met the directors of Quayline Logistics in Antwerp on 3 March.',
  '',
  'Venn paid the deposit; Quayline’s crates left Antwerp two days later.',
].join('\n');

test('mentions of the case’s entities are underlined, named, counted, followed through an alias, and exported', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Mentions');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Dario Venn', 'person');
  await workspace.addEntity('Quayline Logistics', 'organisation', 'Quayline');
  await workspace.addEntity('Antwerp', 'place');

  // The briefing's names are underlined in their type's colour, each type a highlight of its own.
  const reader = new ReaderPage(page);
  const mentions = new MentionsPage(page);
  await reader.addTextDocument('Briefing', BRIEFING);
  await expect.poll(() => mentions.underlined()).toEqual({
    'casebook-mention-person': ['Dario Venn'],
    'casebook-mention-organisation': ['Quayline Logistics', 'Quayline'],
    'casebook-mention-place': ['Antwerp', 'Antwerp'],
  });
  const menu = await mentions.openMenu();
  await expect(menu.getByRole('list', { name: 'Entities mentioned here' }).getByRole('listitem')).toHaveText([
    'Quayline Logistics 2 mentions',
    'Antwerp 2 mentions',
    'Dario Venn 1 mention',
  ]);

  // A type's underlines hidden stay hidden when the document is opened again; shown again, they are back.
  await menu.getByRole('checkbox', { name: /place/ }).uncheck();
  await expect.poll(async () => Object.keys(await mentions.underlined())).toEqual(['casebook-mention-person', 'casebook-mention-organisation']);
  await page.reload();
  await expect(reader.heading).toHaveText('Briefing');
  await expect.poll(async () => Object.keys(await mentions.underlined()).sort()).toEqual(['casebook-mention-organisation', 'casebook-mention-person']);
  await (await mentions.openMenu()).getByRole('checkbox', { name: /place/ }).check();
  await expect.poll(async () => (await mentions.underlined())['casebook-mention-place']).toEqual(['Antwerp', 'Antwerp']);
  await page.keyboard.press('Escape');
  await page.locator('details.mentions-menu summary').click();

  // Hovering a mention names its entity; clicking it opens the entity.
  const point = await mentions.pointAt('Quayline Logistics');
  await page.mouse.move(point.x, point.y);
  await expect(mentions.tooltip).toHaveText(/^Quayline Logistics organisation/);
  await page.mouse.click(point.x, point.y);
  await expect(page.getByRole('heading', { name: 'Quayline Logistics', level: 2 })).toBeVisible();
  await expect(mentions.entitySection.getByLabel('Mentions in all')).toHaveText('2 mentions in 1 document');

  // Dario Venn is named once, until "Venn" is his alias: then twice, and a snippet opens the reader at its passage.
  await workspace.openSection('Entities');
  await page.getByRole('link', { name: /^Dario Venn/ }).click();
  await expect(mentions.entitySection.getByLabel('Mentions in all')).toHaveText('1 mention in 1 document');
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit Dario Venn' });
  await form.getByLabel('Aliases').fill('Venn');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(mentions.entitySection.getByLabel('Mentions in all')).toHaveText('2 mentions in 1 document');
  const briefing = mentions.entitySection.getByRole('listitem', { name: 'Briefing, 2 mentions' });
  await expect(briefing.getByRole('link')).toHaveText([
    'Briefing',
    'Dario Venn met the directors of Quayline Logistics in Antwerp on 3…',
    '…directors of Quayline Logistics in Antwerp on 3 March. Venn paid the deposit; Quayline’s crates left Antwerp two days…',
  ]);
  await briefing.getByRole('link', { name: /Venn paid the deposit/ }).click();
  await expect(reader.heading).toHaveText('Briefing');
  await expect.poll(() => mentions.currentMention()).toBe('Venn');

  // The watchlist counts each entity's documents and mentions, sorts and filters them, and opens one.
  await workspace.openSection('Entities');
  const watchlist = await mentions.openWatchlist();
  const rows = () => watchlist.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('aria-label')));
  await expect.poll(rows).toEqual([
    'Antwerp, place: 1 document, 2 mentions',
    'Dario Venn, person: 1 document, 2 mentions',
    'Quayline Logistics, organisation: 1 document, 2 mentions',
  ]);
  await reader.addTextDocument('Second note', 'Antwerp again: the port of Antwerp, and Antwerp’s quays.');
  await workspace.openSection('Entities');
  await mentions.openWatchlist();
  await expect.poll(rows).toEqual([
    'Antwerp, place: 2 documents, 5 mentions',
    'Dario Venn, person: 1 document, 2 mentions',
    'Quayline Logistics, organisation: 1 document, 2 mentions',
  ]);
  await page.getByRole('group', { name: 'Sort by' }).getByRole('button', { name: 'Entity' }).click();
  await expect.poll(rows).toEqual([
    'Antwerp, place: 2 documents, 5 mentions',
    'Dario Venn, person: 1 document, 2 mentions',
    'Quayline Logistics, organisation: 1 document, 2 mentions',
  ]);
  await page.getByRole('group', { name: 'Sort by' }).getByRole('button', { name: 'Entity' }).click();
  await expect.poll(rows).toEqual([
    'Quayline Logistics, organisation: 1 document, 2 mentions',
    'Dario Venn, person: 1 document, 2 mentions',
    'Antwerp, place: 2 documents, 5 mentions',
  ]);
  await page.getByRole('combobox', { name: 'Entity type' }).selectOption('person');
  await expect.poll(rows).toEqual(['Dario Venn, person: 1 document, 2 mentions']);

  // Every mention is a row of the CSV: entity, document, page (none for a text), and the words around it.
  await page.getByRole('combobox', { name: 'Entity type' }).selectOption('');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const note = 'Antwerp again: the port of Antwerp, and Antwerp’s quays.';
  expect(Papa.parse<string[]>(csv.slice(1).trim()).data).toEqual([
    ['Entity', 'Document', 'Page', 'Snippet'],
    ['Dario Venn', 'Briefing', '', 'Dario Venn met the directors of Quayline Logistics in Antwerp on 3…'],
    ['Quayline Logistics', 'Briefing', '', 'Dario Venn met the directors of Quayline Logistics in Antwerp on 3 March. Venn paid the deposit; Quayline’s…'],
    ['Antwerp', 'Briefing', '', 'Dario Venn met the directors of Quayline Logistics in Antwerp on 3 March. Venn paid the deposit; Quayline’s crates left…'],
    ['Dario Venn', 'Briefing', '', '…directors of Quayline Logistics in Antwerp on 3 March. Venn paid the deposit; Quayline’s crates left Antwerp two days…'],
    ['Quayline Logistics', 'Briefing', '', '…Logistics in Antwerp on 3 March. Venn paid the deposit; Quayline’s crates left Antwerp two days later.'],
    ['Antwerp', 'Briefing', '', '…on 3 March. Venn paid the deposit; Quayline’s crates left Antwerp two days later.'],
    ['Antwerp', 'Second note', '', note],
    ['Antwerp', 'Second note', '', note],
    ['Antwerp', 'Second note', '', note],
  ]);

  // From the watchlist a row opens its entity.
  await page.getByRole('list', { name: 'Watchlist' }).getByRole('link', { name: /^Antwerp/ }).click();
  await expect(page.getByRole('heading', { name: 'Antwerp', level: 2 })).toBeVisible();
  await expect(mentions.entitySection.getByLabel('Mentions in all')).toHaveText('5 mentions in 2 documents');
});

test('mentions are underlined in a web page’s formatted text and on a PDF’s pages, and the export gives the page', async ({ page }) => {
  await new LibraryPage(page).goto();
  await new LibraryPage(page).createCase('Mentions in imports');
  const workspace = new WorkspacePage(page);
  await workspace.addEntity('Inés Calloway', 'person');
  await workspace.addEntity('Port of Saltmere', 'place');
  await workspace.addEntity('District Court', 'organisation');

  const documents = new DocumentsPage(page);
  const mentions = new MentionsPage(page);
  await workspace.openSection('Documents');
  await documents.importFiles('news-article.html', 'court-opinion.pdf');
  await documents.openFromReport('news-article.html');
  await expect.poll(async () => (await mentions.underlined())['casebook-mention-person']).toEqual(['Inés Calloway']);
  expect((await mentions.underlined())['casebook-mention-place']?.[0]).toBe('Port of Saltmere');

  await documents.openFromReport('court-opinion.pdf');
  await expect.poll(async () => (await mentions.underlined())['casebook-mention-organisation']?.length ?? 0).toBeGreaterThan(0);

  // The court's mentions in the PDF, with their pages, open at their page.
  await workspace.openSection('Entities');
  await page.getByRole('link', { name: /^District Court/ }).click();
  const opinion = mentions.entitySection.getByRole('list', { name: 'Documents mentioning this entity' }).getByRole('listitem').first();
  await expect(opinion).toContainText('page 1');
  await mentions.openWatchlist();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  // The opinion names the court on both its pages.
  expect(csv).toMatch(/^District Court,[^,]+,1,/m);
  expect(csv).toMatch(/^District Court,[^,]+,2,/m);
});
