import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { detectKind, imageFormatOf, unsupportedMessage } from './detect';
import { parseFile } from './parse';
import { imagePageCount } from '../ocr/images';
import { tiffPageCount } from './tiffPages';

/** The fixture TIFF with the last page's link to the next changed to `target` (the chain of pages made to loop, or to leave the file). */
function tiffLinkedTo(target: (first: number) => number): Uint8Array {
  const bytes = readFixture('scanned-note.tif').slice();
  const view = new DataView(bytes.buffer);
  const little = view.getUint16(0) === 0x4949;
  const first = view.getUint32(4, little);
  let link = 4;
  for (let offset = first; offset !== 0; offset = view.getUint32(link, little)) link = offset + 2 + view.getUint16(offset, little) * 12;
  view.setUint32(link, target(first), little);
  return bytes;
}

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

  it('refuses a TIFF whose pages link back in a loop, or out of the file, rather than reading pages for ever', async () => {
    // Found by the fuzz: the `tiff` package followed the loop until the worker ran out of memory, which in a browser
    // takes the whole page with it.
    const looping = tiffLinkedTo((first) => first);
    const outside = tiffLinkedTo(() => 0x7fff_fff0);
    for (const bytes of [looping, outside]) {
      expect(tiffPageCount(bytes)).toBeNull();
      await expect(parseFile({ name: 'loop.tif', bytes })).rejects.toThrow('is damaged or incomplete and could not be read as a TIFF image.');
      await expect(imagePageCount(bytes)).rejects.toThrow('this TIFF is damaged');
    }
    // The walk itself reads the fixture as the package does.
    expect(tiffPageCount(readFixture('scanned-note.tif'))).toBe(2);
    expect(await imagePageCount(readFixture('scanned-note.tif'))).toBe(2);
    expect(tiffPageCount(readFixture('scanned-note.tif'), 1)).toBe(1);
  });

  it('refuses a damaged TIFF with a message saying so', async () => {
    const cut = readFixture('scanned-note.tif').slice(0, 12);
    await expect(parseFile({ name: 'cut.tif', bytes: cut })).rejects.toThrow(/damaged or incomplete/);
  });
});
