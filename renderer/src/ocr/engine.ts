import type { OcrLanguage } from '../../../shared/domain';
import type { TesseractPage } from './result';

/** Which engine reads the pages, recorded with the recognised text. */
export const OCR_ENGINE = `tesseract.js ${typeof __TESSERACT_VERSION__ === 'string' ? __TESSERACT_VERSION__ : ''}`.trim();

/**
 * Where the app ships text recognition's files (see OCR_FILES in vite.web.config.ts): beside its own page, so every
 * request stays on the app's origin and works offline.
 */
export function ocrFilesBase(): string {
  return new URL('ocr/', document.baseURI).href;
}

/** A page image to read: its encoded bytes (PNG, JPEG) and, when known, its resolution. */
export interface PageImage {
  image: Blob;
  width: number;
  height: number;
  /** Dots per inch the page was drawn at, for Tesseract's sense of letter sizes; null when unknown. */
  dpi: number | null;
}

export interface Recogniser {
  /** Reads one page; `onProgress` hears how far along it is (0 to 1). */
  recognise(page: PageImage, onProgress: (fraction: number) => void): Promise<TesseractPage>;
  /** Ends the worker, and with it any reading under way. */
  terminate(): void;
}

export class OcrCancelled extends Error {
  override name = 'OcrCancelled';
  constructor() {
    super('Text recognition was cancelled.');
  }
}

/** Rejects when the signal aborts, so a wait on a worker that was ended does not last for ever. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new OcrCancelled());
    signal.addEventListener('abort', () => reject(new OcrCancelled()), { once: true });
  });
}

/**
 * Starts Tesseract in its own Web Worker with the language's data, all from the app's own files: the worker script,
 * the WebAssembly core (the worker picks the build the processor supports) and the gzipped language data. Nothing is
 * cached anywhere (`cacheMethod: 'none'`): the data is read from the app each time. The signal ends the worker.
 */
export async function startRecogniser(language: OcrLanguage, signal: AbortSignal): Promise<Recogniser> {
  const { createWorker, OEM } = await import('tesseract.js');
  const base = ocrFilesBase();
  const aborted = whenAborted(signal);
  aborted.catch(() => {});
  let reportProgress: ((fraction: number) => void) | null = null;
  // tesseract.js reports a failure to load or initialise only to this handler: its createWorker() would never settle.
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const starting = createWorker(language, OEM.LSTM_ONLY, {
    // Ours, which starts Tesseract's worker.min.js under the CSP's Trusted Types (see trustedWorker.js).
    workerPath: `${base}worker.js`,
    corePath: `${base}core/`,
    langPath: `${base}lang`,
    gzip: true,
    cacheMethod: 'none',
    workerBlobURL: false,
    logger: (message) => {
      if (message.status === 'recognizing text') reportProgress?.(message.progress);
    },
    errorHandler: (error: unknown) => fail(new Error(`Text recognition failed: ${String(error)}`)),
  });
  let worker: Awaited<typeof starting>;
  try {
    worker = await Promise.race([starting, failed, aborted]);
  } catch (error) {
    void starting.then((started) => started.terminate()).catch(() => {});
    throw error;
  }
  signal.addEventListener('abort', () => void worker.terminate(), { once: true });
  if (signal.aborted) void worker.terminate();

  return {
    async recognise(page, onProgress) {
      reportProgress = onProgress;
      try {
        if (page.dpi) await Promise.race([worker.setParameters({ user_defined_dpi: String(Math.round(page.dpi)) }), failed, aborted]);
        const { data } = await Promise.race([worker.recognize(page.image, {}, { text: false, blocks: true }), failed, aborted]);
        return data as TesseractPage;
      } finally {
        reportProgress = null;
      }
    },
    terminate() {
      void worker.terminate();
    },
  };
}
