import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { snapshot, withCase } from '../../../tests/unit/database';
import type { CasebookDB } from '../db/schema';
import { emptyDocument } from './document';
import { ImportError } from './types';
import { FILE_SIZE, TEXT_LENGTH } from '../../../shared/limits';
import { importFiles, safeFileName, type IncomingFile, type ParseFn } from './pipeline';

const encode = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text: string): IncomingFile => {
  const bytes = encode(text);
  return { name, size: bytes.byteLength, bytes };
};

/** A stand-in for the worker: enough of a parser to drive the pipeline; the real parsers have their own tests. */
const parse: ParseFn = async ({ name, bytes }) => {
  const text = new TextDecoder().decode(bytes);
  if (text.startsWith('BROKEN')) throw new ImportError('is damaged or incomplete and could not be read as a PDF.');
  return {
    ...emptyDocument(name.endsWith('.html') ? 'html' : 'text'),
    title: text.split('\n')[0]!.replace(/<[^>]+>/g, ''),
    text: text.replace(/<[^>]+>/g, ''),
    html: name.endsWith('.html') ? text : null,
    charset: 'utf-8',
  };
};

// The data layer runs on Node's own Blob and IndexedDB stand-in; only the sanitiser needs a DOM.
vi.stubGlobal('window', new JSDOM('').window);

let db: CasebookDB;
let caseId: string;
withCase(
  (fresh) => {
    db = fresh.db;
    caseId = fresh.caseFile.id;
  },
  { name: 'Import case' },
);

describe('importFiles', () => {
  it('imports good files and reports each bad one by name, leaving the case as it was for those', async () => {
    const before = await snapshot(db);
    const outcomes = await importFiles(
      db,
      caseId,
      [
        file('interview.txt', 'Interview with the harbour master\nHe saw the ship.'),
        file('scan.pdf', 'BROKEN %PDF'),
        { name: 'empty.txt', size: 0, bytes: new Uint8Array() },
        { name: 'locked.pdf', size: 10, bytes: null, error: 'locked.pdf could not be read: permission was denied.' },
        file('memo.txt', 'Memo\nSecond line.'),
      ],
      parse,
    );
    expect(outcomes.map((outcome) => [outcome.name, outcome.status])).toEqual([
      ['interview.txt', 'imported'],
      ['scan.pdf', 'failed'],
      ['empty.txt', 'failed'],
      ['locked.pdf', 'failed'],
      ['memo.txt', 'imported'],
    ]);
    expect(outcomes[1]).toMatchObject({ message: 'scan.pdf: is damaged or incomplete and could not be read as a PDF.' });
    expect(outcomes[2]).toMatchObject({ message: 'empty.txt: the file is empty.' });
    expect(outcomes[3]).toMatchObject({ message: 'locked.pdf could not be read: permission was denied.' });
    const documents = await db.documents.toArray();
    expect(documents.map((document) => document.title).sort()).toEqual(['Interview with the harbour master', 'Memo']);
    const files = await db.documentFiles.toArray();
    expect(files).toHaveLength(2);
    // Only the two imports were written: one document, one file and one history line each.
    const after = await snapshot(db);
    expect((after.history as unknown[]).length - (before.history as unknown[]).length).toBe(2);
  });

  it('refuses a file over a limit with a message naming the file and the limit', async () => {
    const huge = new Uint8Array(16);
    Object.defineProperty(huge, 'byteLength', { value: FILE_SIZE.max + 1 });
    const parsed: string[] = [];
    const outcomes = await importFiles(
      db,
      caseId,
      [{ name: 'scan-archive.pdf', size: FILE_SIZE.max + 1, bytes: huge }, file('transcript.txt', 'TOO MUCH')],
      async (input, options) => {
        parsed.push(input.name);
        if (input.name === 'transcript.txt') throw new ImportError(TEXT_LENGTH.refusal());
        return parse(input, options);
      },
    );
    expect(outcomes).toEqual([
      {
        name: 'scan-archive.pdf',
        status: 'failed',
        message: 'scan-archive.pdf is 201 MB; Casebook imports files up to 200 MB. Split it into smaller files and import those.',
      },
      { name: 'transcript.txt', status: 'failed', message: 'transcript.txt: has more text than Casebook can keep (50 million characters).' },
    ]);
    expect(parsed).toEqual(['transcript.txt']);
  });

  it('keeps the original bytes and their SHA-256, and skips the same bytes the second time', async () => {
    const original = file('statement.txt', 'Statement\nThe quay was empty at dawn.');
    const [first] = await importFiles(db, caseId, [original], parse);
    expect(first!.status).toBe('imported');
    const stored = await db.documentFiles.get((first as { documentId: string }).documentId);
    expect(new Uint8Array(await stored!.bytes.arrayBuffer())).toEqual(original.bytes);

    const outcomes = await importFiles(db, caseId, [original, { ...original, name: 'copy of statement.txt' }], parse);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['duplicate', 'duplicate']);
    expect(outcomes[1]).toMatchObject({ message: 'copy of statement.txt: already imported as “Statement”.' });
    expect(await db.documents.count()).toBe(1);
  });

  it('sanitises HTML before it is stored', async () => {
    const [outcome] = await importFiles(
      db,
      caseId,
      [file('page.html', '<h1>Title</h1><p onclick="x()">Body<script>steal()</script><img src="https://t.example/p.gif"></p>')],
      parse,
    );
    const document = await db.documents.get((outcome as { documentId: string }).documentId);
    expect(document!.html).toBe('<h1>Title</h1><p>Body</p>');
  });

  it('stops at the next file when cancelled, and says which files were not imported', async () => {
    const controller = new AbortController();
    const progress: string[] = [];
    const outcomes = await importFiles(db, caseId, [file('a.txt', 'A'), file('b.txt', 'B'), file('c.txt', 'C')], parse, {
      signal: controller.signal,
      onProgress: ({ done, total, current }) => {
        progress.push(`${done}/${total} ${current ?? ''}`.trim());
        if (done === 1) controller.abort();
      },
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'cancelled', 'cancelled']);
    expect(progress).toEqual(['0/3 a.txt', '1/3 b.txt', '3/3']);
    expect(await db.documents.count()).toBe(1);
  });
});

describe('safeFileName', () => {
  it('keeps only the last part of a path and drops control characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(safeFileName('bell\u0007\u0000name.txt')).toBe('bellname.txt');
    expect(safeFileName('\u0001/')).toBe('untitled');
  });
});
