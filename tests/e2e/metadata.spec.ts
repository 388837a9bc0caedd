import { expect, test, type Page } from '@playwright/test';
import { DocumentsPage } from './models/documents.model';
import { LibraryPage } from './models/library.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

/** Imports the files into a new case and returns the reader, opened on none yet. */
async function importIntoNewCase(page: Page, caseName: string, ...files: string[]) {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase(caseName);
  await new WorkspacePage(page).openSection('Documents');
  const documents = new DocumentsPage(page);
  await documents.importFiles(...files);
  await expect(documents.report).toContainText(`Import finished: ${files.length} imported`);
  return { documents, reader: new ReaderPage(page) };
}

test.describe('what the reader says about an imported document', () => {
  test('a court opinion, a Word memo and Markdown notes arrive with a title, a date and its source, and a language', async ({ page }) => {
    const { documents, reader } = await importIntoNewCase(page, 'Metadata', 'court-opinion.pdf', 'memo-heading.docx', 'site-visit-notes.txt');

    // The report names each file by the title found in it.
    await expect(documents.reportLine('court-opinion.pdf')).toContainText('United States v. Doe');
    await expect(documents.reportLine('memo-heading.docx')).toContainText('Memorandum over de huurovereenkomst van de oostkade');

    await documents.openFromReport('court-opinion.pdf');
    await expect(page.getByRole('article').getByRole('heading', { level: 2 }).first()).toHaveText('United States v. Doe');
    await expect(reader.detail('Type')).toHaveText('PDF · 2 pages');
    await expect(reader.detail('Published')).toHaveText('3 March 2021 · from the text: “Decided March 3, 2021”');
    await expect(reader.detail('Language')).toHaveText('en · detected from the text');

    await reader.open('Memorandum over de huurovereenkomst van de oostkade');
    await expect(reader.detail('Published')).toHaveText('12 May 2022 · from the text: “Datum: 12 mei 2022”');
    await expect(reader.detail('Language')).toHaveText('nl · detected from the text');
    await expect(reader.detail('Author')).toHaveText('Afdeling Havenzaken');
    // The memo's own paragraph style is nothing the reader needs to hear about.
    await expect(page.getByRole('list', { name: 'Notes on this document' })).toHaveCount(0);

    await reader.open('Site visit to the east quay');
    await expect(reader.detail('Type')).toHaveText('Markdown');
    await expect(reader.detail('Published')).toHaveText('18 April 2023 · from its front matter');
    await expect(reader.detail('Author')).toHaveText('Ana Ruiz');
    await expect(reader.detail('Source')).toHaveText('https://notes.example/quay/site-visit');
    // Shown formatted: a heading, bold words and links rather than their Markdown.
    await expect(reader.body.getByRole('heading', { name: 'Site visit' })).toBeVisible();
    await expect(reader.body.getByRole('link', { name: 'February' })).toBeVisible();
    await expect(reader.body).not.toContainText('](');
    await expect(reader.body).not.toContainText('title:');
  });

  test('a date and a language set by hand no longer claim to come from the text', async ({ page }) => {
    const { documents, reader } = await importIntoNewCase(page, 'Metadata edits', 'useless-title.pdf');
    await documents.openFromReport('useless-title.pdf');
    await expect(page.getByRole('article').getByRole('heading', { level: 2 }).first()).toHaveText('Prüfbericht zum Pachtvertrag des Osthafens');
    await expect(reader.detail('Type')).toHaveText('PDF · 1 page');
    await expect(reader.detail('Published')).toHaveText('9 March 2021 · from the text: “Veröffentlicht am 9. März 2021”');
    await expect(reader.detail('Language')).toHaveText('de · detected from the text');

    await reader.editDetails({ Published: '2021-03-10', Language: 'de-DE' });
    await expect(reader.detail('Published')).toHaveText('10 March 2021');
    await expect(reader.detail('Language')).toHaveText('de-DE');
  });
});
