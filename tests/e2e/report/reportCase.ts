import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { CodebookPage } from '../models/codebook.model';
import { CommandPalettePage } from '../models/palette.model';
import { DocumentsPage, fixture } from '../models/documents.model';
import { EventsPage } from '../models/events.model';
import { ExcerptsPage } from '../models/excerpts.model';
import { LibraryPage } from '../models/library.model';
import { NoteTextPage } from '../models/noteText.model';
import { NotesModel } from '../models/notes.model';
import { ReaderPage } from '../models/reader.model';
import { WorkspacePage } from '../models/workspace.model';

/** The fictional case the report's tests build through the UI: a Polish and a Chinese source, read in their scripts. */
export const CASE = 'Przystań ledgers';
export const POLISH = { file: 'article-pl-windows1250.txt', title: 'Rada Miejska zbada źródła finansowania przystani' };
export const CHINESE = { file: 'article-zh.html', title: '港口管理局公布码头账簿调查结果' };
export const QUOTES = {
  invoices: 'Według świadków część faktur zniknęła z archiwum jeszcze przed kontrolą.',
  board: 'Żaden z członków zarządu nie odpowiedział jednak na pytania dotyczące brakującego rejestru opłat.',
  ledgers: '纸质账簿在审计前三周从档案室失踪',
} as const;
export const TAGS = { witnesses: { typed: 'witn', path: 'Witnesses' }, finance: { typed: 'fina', path: 'Finance' } } as const;
export const PEOPLE = { chair: 'Zofia Wiśniewska', authority: '港口管理局', city: 'Łódź' } as const;
export const EVENTS = { vanished: 'Invoices vanish from the archive', hearing: 'Ledgers reported missing' } as const;
export const NOTE = 'Wnioski: co wiemy';

/** The SHA-256 of a fixture file, as the sources section must print it. */
export const sha256Of = (name: string) => createHash('sha256').update(readFileSync(fixture(name))).digest('hex');

/**
 * Builds the case as a researcher would: a codebook, two sources imported, three excerpts marked and tagged, three
 * entities, two events with their evidence, participants and place, and a note that mentions a person and quotes an
 * excerpt.
 */
export async function buildReportCase(page: Page) {
  const library = new LibraryPage(page);
  const workspace = new WorkspacePage(page);
  const documents = new DocumentsPage(page);
  const reader = new ReaderPage(page);
  const excerpts = new ExcerptsPage(page);
  const codebook = new CodebookPage(page);
  const events = new EventsPage(page);
  const notes = new NotesModel(page);
  const text = new NoteTextPage(page);

  await library.goto();
  await library.createCase(CASE);
  await excerpts.open();
  await codebook.open();
  await codebook.addTag('Witnesses');
  await codebook.addTag('Finance');
  await workspace.addEntity(PEOPLE.chair, 'person');
  await workspace.addEntity(PEOPLE.authority, 'organisation');
  await workspace.addEntity(PEOPLE.city, 'place');

  await workspace.openSection('Documents');
  await documents.importFiles(POLISH.file, CHINESE.file);
  await expect(documents.report).toContainText('2 imported');

  await documents.openFromReport(POLISH.file);
  await expect(reader.heading).toHaveText(POLISH.title);
  await reader.select(QUOTES.invoices);
  await page.keyboard.press('ControlOrMeta+e');
  await reader.describeMarked({ comment: 'Świadkowie mówią o fakturach', tags: [TAGS.witnesses] });
  await reader.select(QUOTES.board);
  await page.keyboard.press('ControlOrMeta+e');
  await reader.describeMarked({ comment: 'No answer from the board', tags: [TAGS.finance] });

  await documents.openFromReport(CHINESE.file);
  await expect(reader.heading).toHaveText(CHINESE.title);
  await reader.select(QUOTES.ledgers);
  await page.keyboard.press('ControlOrMeta+e');
  await reader.describeMarked({ comment: 'Paper ledgers gone three weeks before the audit', tags: [TAGS.finance] });

  // Two events, each made from its excerpt (its evidence), dated at the precision the sources give.
  const palette = new CommandPalettePage(page);
  for (const [quote, title, date, place] of [
    [QUOTES.invoices, EVENTS.vanished, 'October 2022', PEOPLE.city],
    [QUOTES.ledgers, EVENTS.hearing, 'May 2023', null],
  ] as const) {
    await excerpts.open();
    await excerpts.row(quote.slice(0, 12)).click();
    await palette.openWithKeyboard();
    await palette.run('New event from excerpt');
    await expect(events.form.getByRole('group', { name: 'Evidence (1 chosen)' })).toBeVisible();
    await events.form.getByLabel('What happened').fill(title);
    await events.dateField.fill(date);
    if (place) await events.pick('Choose a place', 'Choose the place', place);
    if (title === EVENTS.vanished) await events.pick('Add a participant', 'Add a participant', PEOPLE.chair);
    await events.save();
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }

  // A note that mentions the committee's chair.
  await notes.addNote(NOTE);
  const form = notes.form(NOTE);
  await notes.typeInto(form, 'Przewodnicząca ');
  await text.mentionBy('Zofia', PEOPLE.chair);
  await text.type(' mówi, że faktury zniknęły.');
  await expect(notes.status(form)).toHaveText('Saved');
}
