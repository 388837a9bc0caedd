import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseDocument, CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { rejection, withCase } from '../../../tests/unit/database';
import { NotFoundError, ValidationError, createTextDocument } from '.';
import { updateDocumentMetadata } from './documentDetails';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

const lastHistory = async () => (await db.history.orderBy('seq').last())?.summary;

const SUMMARY = {
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Names the forwarder.' }] }],
};

describe('updateDocumentMetadata', () => {
  let document: CaseDocument;
  beforeEach(async () => {
    document = await createTextDocument(db, caseFile.id, { title: 'Log', text: 'Signed at 06:00.' });
  });

  it('stores every detail cleaned, and adds one history entry naming the document', async () => {
    const historyBefore = await db.history.count();
    const updated = await updateDocumentMetadata(db, document.id, {
      title: '  Harbour   log ',
      authors: [' Ana Ferreira', 'Jan Kos ', 'Ana Ferreira', ''],
      sourceUrl: ' https://example.org/log ',
      publishedAt: '2021-03',
      language: 'PT-br',
      tags: ['port', ' port ', 'charter'],
      summary: SUMMARY,
    });
    expect(updated).toMatchObject({
      title: 'Harbour log',
      authors: ['Ana Ferreira', 'Jan Kos'],
      sourceUrl: 'https://example.org/log',
      publishedAt: '2021-03',
      language: 'pt-BR',
      tags: ['port', 'charter'],
      summary: SUMMARY,
      text: 'Signed at 06:00.',
    });
    expect(await db.documents.get(document.id)).toEqual(updated);
    expect(await db.history.count()).toBe(historyBefore + 1);
    expect(await lastHistory()).toBe('Edited details of “Harbour log”');
  });

  it('clears optional details given as empty text', async () => {
    await updateDocumentMetadata(db, document.id, { sourceUrl: 'https://example.org', language: 'en', publishedAt: '2021' });
    const cleared = await updateDocumentMetadata(db, document.id, { sourceUrl: ' ', language: '', publishedAt: '' });
    expect(cleared).toMatchObject({ sourceUrl: null, language: null, publishedAt: null });
  });

  it('leaves out fields it is not given, and writes nothing when nothing changes', async () => {
    await updateDocumentMetadata(db, document.id, { tags: ['port'] });
    const historyBefore = await db.history.count();
    const same = await updateDocumentMetadata(db, document.id, { title: 'Log', tags: ['port'] });
    expect(same.tags).toEqual(['port']);
    expect(await db.history.count()).toBe(historyBefore);
  });

  it.each([
    ['2021', true],
    ['2021-03', true],
    ['2024-02-29', true],
    ['2021-02-29', 'There is no such date as 2021-02-29: check the month and the day.'],
    ['2021-13', 'There is no such date as 2021-13: check the month and the day.'],
    ['0000', 'There is no such date as 0000: check the month and the day.'],
    ['9 March 2021', 'Write the published date as YYYY, YYYY-MM or YYYY-MM-DD.'],
    ['2021-3-9', 'Write the published date as YYYY, YYYY-MM or YYYY-MM-DD.'],
    ['2021-03-09T06:00', 'Write the published date as YYYY, YYYY-MM or YYYY-MM-DD.'],
  ])('takes the published date %s only when it is a real date of a known precision', async (value, outcome) => {
    const attempt = updateDocumentMetadata(db, document.id, { publishedAt: value });
    if (outcome === true) await expect(attempt).resolves.toMatchObject({ publishedAt: value });
    else expect((await rejection(attempt, ValidationError)).messageFor('publishedAt')).toBe(outcome);
  });

  it('forgets where the import found the date or the language once it is changed by hand, and only then', async () => {
    await db.documents.update(document.id, {
      publishedAt: '2021-03-03',
      publishedAtSource: { from: 'text', quote: 'Filed March 3, 2021' },
      language: 'en',
      languageSource: 'detected',
    });
    const retitled = await updateDocumentMetadata(db, document.id, { title: 'Harbour log', publishedAt: '2021-03-03', language: 'en' });
    expect(retitled).toMatchObject({ publishedAtSource: { from: 'text', quote: 'Filed March 3, 2021' }, languageSource: 'detected' });
    const redated = await updateDocumentMetadata(db, document.id, { publishedAt: '2021-03-04' });
    expect(redated).toMatchObject({ publishedAtSource: null, languageSource: 'detected' });
    const relanguaged = await updateDocumentMetadata(db, document.id, { language: 'en-GB' });
    expect(relanguaged).toMatchObject({ languageSource: null });
  });

  it('puts each mistake beside its field and stores nothing', async () => {
    const error = await rejection(
      updateDocumentMetadata(db, document.id, {
        title: 'x'.repeat(301),
        sourceUrl: 'javascript:alert(1)',
        language: 'not a language',
        tags: ['t'.repeat(61)],
      }),
      ValidationError,
    );
    expect(error.messageFor('title')).toBe('Document title is too long: at most 300 characters.');
    expect(error.messageFor('sourceUrl')).toBe(
      'The source must be an http or https address, such as https://example.org/page.',
    );
    expect(error.messageFor('language')).toBe('Write the language as a code such as “en”, “pl” or “pt-BR”.');
    expect(error.issues.find((issue) => issue.field.startsWith('tags'))?.message).toBe(
      'Each tag is at most 60 characters.',
    );
    expect(await db.documents.get(document.id)).toEqual(document);
  });

  it('refuses an empty title', async () => {
    const error = await rejection(updateDocumentMetadata(db, document.id, { title: '   ' }), ValidationError);
    expect(error.messageFor('title')).toBe('Document title cannot be empty.');
  });

  it('fails with NotFoundError for a document that is gone', async () => {
    await expect(updateDocumentMetadata(db, 'no-such-document', { title: 'Log' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
