import { expect, test } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { StorageView } from './models/storage.model';
import { WorkspacePage } from './models/workspace.model';

/** A write transaction the page opened, as the wrapped `IDBDatabase.prototype.transaction` saw it. */
interface RecordedTransaction {
  database: string;
  stores: string[];
  mode: IDBTransactionMode;
  /** What the app asked for (`options.durability`), and what the transaction has (`IDBTransaction.durability`). */
  asked: string | null;
  durability: string;
}

test('every write the app makes commits with strict durability', async ({ page }) => {
  // Before any script of the app runs: every transaction any database of the page opens is recorded.
  await page.addInitScript(() => {
    const recorded: unknown[] = [];
    Object.assign(window, { recordedTransactions: recorded });
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const transaction = open.apply(this, args);
      if (transaction.mode !== 'readonly')
        recorded.push({
          database: this.name,
          stores: [...transaction.objectStoreNames],
          mode: transaction.mode,
          asked: args[2]?.durability ?? null,
          durability: transaction.durability,
        });
      return transaction;
    };
  });
  const written = () => page.evaluate(() => (window as unknown as { recordedTransactions: RecordedTransaction[] }).recordedTransactions);

  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Strict writes');
  await expect(page.getByRole('heading', { level: 1, name: /Strict writes/ })).toBeVisible();
  // A draft as well: an entity typed in and not saved yet.
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Entities');
  await page.getByRole('link', { name: 'New entity' }).first().click();
  await page.getByRole('form', { name: 'New entity' }).getByLabel('Name').fill('Oskar Brenn');

  // The case's row, and the draft, were written: the test saw the writes it checks.
  await expect.poll(async () => (await written()).some((write) => write.database === 'casebook' && write.stores.includes('cases'))).toBe(true);
  await expect.poll(async () => (await written()).some((write) => write.database === 'casebook-drafts')).toBe(true);
  const writes = await written();
  expect(writes.filter((write) => write.durability !== 'strict' || write.asked !== 'strict')).toEqual([]);
  console.log(`durability: ${writes.length} write transactions while creating a case and typing a draft, all strict`);
});

test('the storage view shows the browser’s real answers, and the storage used grows with an import', async ({ page, baseURL }) => {
  // Two documents imported and their text indexed, besides the view: longer than a page's usual story.
  test.slow();
  const library = new LibraryPage(page);
  const storage = new StorageView(page);
  await library.goto();
  await storage.openFromLibrary();

  const answer = await storage.browserAnswer();
  await expect(storage.fact('Kept for good')).toContainText(answer.persisted ? 'Persisted. The browser keeps your cases' : 'Not persisted. Your cases stay');
  const empty = await storage.agreedBytes();
  expect(empty.words[1]).toMatch(/^\d+\.\d (MB|GB)$/);
  await expect(storage.fact('Where it lives')).toContainText(
    `In this browser profile: the IndexedDB databases “casebook” (your cases) and “casebook-drafts” (what you typed and did not save yet) of the site ${new URL(baseURL!).origin}.`,
  );
  await expect(storage.fact('Saving')).toContainText('Strict durability. Each change is reported saved only once it is on the disk');
  await storage.close();

  await library.createCase('Storage grows');
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles('three-page-report.pdf', 'court-filing.docx');
  await expect(documents.report).toContainText('Import finished: 2 imported');

  // Opened from the command palette this time, inside a case.
  const palette = new CommandPalettePage(page);
  await palette.openWithKeyboard();
  await palette.run('Storage and safety');
  const imported = await storage.agreedBytes();
  expect(imported.usage).toBeGreaterThan(empty.usage);
  console.log(`storage: ${empty.usage} bytes before the import, ${imported.usage} after, of ${imported.quota}`);
});
