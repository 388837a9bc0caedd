import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/limits';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { checkTextLength, emptyDocument, finishDocument, guessTitle } from './document';
import { detectKind, parseFile } from './parse';
import { ImportError } from './types';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function importError(name: string, bytes: Uint8Array = readFixture(name)): Promise<string> {
  const error = await parseFile({ name, bytes }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

describe('detectKind', () => {
  it('recognises each fixture', () => {
    const expected: Record<string, string | null> = {
      'news-article.html': 'html',
      'article-zh.html': 'html',
      'report.md': 'markdown',
      'notes-utf16le.txt': 'text',
      'article-pl-windows1250.txt': 'text',
      'three-page-report.pdf': 'pdf',
      'stray-bytes.pdf': 'pdf',
      'court-filing.docx': 'docx',
      'not-a-zip.docx': 'docx',
      'unknown.bin': null,
    };
    for (const [name, kind] of Object.entries(expected)) expect(detectKind(name, readFixture(name)), name).toBe(kind);
  });

  it('trusts the content over the name: a PDF or a Word file under any name', () => {
    expect(detectKind('download', readFixture('stray-bytes.pdf'))).toBe('pdf');
    expect(detectKind('report.txt', readFixture('three-page-report.pdf'))).toBe('pdf');
    expect(detectKind('filing.zip', readFixture('court-filing.docx'))).toBe('docx');
  });

  it('falls back on the extension, then the reported type, then sniffing', () => {
    expect(detectKind('page.HTM', utf8('just words'))).toBe('html');
    expect(detectKind('notes.markdown', utf8('# Notes'))).toBe('markdown');
    expect(detectKind('clipboard', utf8('# Notes'), 'text/markdown; charset=utf-8')).toBe('markdown');
    expect(detectKind('saved', utf8('\ufeff  <!DOCTYPE html><html><body>x</body></html>'))).toBe('html');
    expect(detectKind('saved', utf8('<!-- saved from url=(0020)https://x.example/ -->\n<html lang="en">'))).toBe('html');
    expect(detectKind('README', utf8('Plain words, nothing else.'))).toBe('text');
    expect(detectKind('data.csv', utf8('a,b\n1,2\n'))).toBe('text');
  });

  it('does not take archives, old Office files or RTF for text', () => {
    expect(detectKind('archive', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'text/plain')).toBeNull();
    expect(detectKind('memo', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x41]))).toBeNull();
    expect(detectKind('letter', utf8('{\\rtf1\\ansi Dear Sir'))).toBeNull();
  });
});

describe('parseFile refuses what it cannot import, saying why', () => {
  it('an empty file', async () => {
    expect(await importError('empty.txt')).toMatch(/^is empty/);
  });

  it('a file larger than the limit', async () => {
    const bytes = new Uint8Array(16);
    Object.defineProperty(bytes, 'byteLength', { value: LIMITS.fileBytes + 1 });
    expect(await importError('huge.txt', bytes)).toMatch(/^is 201 MB; Casebook imports files up to 200 MB\./);
  });

  it('a type it does not support, listing those it does', async () => {
    const message = await importError('unknown.bin');
    expect(message).toMatch(/^is of a type Casebook cannot import \(\.bin\)/);
    expect(message).toMatch(/PDF \(\.pdf\), Word \(\.docx\), web pages \(\.html, \.htm\), Markdown \(\.md\), plain text \(\.txt\) and scanned images \(\.png, \.jpg, \.tif\)/);
  });

  it('an Office 97–2003 file, suggesting what to do', async () => {
    const bytes = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await importError('minutes.doc', bytes)).toMatch(/older Microsoft Office file.*Save it as \.docx or PDF/);
  });

  it('a page saved as a web archive, saying how to save it instead', async () => {
    const mhtml = utf8('From: <Saved by Blink>\r\nSubject: Inquiry\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x"\r\n\r\n');
    expect(detectKind('page', mhtml)).toBeNull();
    expect(await importError('page.mhtml', mhtml)).toMatch(/^is a web archive .*Save the page as "Webpage, HTML only" and import that\./);
  });

  it('a text file that is really binary', async () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i % 3 === 0 ? 0 : 0x41 + (i % 26)));
    expect(await importError('photo.txt', bytes)).toMatch(/could not be read as text|does not contain readable text/);
  });

  it('more text than can be kept', async () => {
    expect(() => checkTextLength(LIMITS.textLength + 1)).toThrow('has more text than Casebook can keep (50 million characters).');
    const bytes = new Uint8Array(LIMITS.textLength + 1).fill(0x61);
    expect(await importError('enormous.txt', bytes)).toBe('has more text than Casebook can keep (50 million characters).');
  });
});

describe('finishDocument', () => {
  it('always gives a title: the document’s own, its first short line, or the file name', () => {
    const base = emptyDocument('text');
    expect(finishDocument({ ...base, title: '  Own  title ' }, 'x.txt').title).toBe('Own title');
    expect(finishDocument({ ...base, text: '\n\n  First line\nSecond' }, 'x.txt').title).toBe('First line');
    expect(finishDocument({ ...base, text: 'x'.repeat(300) }, 'folder/field_notes.txt').title).toBe('field notes');
    expect(finishDocument({ ...base }, '.txt').title).toBe('Untitled document');
  });

  it('guesses a title below the menu words of a page copied as text', () => {
    expect(guessTitle('NewsletterEventsPodcasts\nLoader\nADVERTISEMENT\n\nCouncil approves harbour budget after long debate\n\nThe council voted on Monday.')).toBe(
      'Council approves harbour budget after long debate',
    );
    expect(guessTitle('Meeting notes 12 May\nAttendees: Ana, Tom\n\nBudget review for next quarter\n')).toBe('Meeting notes 12 May');
    expect(guessTitle('Summary\nNothing stands alone here.')).toBe('Summary');
    expect(guessTitle('\n\n')).toBeNull();
  });

  it('deduplicates authors and warnings', () => {
    const finished = finishDocument({ ...emptyDocument('html'), authors: ['Ana Ruiz', 'ana ruiz', ' '], warnings: ['Same.', 'Same.', ''] }, 'x.html');
    expect(finished.authors).toEqual(['Ana Ruiz']);
    expect(finished.warnings).toEqual(['Same.']);
  });
});
