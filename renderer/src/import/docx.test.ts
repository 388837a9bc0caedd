import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { summariseMessages } from './docx';
import { parseFile } from './parse';
import { ImportError } from './types';
import { listZipEntries, readZipEntry } from './zip';

const parseDocxFixture = () => parseFile({ name: 'court-filing.docx', bytes: readFixture('court-filing.docx') });

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  const error = await parseFile({ name, bytes }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

/** The HTML as the converter wrote it, without the numbers of the text lines each element holds. */
const withoutLineNumbers = (html: string | null) => (html ?? '').replace(/ data-lines="[\d ]*"/g, '');

describe('Word documents', () => {
  it('keeps headings, the bulleted list and the table as HTML', async () => {
    const html = withoutLineNumbers((await parseDocxFixture()).html);
    expect(html).toContain('<h1>Witness Statement of Eleanor Marsh</h1>');
    expect(html).toContain('<h2>Background</h2>');
    expect(html).toContain('<h2>Statement of truth</h2>');
    expect(html).toMatch(/<ul><li>The ledger was on the second shelf of the locked cabinet\.<\/li><li>The key register/);
    expect(html).toMatch(/<table>.*<td><p><strong>Exhibit<\/strong><\/p><\/td>.*<td><p>Photograph of the empty shelf<\/p><\/td>.*<\/table>/s);
  });

  it('keeps what was typed into the legacy form fields, and the tick box', async () => {
    const { text, html } = await parseDocxFixture();
    expect(text).toContain('Name of witness: Eleanor Marsh');
    expect(text).toContain('Occupation: Senior clerk, Saltmere Harbour Trust');
    expect(text).toContain('Signed: E. Marsh Date: 3 March 2023');
    expect(text).toContain('☒ I confirm that this statement is true.');
    expect(html).toMatch(/<input type="checkbox" checked(="checked")?\s*\/?>/);
  });

  it('writes the text as paragraphs, list items and table rows', async () => {
    const { text } = await parseDocxFixture();
    expect(text.startsWith('Witness Statement of Eleanor Marsh\n\nName of witness: Eleanor Marsh\n\n')).toBe(true);
    expect(text).toContain('• The ledger was on the second shelf of the locked cabinet.\n• The key register showed no entries after 17:40.');
    expect(text).toContain('Exhibit\tDescription\tDate\nEM/1\tKey register, January 2023\t27 January 2023\nEM/2\tPhotograph of the empty shelf\t30 January 2023');
  });

  it('leaves out headers and footers, as mammoth does', async () => {
    const { text, html } = await parseDocxFixture();
    for (const running of ['Claim No. HC-2023-000417', 'Filed on behalf of the Claimant']) {
      expect(text).not.toContain(running);
      expect(html).not.toContain(running);
    }
  });

  it('takes the title and author from the document’s properties, and the date from its “Date:” line', async () => {
    const document = await parseDocxFixture();
    expect(document).toMatchObject({
      kind: 'docx',
      title: 'Witness statement of E. Marsh (HC-2023-000417)',
      authors: ['Quayside Legal LLP'],
      publishedAt: '2023-03-03',
      publishedAtSource: { from: 'text', quote: 'Date: 3 March 2023' },
      language: 'en',
      languageSource: 'detected',
      warnings: [],
    });
  });

  it('takes the title from the first heading when the file has no title property, and says nothing of its own styles', async () => {
    const document = await parseFile({ name: 'memo-heading.docx', bytes: readFixture('memo-heading.docx') });
    expect(document).toMatchObject({
      title: 'Memorandum over de huurovereenkomst van de oostkade',
      authors: ['Afdeling Havenzaken'],
      publishedAt: '2022-05-12',
      publishedAtSource: { from: 'text', quote: 'Datum: 12 mei 2022' },
      language: 'nl',
      languageSource: 'detected',
      warnings: [],
    });
    expect(document.text.startsWith('Gemeente Saltmere · Afdeling Havenzaken\n\nMemorandum over de huurovereenkomst')).toBe(true);
  });

  it('refuses a .docx that is not a zip archive', async () => {
    expect(await refusal('not-a-zip.docx', readFixture('not-a-zip.docx'))).toMatch(/^is not a Word document \(\.docx\): it is not a zip archive/);
  });

  it('explains a password-protected (or renamed .doc) file', async () => {
    const bytes = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal('sealed.docx', bytes)).toMatch(/^is protected by a password, or is an older Word file \(\.doc\) renamed to \.docx/);
  });

  it('refuses a zip without a Word document in it, and a damaged one', async () => {
    const docx = readFixture('court-filing.docx');
    const entries = listZipEntries(docx)!;
    // Rename every part out of word/ by rewriting the names in place (same length).
    const renamed = docx.slice();
    const text = new TextDecoder('latin1').decode(renamed);
    for (let at = text.indexOf('word/'); at >= 0; at = text.indexOf('word/', at + 1)) renamed.set(new TextEncoder().encode('wprd/'), at);
    expect(entries.some((entry) => entry.name === 'word/document.xml')).toBe(true);
    expect(await refusal('other.docx', renamed)).toBe('is not a Word document (.docx): it is a zip archive without a Word document in it.');
    expect(await refusal('cut.docx', docx.subarray(0, 2000))).toMatch(/^is damaged or incomplete and could not be read as a Word document/);
  });

  it('reads the document’s properties from its zip archive', async () => {
    const docx = readFixture('court-filing.docx');
    const core = listZipEntries(docx)!.find((entry) => entry.name === 'docProps/core.xml')!;
    expect(new TextDecoder().decode((await readZipEntry(docx, core))!)).toContain('<dc:creator>Quayside Legal LLP</dc:creator>');
    expect(listZipEntries(new TextEncoder().encode('not a zip'))).toBeNull();
  });

  it('says what mammoth noticed in words for the reader, and nothing about styles', () => {
    expect(
      summariseMessages([
        { type: 'warning', message: "Unrecognised paragraph style: 'Body Text' (Style ID: BodyText)" },
        { type: 'warning', message: "Unrecognised run style: 'Emphasis Strong' (Style ID: ES)" },
        { type: 'warning', message: 'Paragraph style with ID Briefhoofd was referenced but not defined in the document' },
        { type: 'warning', message: 'Ignoring complex field end character without corresponding start character' },
        { type: 'warning', message: 'Image of type image/x-wmf is unlikely to display in web browsers' },
        { type: 'warning', message: 'Image of type image/x-wmf is unlikely to display in web browsers' },
        { type: 'warning', message: 'A w:sym element with an unsupported character was ignored: char F0FC in font Wingdings' },
        { type: 'warning', message: 'unexpected non-row element in table, cell merging may be incorrect' },
        { type: 'warning', message: 'Something mammoth has not said before' },
      ]),
    ).toEqual([
      'An image in this document is in a format (image/x-wmf) that may not show here; open the original file to see it.',
      'A symbol from a decorative font (such as Wingdings) could not be shown and was left out.',
      'A table has merged cells that may not be shown exactly as in Word.',
      'While converting the Word file: Something mammoth has not said before',
    ]);
  });
});
