import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { CodebookPage } from './models/codebook.model';
import { EntityPage } from './models/entity.model';
import { LibraryPage } from './models/library.model';
import { CommandPalettePage } from './models/palette.model';
import { ReaderPage } from './models/reader.model';
import { WorkspacePage } from './models/workspace.model';

const TEXT = 'Port log 港口. Marta Kowal zapłaciła gotówką 现金 for the berth.';

/** Runs a command from the palette and gives the file it saved, with the name it was saved under. */
async function runAndSave(page: Page, command: string): Promise<{ name: string; bytes: Uint8Array }> {
  const palette = new CommandPalettePage(page);
  const saved = page.waitForEvent('download');
  await palette.openWithKeyboard();
  await palette.run(command);
  const download = await saved;
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
}

test('a researcher exports a small case’s entities as FollowTheMoney and its codebook as REFI-QDA', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createCase('Port of Gdańsk');

  // A document, a nested codebook, and an excerpt coded and commented.
  const reader = new ReaderPage(page);
  await reader.addTextDocument('Dziennik portu', TEXT);
  const workspace = new WorkspacePage(page);
  await workspace.openSection('Excerpts');
  const codebook = new CodebookPage(page);
  await codebook.open();
  await codebook.addTag('Payments');
  await codebook.addTag('Cash', 'Payments');
  await reader.open('Dziennik portu');
  await reader.select('Marta Kowal zapłaciła gotówką 现金');
  await page.keyboard.press('ControlOrMeta+e');
  await reader.describeMarked({ comment: 'Paid in cash', tags: [{ typed: 'cash', path: 'Payments › Cash' }] });

  // Two entities and a relationship supported by the excerpt.
  await workspace.addEntity('Marta Kowal', 'person');
  await workspace.addEntity('Quayline Sp. z o.o.', 'organisation');
  const entity = new EntityPage(page);
  await entity.open('Marta Kowal');
  await entity.article.getByRole('button', { name: 'Add relationship' }).click();
  await entity.relationshipForm.getByLabel('Relationship', { exact: true }).selectOption({ label: 'works for (employs)' });
  await entity.fillRelationship({ other: 'Quayline', from: '2021-03', excerpts: ['zapłaciła'] });
  await entity.relationshipForm.getByRole('button', { name: 'Add relationship' }).click();
  await expect(entity.relationship('Marta Kowal works for Quayline Sp. z o.o.')).toBeVisible();

  // FollowTheMoney: one entity a line, the relationship an Employment between the two.
  const ftm = await runAndSave(page, 'FollowTheMoney');
  expect(ftm.name).toBe('Port of Gdańsk – entities.ftm.json');
  const lines = new TextDecoder().decode(ftm.bytes).trimEnd().split('\n');
  const entities = lines.map((line) => JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> });
  expect(entities.map((one) => [one.schema, one.properties.name?.[0]])).toEqual([
    ['Person', 'Marta Kowal'],
    ['Company', 'Quayline Sp. z o.o.'],
    ['Employment', undefined],
  ]);
  const employment = entities[2]!;
  expect(employment.properties).toMatchObject({ employee: [entities[0]!.id], employer: [entities[1]!.id], startDate: ['2021-03'] });
  expect(employment.properties.description![0]).toContain('“Marta Kowal zapłaciła gotówką 现金” (Dziennik portu)');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 entities and 1 relationship as FollowTheMoney.' })).toBeVisible();

  // REFI-QDA: a zip whose project parses, with the codebook nested and the excerpt cut out of its source's text.
  const qdpx = await runAndSave(page, 'REFI-QDA');
  expect(qdpx.name).toBe('Port of Gdańsk – codebook.qdpx');
  const entries = unzipSync(qdpx.bytes);
  // Read in a blank page of the browser: the app's own page parses only through its Trusted Types policies.
  const blank = await page.context().newPage();
  const project = await blank.evaluate((xml) => {
    const parsed = new DOMParser().parseFromString(xml, 'application/xml');
    const ns = 'urn:QDA-XML:project:1.0';
    const all = (name: string) => [...parsed.getElementsByTagNameNS(ns, name)];
    return {
      errors: parsed.getElementsByTagName('parsererror').length,
      root: parsed.documentElement.localName,
      codes: all('Code').map((code) => `${code.parentElement!.getAttribute('name') ?? 'top'} › ${code.getAttribute('name')}`),
      codeGuids: all('Code').map((code) => code.getAttribute('guid')),
      sources: all('TextSource').map((source) => source.getAttribute('plainTextPath')),
      selections: all('PlainTextSelection').map((selection) => ({
        start: Number(selection.getAttribute('startPosition')),
        end: Number(selection.getAttribute('endPosition')),
        codedWith: [...selection.getElementsByTagNameNS(ns, 'CodeRef')].map((ref) => ref.getAttribute('targetGUID')),
        comment: selection.getElementsByTagNameNS(ns, 'Description')[0]?.textContent,
      })),
    };
  }, new TextDecoder().decode(entries['project.qde']));
  await blank.close();
  expect(project).toMatchObject({ errors: 0, root: 'Project', codes: ['top › Payments', 'Payments › Cash'] });
  expect(project.sources).toHaveLength(1);
  const sourceText = new TextDecoder().decode(entries[`sources/${project.sources[0]!.replace('internal://', '')}`]);
  expect(sourceText).toBe(TEXT);
  expect(project.selections).toHaveLength(1);
  const [selection] = project.selections;
  expect(Array.from(sourceText).slice(selection!.start, selection!.end).join('')).toBe('Marta Kowal zapłaciła gotówką 现金');
  expect(selection!.codedWith).toEqual([project.codeGuids[1]]);
  expect(selection!.comment).toBe('Paid in cash');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 codes and 1 coded excerpt from 1 document as REFI-QDA.' })).toBeVisible();
});
