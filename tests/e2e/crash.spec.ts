import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { DatabaseRows } from '../../renderer/src/db/consistency';
import { countOf, RECORD_KINDS, RECORD_TYPES } from '../../shared/vocabulary';
import { ArchivePage } from './models/archive.model';
import { DocumentsPage } from './models/documents.model';
import { EntityPage } from './models/entity.model';
import { EventsPage } from './models/events.model';
import { ExcerptsPage } from './models/excerpts.model';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';
import { recordAttackFigure } from '../attackFigures';
import { CrashableBrowser, SEEDS, countWrites, crashDuring, databaseRows, expectLibraryOpensConsistent, pick, seededRandom } from './support/crash';

/**
 * Nothing lost on a crash: Chromium is killed with SIGKILL at a point a seeded generator picks (the k-th IndexedDB
 * write seen after an operation begins) during an import batch, a burst of edits, an entity merge and a case archive's
 * import. Each scenario runs on one profile, crash after crash; after each, the relaunched app opens its library, the
 * database holds together (renderer/src/db/consistency.ts), each operation is whole or absent, every edit the app had
 * shown as saved is there, the sections' counts are the rows', and search finds what was imported.
 */

type Rows = DatabaseRows[string];
const named = (rows: Rows, key: string, value: string) => rows.filter((row) => row[key] === value);
const caseNamed = (rows: DatabaseRows, name: string) => named(rows.cases ?? [], 'name', name)[0];
const ofCase = (rows: DatabaseRows, table: string, caseId: unknown) => named(rows[table] ?? [], 'caseId', caseId as string);

/** One crash scenario: what one launch sets up, what each seed prepares and then does under the kill, what must hold after. */
interface Scenario {
  /** Once, in the first launch. */
  setUp: (page: Page) => Promise<void>;
  /** Each launch's own preparation of the page, before it opens the app (a stand-in for a dialog ...). */
  launched?: (page: Page) => Promise<void>;
  /** Before the kill point is armed: what the operation needs. */
  prepare: (page: Page, seed: number) => Promise<void>;
  /** The operation under test. `acknowledged` collects what the app showed as saved. */
  act: (page: Page, seed: number, acknowledged: string[]) => Promise<void>;
  /** After each crash, on the relaunched app: what must hold of every seed so far (seed 0 ran whole). */
  verify: (page: Page, rows: DatabaseRows, seeds: Map<number, string[]>) => Promise<void>;
}

/** Pads a seed so that no name is the start of another ("Merged 1" and "Merged 10"). */
const padded = (seed: number) => String(seed).padStart(3, '0');

async function runScenario(title: string, scenario: Scenario, baseURL: string): Promise<void> {
  // A quiet machine's two minutes and a minute and a half a seed, tripled for a busy one as test.slow() does.
  test.setTimeout(3 * (120_000 + SEEDS * 90_000));
  // Outside test-results, which another Playwright run in the same checkout empties as it starts: a profile deleted
  // under a live browser once left a scenario waiting for ever.
  const profile = mkdtempSync(join(tmpdir(), 'casebook-crash-profile-'));
  const launch = () => CrashableBrowser.launch(profile, baseURL, scenario.launched);
  let browser = await launch();
  await expectLibraryOpensConsistent(browser.page);
  await scenario.setUp(browser.page);

  // Seed 0 runs the operation whole, to count the writes it makes: each seed's kill point is picked among them.
  const seeds = new Map<number, string[]>([[0, []]]);
  await scenario.prepare(browser.page, 0);
  browser.count();
  await scenario.act(browser.page, 0, seeds.get(0)!);
  const writes = browser.count();
  expect(writes).toBeGreaterThan(0);

  let survived = 0;
  let cut = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const random = seededRandom(seed * 1_000_003 + title.length);
    await scenario.prepare(browser.page, seed);
    const acknowledged: string[] = [];
    seeds.set(seed, acknowledged);
    // One more than the writes counted: some kills fall just after the operation has finished.
    browser.killAt(pick(random, writes + 1));
    if (await crashDuring(browser, () => scenario.act(browser.page, seed, acknowledged))) cut++;

    browser = await launch();
    const rows = await expectLibraryOpensConsistent(browser.page);
    await scenario.verify(browser.page, rows, seeds);
    survived++;
  }
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  recordAttackFigure('crash seeds survived', survived, title);
  console.log(`crash seeds survived: ${survived} (${title}: ${cut} killed during the operation, ${survived - cut} just after it; ${writes} writes in it)`);
}

/** The case's sections show as many records as its rows hold. */
async function expectCounts(page: Page, rows: DatabaseRows, caseId: string) {
  await page.goto(`/#/case/${encodeURIComponent(caseId)}`);
  const nav = new WorkspacePage(page).nav;
  for (const type of RECORD_TYPES) {
    const { sectionLabel, table } = RECORD_KINDS[type];
    await expect(nav.getByRole('link', { name: `${sectionLabel}, ${countOf(type, ofCase(rows, table, caseId).length)}`, exact: true })).toBeVisible();
  }
}

/** Search in the open case finds each document by a word of its text (the saved index caught up after the crash). */
async function expectSearchFinds(page: Page, documents: Rows) {
  const search = page.getByRole('search');
  for (const document of documents) {
    const word = String(document.text).match(/\p{L}{7,}/u)?.[0];
    if (!word) continue;
    await search.getByLabel('Search this case').fill(word);
    await expect(search.getByRole('option').filter({ hasText: String(document.title).slice(0, 24) }).first()).toBeVisible();
  }
  await search.getByLabel('Search this case').fill('');
}

const BATCH = ['harbour-log.txt', 'site-visit-notes.txt', 'news-article.html', 'court-filing.docx', 'three-page-report.pdf'];

test('killed during an import batch: each file is imported whole with its text, original and search entry, or not at all', async ({ baseURL }) => {
  const library = (page: Page) => new LibraryPage(page);
  await runScenario(
    'import batch',
    {
      setUp: async () => {},
      prepare: async (page, seed) => {
        await library(page).goto();
        await library(page).createCase(`Imports ${padded(seed)}`);
        await new WorkspacePage(page).openSection('Documents');
      },
      act: async (page) => {
        const documents = new DocumentsPage(page);
        await documents.importFiles(...BATCH);
        await expect(documents.report).toContainText(`Import finished: ${BATCH.length} imported`, { timeout: 60_000 });
      },
      verify: async (page, rows, seeds) => {
        for (const seed of seeds.keys()) {
          const caseFile = caseNamed(rows, `Imports ${padded(seed)}`);
          // The case itself was made before the kill point was armed.
          expect(caseFile).toBeDefined();
          const documents = ofCase(rows, 'documents', caseFile!.id);
          if (seed === 0) expect(documents).toHaveLength(BATCH.length);
          for (const document of documents) {
            expect(BATCH).toContain(document.fileName);
            expect(String(document.text).trim()).not.toBe('');
          }
        }
        // The last crash's case: its counts, and search finds each document it kept.
        const last = caseNamed(rows, `Imports ${padded(Math.max(...seeds.keys()))}`)!;
        await expectCounts(page, rows, last.id as string);
        await expectSearchFinds(page, ofCase(rows, 'documents', last.id));
      },
    },
    baseURL!,
  );
});

test('killed during a burst of edits: every entity, excerpt, event and note shown as saved is there after the crash', async ({ baseURL }) => {
  const LINES = Array.from({ length: 300 }, (_, line) => `Crate ${line} was signed for at the quay.`).join('\n');
  let caseId = '';
  await runScenario(
    'edit burst',
    {
      setUp: async (page) => {
        await new LibraryPage(page).createCase('Edits');
        await new ReaderPage(page).addTextDocument('Harbour log', LINES);
        caseId = decodeURIComponent(page.url().match(/#\/case\/([^/]+)/)![1]!);
      },
      prepare: async (page) => {
        await page.goto(`/#/case/${encodeURIComponent(caseId)}`);
        await expect(page.getByRole('heading', { level: 1, name: 'Edits' })).toBeVisible();
      },
      act: async (page, seed, acknowledged) => {
        const workspace = new WorkspacePage(page);
        const name = padded(seed);
        await workspace.addEntity(`Person ${name}`);
        acknowledged.push(`entities:name:Person ${name}`);
        await new ExcerptsPage(page).add(`Crate ${seed} was signed`, 'Harbour log');
        acknowledged.push(`excerpts:quote:Crate ${seed} was signed`);
        await new EventsPage(page).add(`Crates counted ${name}`, '2021-03-09');
        acknowledged.push(`events:title:Crates counted ${name}`);
        await workspace.addNote(`Note ${name}`);
        acknowledged.push(`notes:title:Note ${name}`);
      },
      verify: async (page, rows, seeds) => {
        for (const acknowledged of seeds.values())
          for (const saved of acknowledged) {
            const [table, key, value] = saved.split(':') as [string, string, string];
            expect(named(ofCase(rows, table, caseId), key, value), `${saved}, shown as saved before the crash`).toHaveLength(1);
          }
        await expectCounts(page, rows, caseId);
      },
    },
    baseURL!,
  );
});

test('killed during an entity merge: the merge happened whole (links moved, entity gone) or not at all', async ({ baseURL }) => {
  let caseId = '';
  await runScenario(
    'entity merge',
    {
      setUp: async (page) => {
        await new LibraryPage(page).createCase('Merges');
        await expect(page.getByRole('heading', { level: 1, name: 'Merges' })).toBeVisible();
        caseId = decodeURIComponent(page.url().match(/#\/case\/([^/]+)/)![1]!);
      },
      prepare: async (page, seed) => {
        await page.goto(`/#/case/${encodeURIComponent(caseId)}`);
        const workspace = new WorkspacePage(page);
        await workspace.addEntity(`Kept ${padded(seed)}`);
        await workspace.addEntity(`Merged ${padded(seed)}`, 'person', `Alias ${padded(seed)}`);
        // The entity merged away takes part in an event: the merge moves it to the kept one.
        const events = new EventsPage(page);
        await events.openNew();
        await events.fill(`Meeting ${padded(seed)}`, '2021-03-09');
        await events.pick('Add a participant', 'Add a participant', `Merged ${padded(seed)}`);
        await events.save();
        await expect(page.getByRole('heading', { level: 2, name: `Meeting ${padded(seed)}` })).toBeVisible();
        await new EntityPage(page).open(`Kept ${padded(seed)}`);
      },
      act: async (page, seed) => {
        const kept = `Kept ${padded(seed)}`;
        const merged = `Merged ${padded(seed)}`;
        await page.getByRole('article').getByRole('button', { name: 'Merge…' }).click();
        const dialog = page.getByRole('dialog', { name: `Merge into “${kept}”` });
        await dialog.getByRole('combobox', { name: 'Entity to merge in' }).fill(merged);
        await expect(dialog.getByRole('option').first()).toHaveText(`${merged} person`);
        await page.keyboard.press('Enter');
        await dialog.getByRole('button', { name: `Merge “${merged}” into “${kept}”` }).click();
        await expect(dialog).toBeHidden();
      },
      verify: async (page, rows, seeds) => {
        const entities = ofCase(rows, 'entities', caseId);
        let merges = 0;
        for (const seed of seeds.keys()) {
          const kept = named(entities, 'name', `Kept ${padded(seed)}`)[0]!;
          const merged = named(entities, 'name', `Merged ${padded(seed)}`)[0];
          const event = named(ofCase(rows, 'events', caseId), 'title', `Meeting ${padded(seed)}`)[0]!;
          const aliases = (kept.aliases as { name: string }[]).map((alias) => alias.name);
          if (merged) {
            // Not merged: both as they were.
            expect(aliases).toEqual([]);
            expect(event.participantIds).toEqual([merged.id]);
          } else {
            merges++;
            expect(aliases).toEqual([`Merged ${padded(seed)}`, `Alias ${padded(seed)}`]);
            expect(event.participantIds).toEqual([kept.id]);
          }
          if (seed === 0) expect(merged).toBeUndefined();
        }
        expect(named(ofCase(rows, 'history', caseId), 'action', 'merge')).toHaveLength(merges);
        await expectCounts(page, rows, caseId);
      },
    },
    baseURL!,
  );
});

test('killed during a case archive import: the imported case is all there or not there at all', async ({ baseURL }, testInfo) => {
  const SAMPLE = 'Sample case: Operation Lantern Quay';
  const archive = testInfo.outputPath('sample.casebook');
  /** The sample's rows, table by table: what every imported copy must hold. */
  let expected: Record<string, number> = {};
  const tableCounts = (rows: DatabaseRows, caseId: unknown) =>
    Object.fromEntries(
      Object.keys(rows)
        .filter((table) => table !== 'cases' && table !== 'searchIndexes' && table !== 'history')
        .map((table) => [table, ofCase(rows, table, caseId).length]),
    );
  await runScenario(
    'archive import',
    {
      launched: ArchivePage.stubSaveFilePicker,
      setUp: async (page) => {
        await new LibraryPage(page).openSample();
        const name = await new ArchivePage(page).exportCase();
        await writeFile(archive, await new ArchivePage(page).savedBytes(name));
        const rows = await databaseRows(page);
        expected = tableCounts(rows, caseNamed(rows, SAMPLE)!.id);
      },
      prepare: async (page) => {
        await new LibraryPage(page).goto();
        await new CommandPalettePage(page).openWithKeyboard();
        await new CommandPalettePage(page).run('Open case archive');
        const dialog = page.getByRole('dialog', { name: 'Open case archive' });
        const chooser = page.waitForEvent('filechooser');
        await dialog.getByRole('button', { name: 'Choose archive…' }).click();
        await (await chooser).setFiles(archive);
        await expect(dialog.getByRole('status')).toContainText(`holds the case “${SAMPLE}”`);
      },
      act: async (page) => {
        await page.getByRole('dialog', { name: 'Open case archive' }).getByRole('button', { name: 'Import as a new case' }).click();
        await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${SAMPLE} \\(\\d+\\)$`) })).toBeVisible({ timeout: 30_000 });
      },
      verify: async (page, rows, seeds) => {
        const copies = (rows.cases ?? []).filter((row) => String(row.name).startsWith(`${SAMPLE} (`));
        // Seed 0 imported whole; each crash left one more copy, or none.
        expect(copies.length).toBeGreaterThanOrEqual(1);
        expect(copies.length).toBeLessThanOrEqual(seeds.size);
        for (const copy of copies) {
          expect(tableCounts(rows, copy.id), `${String(copy.name)}, imported whole`).toEqual(expected);
          // The case's own history, and the import's entry.
          expect(named(ofCase(rows, 'history', copy.id), 'action', 'import')).toHaveLength(1);
        }
        const last = copies.at(-1)!;
        await expectCounts(page, rows, last.id as string);
        await expectSearchFinds(page, ofCase(rows, 'documents', last.id));
      },
    },
    baseURL!,
  );
});

test('the page crashed during a burst of edits: a new page opens the library, with every edit shown as saved and the database whole', async ({ context, page }) => {
  test.slow();
  // The renderer crashes at the k-th write after the burst begins, k picked by seed 1 among the first 12.
  let writes = 0;
  let crashAt = Infinity;
  const cdp = await context.newCDPSession(page);
  await countWrites(page, () => {
    if (++writes === crashAt) void cdp.send('Page.crash').catch(() => {});
  });
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Renderer crash');
  await expect(page.getByRole('heading', { level: 1, name: 'Renderer crash' })).toBeVisible();

  // The crash comes within a burst of edits that takes its time on a busy machine: the test's own limit bounds it.
  const crashed = page.waitForEvent('crash', { timeout: 0 });
  writes = 0;
  crashAt = pick(seededRandom(1), 12);
  const acknowledged: string[] = [];
  const workspace = new WorkspacePage(page);
  // Its steps fail once the page is gone: what it acknowledged before is what counts.
  void (async () => {
    for (let index = 0; index < 12; index++) {
      await workspace.addEntity(`Witness ${padded(index)}`);
      acknowledged.push(`Witness ${padded(index)}`);
    }
  })().catch(() => {});
  await crashed;

  const fresh = await context.newPage();
  const rows = await expectLibraryOpensConsistent(fresh);
  const caseFile = caseNamed(rows, 'Renderer crash')!;
  const names = ofCase(rows, 'entities', caseFile.id).map((entity) => entity.name);
  for (const name of acknowledged) expect(names).toContain(name);
  await expectCounts(fresh, rows, caseFile.id as string);
});
