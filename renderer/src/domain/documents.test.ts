import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { rejection, withCase } from '../../../tests/unit/database';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createTextDocument,
  updateDocumentMetadata,
  sha256Hex,
} from '.';
import { documentWithHash } from '../db/queries';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh));

// Digests computed outside the app with node:crypto: createHash('sha256').update(text, 'utf8').digest('hex').
const MULTILINGUAL = 'Zażółć gęślą jaźń\n— “quoted”';
const MULTILINGUAL_SHA256 = '351924ad3d4823fc4d6c5c2abcd346301df8932e588b7375fa3ab6a25235066e';
// FIPS 180-2's own example.
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256Hex', () => {
  it('gives the standard digest as lower-case hex', async () => {
    expect(await sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(ABC_SHA256);
  });
});

describe('createTextDocument', () => {
  it('stores the document with the SHA-256 and size of the text’s UTF-8 bytes', async () => {
    const document = await createTextDocument(db, caseFile.id, {
      title: '  Harbour   log ',
      text: MULTILINGUAL,
      sourceUrl: 'https://example.org/log',
    });
    expect(document).toMatchObject({
      caseId: caseFile.id,
      title: 'Harbour log',
      kind: 'text',
      fileName: null,
      mimeType: 'text/plain;charset=utf-8',
      sha256: MULTILINGUAL_SHA256,
      // 28 characters: 16 of one byte in UTF-8, 9 of two and 3 of three.
      size: 43,
      text: MULTILINGUAL,
      sourceUrl: 'https://example.org/log',
    });
    expect(MULTILINGUAL.length).toBe(28);
    expect(await db.documents.get(document.id)).toEqual(document);
  });

  it('keeps the UTF-8 bytes as the original file, under the document’s id', async () => {
    const document = await createTextDocument(db, caseFile.id, { title: 'Name', text: 'Zoë' });
    const file = await db.documentFiles.get(document.id);
    expect(file).toMatchObject({ id: document.id, caseId: caseFile.id });
    expect(file!.bytes.type).toBe('text/plain;charset=utf-8');
    expect([...new Uint8Array(await file!.bytes.arrayBuffer())]).toEqual([0x5a, 0x6f, 0xc3, 0xab]);
  });

  it('refuses the same text twice in a case, naming the document that has it, on the text field', async () => {
    await createTextDocument(db, caseFile.id, { title: 'Harbour log', text: MULTILINGUAL });
    const error = await rejection(createTextDocument(db, caseFile.id, { title: 'Copy', text: MULTILINGUAL }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messageFor('text')).toBe(
      'This text is already in the case as “Harbour log”.',
    );
    expect(await db.documents.count()).toBe(1);
    expect(await db.documentFiles.count()).toBe(1);
  });

  it('takes text that differs by one character', async () => {
    await createTextDocument(db, caseFile.id, { title: 'Log', text: 'Signed at 06:00.' });
    const second = createTextDocument(db, caseFile.id, { title: 'Log 2', text: 'Signed at 06:01.' });
    await expect(second).resolves.toMatchObject({ title: 'Log 2' });
  });

  it('allows the same text in another case', async () => {
    const other = await createCase(db, { name: 'Airport' });
    const ours = await createTextDocument(db, caseFile.id, { title: 'Harbour log', text: MULTILINGUAL });
    const theirs = await createTextDocument(db, other.id, { title: 'Harbour log', text: MULTILINGUAL });
    expect(theirs.sha256).toBe(ours.sha256);
    expect(await documentWithHash(db, other.id, MULTILINGUAL_SHA256)).toEqual(theirs);
    expect(await documentWithHash(db, caseFile.id, MULTILINGUAL_SHA256)).toEqual(ours);
  });

  it('rejects a source that is not an http or https address, and stores nothing', async () => {
    const error = (await rejection(
      createTextDocument(db, caseFile.id, { title: 'Log', text: 'x', sourceUrl: 'javascript:alert(1)' }),
    )) as ValidationError;
    expect(error.messageFor('sourceUrl')).toBe('The source must be an http or https address.');
    expect(await db.documents.count()).toBe(0);
  });
});

describe('updateDocumentMetadata renaming a document', () => {
  it('changes the title only, and says so in the history', async () => {
    const document = await createTextDocument(db, caseFile.id, { title: 'Log', text: 'Signed.' });
    const renamed = await updateDocumentMetadata(db, document.id, { title: '  Harbour  log ' });
    expect(renamed).toEqual({ ...document, title: 'Harbour log', updatedAt: renamed.updatedAt });
    expect(await db.documents.get(document.id)).toEqual(renamed);
    expect((await db.history.orderBy('seq').last())?.summary).toBe('Renamed document “Log” to “Harbour log”');
  });

  it('rejects an empty title on the title field', async () => {
    const document = await createTextDocument(db, caseFile.id, { title: 'Log', text: 'Signed.' });
    const error = (await rejection(updateDocumentMetadata(db, document.id, { title: '  ' }))) as ValidationError;
    expect(error.messageFor('title')).toBe('Document title cannot be empty.');
    expect(await db.documents.get(document.id)).toEqual(document);
  });

  it('fails with NotFoundError, like every other edit, for a document that is gone', async () => {
    await expect(updateDocumentMetadata(db, 'no-such-document', { title: 'Log' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
