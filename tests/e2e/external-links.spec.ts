import { expect, test, type Page } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

/**
 * A saved web page (fictional) whose links try what links in documents try: a host with a look-alike letter (the
 * Cyrillic "а" in "hаrbour"), a mail link that would write the message and add a copy, a user name that makes the
 * address read like the app's own.
 */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Quay lighting contract</title></head>
<body><article>
<h1>Quay lighting contract</h1>
<p>The harbour board published its decision on the quay lighting contract on Monday. According to
<a href="https://hаrbour-board.example/statement">the board’s statement</a>, the tender was reopened after two
bidders withdrew, and the contract was awarded to the only remaining bidder at a higher price.</p>
<p>Questions about the tender go to the <a href="mailto:press@harbour-board.example?subject=Tender&amp;body=Please%20send%20the%20files&amp;bcc=copy@elsewhere.example">press office</a>,
which said the minutes of the meeting would be published within a month, together with the bids.</p>
<p>Councillors who asked for the minutes were sent to <a href="https://app.casebook@evil.example/minutes">the minutes page</a>,
which the board says it does not run. The board has not said who does.</p>
</article></body></html>`;

/** The look-alike host as it really is: the address shown, and the only one ever opened. */
const STATEMENT = 'https://xn--hrbour-board-x9j.example/statement';

async function openPage(page: Page): Promise<ReaderPage> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Quay lighting');
  await new WorkspacePage(page).openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importPages({ name: 'quay-lighting.html', html: PAGE });
  await expect(documents.report).toContainText('1 imported');
  await documents.openFromReport('quay-lighting.html');
  const reader = new ReaderPage(page);
  await expect(reader.heading).toBeVisible();
  return reader;
}

test('a link in a document asks first with its real address, and opens nothing unless the researcher agrees', async ({ page, context }) => {
  const opened: string[] = [];
  context.on('page', (newPage) => opened.push(newPage.url()));
  // No internet here: the statement's page is answered locally, so the opened tab has an address to check.
  await context.route(`${STATEMENT}*`, (route) => route.fulfill({ contentType: 'text/plain', body: 'The statement.' }));
  const reader = await openPage(page);

  // The look-alike host is shown as it really is; Cancel (which has the focus) opens nothing.
  await reader.body.getByRole('link', { name: 'the board’s statement' }).click();
  const browserQuestion = page.getByRole('dialog', { name: 'Open in your web browser?' });
  await expect(browserQuestion).toBeVisible();
  await expect(browserQuestion.locator('code')).toHaveText(STATEMENT);
  await expect(browserQuestion.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await browserQuestion.getByRole('button', { name: 'Cancel' }).click();
  await expect(browserQuestion).toBeHidden();

  // A middle click asks the same question rather than opening a tab; Escape cancels.
  await reader.body.getByRole('link', { name: 'the board’s statement' }).click({ button: 'middle' });
  await expect(browserQuestion.locator('code')).toHaveText(STATEMENT);
  await page.keyboard.press('Escape');
  await expect(browserQuestion).toBeHidden();

  // A mail link shows its recipient only: the subject, body and hidden copy are dropped.
  await reader.body.getByRole('link', { name: 'press office' }).click();
  const mailQuestion = page.getByRole('dialog', { name: 'Open in your mail program?' });
  await expect(mailQuestion.locator('code')).toHaveText('mailto:press@harbour-board.example');
  await mailQuestion.getByRole('button', { name: 'Cancel' }).click();
  await expect(mailQuestion).toBeHidden();

  // An address with a user name before its host is refused with a message, without a question.
  await reader.body.getByRole('link', { name: 'the minutes page' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Casebook could not open the link' })).toHaveText(
    /The address holds a user name or password before its host, which hides where it leads\./,
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Open opens exactly the address shown, and nothing had opened before it.
  await reader.body.getByRole('link', { name: 'the board’s statement' }).click();
  const popup = context.waitForEvent('page');
  await browserQuestion.getByRole('button', { name: 'Open' }).click();
  const tab = await popup;
  await tab.waitForURL(STATEMENT);
  await expect(tab.locator('body')).toHaveText('The statement.');
  expect(opened).toHaveLength(1);
  // Opened without a way back to the app.
  expect(await tab.evaluate(() => window.opener)).toBeNull();
});

test('a web link in a rich-text summary asks first too, and Cancel opens nothing', async ({ page, context }) => {
  const opened: string[] = [];
  context.on('page', (newPage) => opened.push(newPage.url()));
  const reader = await openPage(page);
  // An address typed in the summary becomes a link as it is written.
  await reader.editDetails({}, 'Minutes at https://harbour-board.example/minutes/2024 ');
  const summary = page.getByRole('article').locator('.rich-text-view');
  await summary.getByRole('link', { name: 'https://harbour-board.example/minutes/2024' }).click();
  const question = page.getByRole('dialog', { name: 'Open in your web browser?' });
  await expect(question.locator('code')).toHaveText('https://harbour-board.example/minutes/2024');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  // Still in the app, on the document, and no tab opened.
  await expect(reader.heading).toHaveText('Quay lighting contract');
  expect(opened).toEqual([]);
});
