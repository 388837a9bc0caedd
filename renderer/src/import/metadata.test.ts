import { describe, expect, it } from 'vitest';
import { emptyDocument } from './document';
import { completeMetadata } from './metadata';

const ENGLISH = 'The harbour authority published its accounts for the year, and the auditors said that eleven monthly statements could not be matched to the bank records.';
const withText = (text: string, kind: 'pdf' | 'docx' | 'text' | 'html' = 'pdf') => ({ ...emptyDocument(kind), text });

describe('completeMetadata', () => {
  it('prefers the date a document states to the file’s creation date', async () => {
    const document = await completeMetadata({ ...withText(`Decided March 3, 2021\n\n${ENGLISH}`), publishedAt: '2021-03-08', publishedAtSource: { from: 'created' } });
    expect(document).toMatchObject({ publishedAt: '2021-03-03', publishedAtSource: { from: 'text', quote: 'Decided March 3, 2021' } });
  });

  it('keeps the creation date when the text states none', async () => {
    const document = await completeMetadata({ ...withText(ENGLISH), publishedAt: '2021-03-08', publishedAtSource: { from: 'created' } });
    expect(document).toMatchObject({ publishedAt: '2021-03-08', publishedAtSource: { from: 'created' } });
  });

  it('keeps a date declared in the metadata or a front matter', async () => {
    for (const from of ['metadata', 'front-matter'] as const) {
      const document = await completeMetadata({ ...withText(`Published 1 May 2020\n${ENGLISH}`, 'html'), publishedAt: '2020-05-02', publishedAtSource: { from } });
      expect(document).toMatchObject({ publishedAt: '2020-05-02', publishedAtSource: { from } });
    }
  });

  it('dates a document that had no date at all', async () => {
    const document = await completeMetadata(withText(`Memorandum\nDate: 12 May 2022\n\n${ENGLISH}`, 'docx'));
    expect(document).toMatchObject({ publishedAt: '2022-05-12', publishedAtSource: { from: 'text', quote: 'Date: 12 May 2022' } });
  });

  it('says how it read a date that could be read either way round', async () => {
    const document = await completeMetadata(withText(`Notice\nPublished on 03/04/2021\n\n${ENGLISH}`, 'text'));
    expect(document.publishedAt).toBe('2021-04-03');
    expect(document.warnings).toEqual([
      'The date in “Published on 03/04/2021” could be read either way round; Casebook read it as 3 April 2021. If that is wrong, correct it in Edit details.',
    ]);
  });

  it('detects the language when the file declares none, and keeps a declared one', async () => {
    expect(await completeMetadata(withText(ENGLISH))).toMatchObject({ language: 'en', languageSource: 'detected' });
    expect(await completeMetadata({ ...withText(ENGLISH), language: 'en-GB', languageSource: 'declared' })).toMatchObject({ language: 'en-GB', languageSource: 'declared' });
  });

  it('replaces a guess from the character set with the language of the text', async () => {
    const german = 'Der Stadtrat kam am Dienstagabend zusammen, um den Bericht der Rechnungsprüfer zu beraten, und stellte viele Fragen.';
    expect(await completeMetadata({ ...withText(german, 'text'), language: 'pl', languageSource: 'detected' })).toMatchObject({ language: 'de', languageSource: 'detected' });
  });

  it('leaves a document without text as it was', async () => {
    expect(await completeMetadata(withText(''))).toMatchObject({ language: null, languageSource: null, publishedAt: null, publishedAtSource: null });
  });
});
