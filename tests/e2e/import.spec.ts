import { expect, test, type Page } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

async function openNewCase(page: Page, name: string) {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase(name);
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Documents');
  return { workspace, documents: new DocumentsPage(page) };
}

test.describe('importing documents', () => {
  test('a batch of every format imports, with the article cleaned out of its page and its metadata filled in', async ({ page }) => {
    const { workspace, documents } = await openNewCase(page, 'Import formats');
    await documents.importFiles(
      'news-article.html',
      'three-page-report.pdf',
      'court-filing.docx',
      'report.md',
      'article-pl-windows1250.txt',
      'notes-utf16le.txt',
    );
    await expect(documents.report).toContainText('Import finished: 6 imported');

    await documents.list.getByRole('link').filter({ hasText: /Vellport|quay|port/i }).first().waitFor();
    await documents.openFromReport('news-article.html');
    const reader = page.getByRole('article');
    await expect(reader).toContainText('less than three weeks before auditors were due to inspect it');
    await expect(reader).not.toContainText('ADVERTISEMENT');
    await expect(reader).not.toContainText(/accept (all )?cookies/i);
    await expect(reader).not.toContainText(/newsletter/i);
    // Metadata from the page; the absurd JSON-LD date gave way to the one printed on the page.
    const details = new ReaderPage(page);
    await expect(reader.getByRole('heading', { level: 2 }).first()).toHaveText('Inquiry hears port ledger went missing weeks before audit');
    await expect(details.detail('Published')).toHaveText('14 March 2023 · from the text: “Published 14 March 2023”');
    await expect(details.detail('Site')).toHaveText('The Harbour Courier');
    await expect(details.detail('Authors')).toContainText('Marta Kowalczyk');
    await expect(reader).toContainText('was not plausible; used the date shown on the page');

    // Polish text in a legacy encoding reads correctly.
    await documents.openFromReport('article-pl-windows1250.txt');
    await expect(page.getByRole('article')).toContainText(/[ąćęłńóśźż]/);

    await workspace.openSection('Overview');
    await expect(workspace.count('documents')).toHaveText('6');
    await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText('Imported news-article.html as');
  });

  test('the same file twice is caught and offered to open', async ({ page }) => {
    const { documents } = await openNewCase(page, 'Duplicates');
    await documents.importFiles('report.md');
    await page.getByRole('button', { name: 'Close report' }).click();
    await documents.importFiles('report.md');
    const line = documents.reportLine('report.md');
    await expect(line).toContainText('Skipped (duplicate)');
    await expect(line).toContainText('report.md: already imported as “');
    await line.getByRole('link', { name: 'Open it' }).click();
    await expect(page.getByRole('article')).toBeVisible();
    await expect(documents.list.getByRole('listitem')).toHaveCount(1);
  });

  test('bad files are reported one by one, nothing is stored for them, and the good file still imports', async ({ page }) => {
    const { workspace, documents } = await openNewCase(page, 'Bad input');
    await documents.importFiles('encrypted.pdf', 'truncated.pdf', 'not-a-zip.docx', 'empty.txt', 'unknown.bin', 'report.md');
    await expect(documents.report).toContainText('1 imported');
    await expect(documents.report).toContainText('5 failed');
    await expect(documents.reportLine('encrypted.pdf')).toContainText(/encrypted\.pdf: .*password/i);
    await expect(documents.reportLine('truncated.pdf')).toContainText(/truncated\.pdf: .*damaged|incomplete/i);
    await expect(documents.reportLine('not-a-zip.docx')).toContainText(/not-a-zip\.docx: .*zip/i);
    await expect(documents.reportLine('empty.txt')).toContainText(/empty\.txt: .*empty/i);
    await expect(documents.reportLine('unknown.bin')).toContainText(/unknown\.bin: .*not supported|unknown/i);

    await workspace.openSection('Overview');
    await expect(workspace.count('documents')).toHaveText('1');
    const activity = page.getByRole('list', { name: 'Recent activity' });
    await expect(activity).toContainText('Imported report.md');
    await expect(activity).not.toContainText('encrypted.pdf');
  });

  test('files dropped anywhere on the case import into it', async ({ page }) => {
    const { workspace, documents } = await openNewCase(page, 'Drag and drop');
    await workspace.openSection('Entities');
    await documents.dropFiles('.drop-zone', ['report.md', 'article-es.html']);
    await expect(documents.report).toContainText('Import finished: 2 imported');
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    await expect(documents.list.getByRole('listitem')).toHaveCount(2);
  });

  test('a hostile saved page imports with its scripts, frames and trackers neutralised', async ({ page }) => {
    const remote: string[] = [];
    page.on('request', (request) => {
      if (!new URL(request.url()).hostname.startsWith('127.0.0.1')) remote.push(request.url());
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const { documents } = await openNewCase(page, 'Hostile page');
    await documents.importFiles('hostile.html');
    await expect(documents.report).toContainText('1 imported');
    await documents.openFromReport('hostile.html');
    const reader = page.getByRole('article');
    await expect(reader).toBeVisible();
    await expect(reader.locator('script, iframe, object, embed, [onerror], [onclick], a[href^="javascript:"]')).toHaveCount(0);
    await expect(reader.locator('img[src^="http"], [srcset], [style*="url("]')).toHaveCount(0);
    expect(dialogs).toEqual([]);
    expect(remote).toEqual([]);
  });

  test('a pasted web page is cleaned like a saved one', async ({ page }) => {
    const { documents } = await openNewCase(page, 'Paste a page');
    await page.getByRole('button', { name: 'Paste' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste into a new document' });
    await dialog.getByLabel('Source address (optional)').fill('https://harbour.example/news/berth-fees');
    const html =
      '<nav><a href="/">Home</a> <a href="/world">World</a></nav><div>ADVERTISEMENT</div>' +
      '<article><h1>Berth fees rise for the third year</h1>' +
      '<p>The harbour board approved a rise in berth fees for visiting trawlers on Monday, the third in as many years. ' +
      'Members voted six to two after a long debate in which the chair reminded them of the losses of the last winter.</p>' +
      '<p>Skippers said the increase would push smaller boats to the neighbouring port, where fees are lower. ' +
      'Several of them had written to the board before the meeting, asking for a discount for boats under twelve metres.</p>' +
      '<p>The board said the money would pay for dredging the eastern channel before the winter storms.</p></article>' +
      '<footer>Share on Facebook · Newsletter</footer><img src="https://tracker.example/p.gif">';
    await dialog.getByLabel('Pasted content').evaluate((textarea, pasted) => {
      const data = new DataTransfer();
      data.setData('text/html', pasted);
      data.setData('text/plain', 'Berth fees rise for the third year');
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await expect(dialog.getByText('A web page was pasted: the article will be cleaned out of it.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(documents.report).toContainText('1 imported');
    await documents.report.getByRole('link').first().click();
    const reader = page.getByRole('article');
    await expect(reader).toContainText('dredging the eastern channel');
    await expect(reader).not.toContainText('ADVERTISEMENT');
    await expect(reader).toContainText('https://harbour.example/news/berth-fees');
  });

  test('pasted text becomes a new document with its source address', async ({ page }) => {
    const { documents } = await openNewCase(page, 'Paste');
    await page.getByRole('button', { name: 'Paste' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste into a new document' });
    await dialog.getByLabel('Title (optional)').fill('Harbour notice');
    await dialog.getByLabel('Source address (optional)').fill('https://harbour.example/notice');
    await dialog.getByLabel('Pasted content').fill('The quay closes at dusk from 1 April.');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(documents.report).toContainText('1 imported');
    await documents.openFromReport('Harbour notice');
    await expect(page.getByRole('article')).toContainText('The quay closes at dusk from 1 April.');
    await expect(page.getByRole('article')).toContainText('https://harbour.example/notice');
  });
});

test('a file over the size limit is refused with its size, and nothing is read or stored', async ({ page }) => {
  const { workspace, documents } = await openNewCase(page, 'Huge file');
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(201 * 1024 * 1024)], 'scan-archive.pdf'));
    return transfer;
  });
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(documents.reportLine('scan-archive.pdf')).toContainText(
    'scan-archive.pdf is 201 MB; Casebook imports files up to 200 MB.',
  );
  await workspace.openSection('Overview');
  await expect(workspace.count('documents')).toHaveText('0');
});

test('a file name with folders or control characters is cleaned before it is shown or stored', async ({ page }) => {
  const { documents } = await openNewCase(page, 'Odd names');
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Witness list\n\nTwo names.'], '../../private/wit\u0007ness\u0000list.txt'));
    return transfer;
  });
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
  const line = documents.reportLine('witnesslist.txt');
  await expect(line).toContainText('Imported');
  await expect(documents.report).not.toContainText('private');
  await line.getByRole('link').click();
  await expect(page.getByRole('article')).toContainText('witnesslist.txt');
});
