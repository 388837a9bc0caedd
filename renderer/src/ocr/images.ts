import type { TiffIfd } from 'tiff';
import { tiffPageCount } from '../import/tiffPages';

/**
 * The pages of an imported image (PNG, JPEG, TIFF) as pixels, for the reader to draw and for text recognition to
 * read. Browsers draw PNG and JPEG themselves; TIFF, which they do not, is decoded here (one page per image directory).
 */

export const isTiff = (bytes: Uint8Array) =>
  (bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0x00) ||
  (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0x00 && bytes[3] === 0x2a);

/** One TIFF page's samples as RGBA pixels: grey (any depth, 1-bit included), RGB, with or without alpha, or a palette. */
export function tiffPixels(ifd: Pick<TiffIfd, 'width' | 'height' | 'data' | 'bitsPerSample' | 'samplesPerPixel' | 'type' | 'palette' | 'alpha'>): {
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
} {
  const { width, height, data, samplesPerPixel, type, palette } = ifd;
  const max = 2 ** Math.min(ifd.bitsPerSample, 16) - 1;
  const scale = (value: number) => (data instanceof Float32Array || data instanceof Float64Array ? value * 255 : (value * 255) / max);
  const rgba = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  const colour = samplesPerPixel >= 3 && type === 2;
  for (let pixel = 0, at = 0; pixel < width * height; pixel++, at += samplesPerPixel) {
    const out = pixel * 4;
    if (type === 3 && palette) {
      const [r, g, b] = palette[data[at]!] ?? [0, 0, 0];
      rgba[out] = r / 257;
      rgba[out + 1] = g / 257;
      rgba[out + 2] = b / 257;
      rgba[out + 3] = 255;
    } else if (colour) {
      rgba[out] = scale(data[at]!);
      rgba[out + 1] = scale(data[at + 1]!);
      rgba[out + 2] = scale(data[at + 2]!);
      rgba[out + 3] = ifd.alpha && samplesPerPixel > 3 ? scale(data[at + 3]!) : 255;
    } else {
      const grey = scale(data[at]!);
      rgba[out] = grey;
      rgba[out + 1] = grey;
      rgba[out + 2] = grey;
      rgba[out + 3] = ifd.alpha && samplesPerPixel > 1 ? scale(data[at + 1]!) : 255;
    }
  }
  return { width, height, rgba };
}

/** A page of an image file, decoded and ready to draw; `close()` gives its memory back. */
export type ImagePage = ImageBitmap;

/** How many pages an image file holds (a TIFF can hold several). */
export async function imagePageCount(bytes: Uint8Array): Promise<number> {
  if (!isTiff(bytes)) return 1;
  // Counted without the \`tiff\` package, which would follow a looping chain of pages for ever (see tiffPageCount).
  const count = tiffPageCount(bytes);
  if (!count) throw new Error('this TIFF is damaged: its pages could not be found.');
  return count;
}

/** Page `page` (from 1) of an image file, decoded. */
export async function decodeImagePage(bytes: Uint8Array, page: number): Promise<ImagePage> {
  if (!isTiff(bytes)) return createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const { decode } = await import('tiff');
  const [ifd] = decode(bytes, { pages: [page - 1] });
  if (!ifd) throw new Error(`this TIFF has no page ${page}.`);
  const { width, height, rgba } = tiffPixels(ifd);
  return createImageBitmap(new ImageData(rgba, width, height));
}
