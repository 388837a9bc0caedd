import { decode } from 'tiff';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { isTiff, tiffPixels } from './images';

describe('tiffPixels', () => {
  it('turns a grey TIFF page into RGBA pixels, dark letters on white', () => {
    const bytes = readFixture('scanned-note.tif');
    expect(isTiff(bytes)).toBe(true);
    const pages = decode(bytes);
    expect(pages).toHaveLength(2);
    const { width, height, rgba } = tiffPixels(pages[0]!);
    expect(rgba.length).toBe(width * height * 4);
    expect([...rgba.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    let dark = 0;
    for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! < 100) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  it('reads 1-bit, 16-bit, colour and palette pages', () => {
    const base = { width: 2, height: 1, alpha: false, palette: undefined };
    const px = (ifd: Parameters<typeof tiffPixels>[0]) => [...tiffPixels(ifd).rgba];
    expect(px({ ...base, data: new Uint8Array([0, 1]), bitsPerSample: 1, samplesPerPixel: 1, type: 1 })).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect(px({ ...base, data: new Uint16Array([65535, 0]), bitsPerSample: 16, samplesPerPixel: 1, type: 1 })).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
    expect(px({ ...base, data: new Uint8Array([255, 0, 0, 0, 0, 255]), bitsPerSample: 8, samplesPerPixel: 3, type: 2 })).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
    expect(
      px({ ...base, data: new Uint8Array([1, 0]), bitsPerSample: 8, samplesPerPixel: 1, type: 3, palette: [[0, 0, 0], [65535, 0, 0]] }),
    ).toEqual([255, 0, 0, 255, 0, 0, 0, 255]);
  });
});
