import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { detectKind, imageFormatOf, unsupportedMessage } from './detect';
import { parseFile } from './parse';

describe('images', () => {
  it('are known by their content: PNG, JPEG and TIFF, whatever their names', () => {
    expect(imageFormatOf(readFixture('scanned-note.png'))).toBe('png');
    expect(imageFormatOf(readFixture('scanned-note.jpg'))).toBe('jpeg');
    expect(imageFormatOf(readFixture('scanned-note.tif'))).toBe('tiff');
    expect(detectKind('scan', readFixture('scanned-note.png'))).toBe('image');
    expect(detectKind('note.txt', readFixture('scanned-note.jpg'))).toBe('image');
    // A file named as an image that is not one is not read as text either.
    expect(detectKind('photo.png', new TextEncoder().encode('not a picture'))).toBeNull();
    expect(unsupportedMessage('notes.bmp', new Uint8Array([0x42, 0x4d]))).toMatch(/scanned images \(\.png, \.jpg, \.tif\)/);
  });

  it('import as pages to view with no text until recognised: one page, or a TIFF’s pages', async () => {
    for (const name of ['scanned-note.png', 'scanned-note.jpg'])
      expect(await parseFile({ name, bytes: readFixture(name) })).toMatchObject({
        kind: 'image',
        title: 'scanned-note',
        text: '',
        textLayer: false,
        pageCount: 1,
        pages: [{ page: 1, start: 0, end: 0 }],
      });
    expect(await parseFile({ name: 'scanned-note.tif', bytes: readFixture('scanned-note.tif') })).toMatchObject({
      kind: 'image',
      pageCount: 2,
      pages: [
        { page: 1, start: 0, end: 0 },
        { page: 2, start: 0, end: 0 },
      ],
    });
  });

  it('refuses a damaged TIFF with a message saying so', async () => {
    const cut = readFixture('scanned-note.tif').slice(0, 12);
    await expect(parseFile({ name: 'cut.tif', bytes: cut })).rejects.toThrow(/damaged or incomplete/);
  });
});
