import { describe, expect, it } from 'vitest';
import { encodeUtf16 } from '../../../tests/fixtures/legacy-encoding';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { parseFile } from './parse';

describe('plain text', () => {
  it('reads Polish text saved in windows-1250, with its characters, charset and language', async () => {
    const document = await parseFile({ name: 'article-pl-windows1250.txt', bytes: readFixture('article-pl-windows1250.txt') });
    expect(document).toMatchObject({ kind: 'text', charset: 'windows-1250', language: 'pl', html: null, pages: null, textLayer: true });
    expect(document.title).toBe('Rada Miejska zbada źródła finansowania przystani');
    expect(document.text).toContain('Łódź, 3 października 2022 r.');
    expect(document.text).toContain('„Nie możemy udawać, że nic się nie stało” – powiedziała przewodnicząca komisji, Zofia Wiśniewska.');
    expect(document.text).toContain('Żaden z członków zarządu');
    // Its CRLF line endings come out as "\n", paragraphs still separated by a blank line.
    expect(document.text).not.toContain('\r');
    expect(document.text.split('\n\n')).toHaveLength(5);
  });

  it.each(['notes-utf16le.txt', 'notes-utf16be.txt'])('reads %s', async (name) => {
    const document = await parseFile({ name, bytes: readFixture(name) });
    expect(document.charset).toBe(name.includes('le') ? 'utf-16le' : 'utf-16be');
    expect(document.title).toBe('Interview notes — harbour master');
    expect(document.text).toContain('He said the ledger was “always on the second shelf”');
    expect(document.text).toContain('Zoë Tremayne');
    expect(document.text.startsWith('\ufeff')).toBe(false);
  });

  it('reads UTF-16 without a byte order mark', async () => {
    const document = await parseFile({ name: 'notes.txt', bytes: encodeUtf16('Key register\r\nNo entries after 17:40.', 'le', false) });
    expect(document).toMatchObject({ charset: 'utf-16le', title: 'Key register', text: 'Key register\nNo entries after 17:40.' });
  });

  it('guesses no title from a first line too long to be one', async () => {
    const long = `${'A very long opening sentence that runs on '.repeat(5)}and on.\n\nSecond paragraph.`;
    const document = await parseFile({ name: 'untitled_notes.txt', bytes: new TextEncoder().encode(long) });
    expect(document.title).toBe('untitled notes');
  });
});
