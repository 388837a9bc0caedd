import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { MAX_CANVAS_PIXELS, canvasResolution, drawPage, pageDrawTimedOut } from './pdf';

/** A PDF of one page `size` points square, black in its middle ninth. */
async function squarePage(size: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([size, size]);
  page.drawRectangle({ x: size / 3, y: size / 3, width: size / 3, height: size / 3, color: rgb(0, 0, 0) });
  return document.save();
}

/** The first page of a PDF opened by PDF.js's legacy build (the one that runs in Node), and how to close it. */
async function firstPage(bytes: Uint8Array): Promise<{ page: PDFPageProxy; close: () => Promise<void> }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const pdf = (await task.promise) as unknown as PDFDocumentProxy;
  return { page: await pdf.getPage(1), close: () => task.destroy() };
}

/** A canvas as the reader's, drawn on by PDF.js in Node (the canvas package PDF.js itself uses there). */
const nodeCanvas = () => createCanvas(1, 1) as unknown as HTMLCanvasElement;

describe('drawing PDF pages in the reader', () => {
  it('draws at the screen’s resolution unless the canvas would pass its limit', () => {
    expect(canvasResolution(960, 1242, 2)).toBe(2);
    const resolution = canvasResolution(14_400 * 1.5, 14_400 * 1.5, 2);
    expect((14_400 * 1.5 * resolution) ** 2).toBeCloseTo(MAX_CANVAS_PIXELS);
  });

  it('draws a page with a 14,400-point MediaBox within the canvas limit, all of it', async () => {
    const { page, close } = await firstPage(await squarePage(14_400));
    // As the reader draws a page 960 pixels wide whose first page is a letter: one and a half times its points.
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = nodeCanvas();
    expect(await drawPage(page, canvas, viewport, { devicePixelRatio: 2, deadline: new Promise(() => {}) })).toBe('drawn');
    expect(canvas.width * canvas.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(canvas.width).toBeGreaterThan(4000);
    const context = canvas.getContext('2d')!;
    const pixel = (x: number, y: number) => [...context.getImageData(Math.floor(x * canvas.width), Math.floor(y * canvas.height), 1, 1).data];
    expect(pixel(0.5, 0.5)).toEqual([0, 0, 0, 255]);
    expect(pixel(0.1, 0.1)).not.toEqual([0, 0, 0, 255]);
    await close();
    // Sixteen million pixels to fill on a machine shared with other tests.
  }, 60_000);

  it('stops a drawing that has not finished by its deadline, and says so on the page', async () => {
    const { page, close } = await firstPage(await squarePage(600));
    // A deadline already past: the drawing cannot have finished, as its work starts only after PDF.js's own messages.
    expect(await drawPage(page, nodeCanvas(), page.getViewport({ scale: 1 }), { devicePixelRatio: 1, deadline: Promise.resolve() })).toBe('timed out');
    // The page is free to be drawn again: the cancelled drawing let it go.
    expect(await drawPage(page, nodeCanvas(), page.getViewport({ scale: 1 }), { devicePixelRatio: 1, deadline: new Promise(() => {}) })).toBe('drawn');
    expect(pageDrawTimedOut()).toBe('This page took longer than 20 s to draw and was stopped.');
    await close();
  });
});
