import type { CaseDocument, OcrLanguage } from '../../../shared/domain';
import { originalFile } from '../db/queries/documents';
import type { CasebookDB } from '../db/schema';
import { getDocument } from '../domain/documentDetails';
import { recordRecognisedText, type RecognisedTextInput, type RecognisedTextResult } from '../domain/recognisedText';
import { OCR_ENGINE, OcrCancelled, startRecogniser } from './engine';
import { pageImagesOf } from './pageImages';
import { recognisedPage } from './result';

/** How far a recognition is: the page being read (from 1), of how many, and the share of the whole done (0 to 1). */
export interface OcrProgress {
  page: number;
  pages: number;
  fraction: number;
}

export interface OcrOptions {
  signal?: AbortSignal;
  onProgress?: (progress: OcrProgress) => void;
}

/**
 * Reads the text of a document's page images, page by page, in a Tesseract worker: the main thread only draws each
 * page (a PDF's) and hands it over, so the interface stays responsive. Stores nothing.
 */
export async function recogniseDocument(
  document: Pick<CaseDocument, 'kind' | 'mimeType'>,
  bytes: Uint8Array,
  language: OcrLanguage,
  { signal = new AbortController().signal, onProgress = () => {} }: OcrOptions = {},
): Promise<RecognisedTextInput> {
  const images = await pageImagesOf(document, bytes);
  let recogniser: Awaited<ReturnType<typeof startRecogniser>> | null = null;
  try {
    onProgress({ page: 1, pages: images.count, fraction: 0 });
    recogniser = await startRecogniser(language, signal);
    const pages: RecognisedTextInput['pages'] = [];
    for (let number = 1; number <= images.count; number++) {
      if (signal.aborted) throw new OcrCancelled();
      const report = (done: number) => onProgress({ page: number, pages: images.count, fraction: (number - 1 + done) / images.count });
      report(0);
      const image = await images.page(number);
      const result = await recogniser.recognise(image, report);
      pages.push(recognisedPage(number, result, image.width, image.height));
    }
    onProgress({ page: images.count, pages: images.count, fraction: 1 });
    return { language, engine: OCR_ENGINE, pages };
  } finally {
    recogniser?.terminate();
    await images.close().catch(() => {});
  }
}

/**
 * Recognises the text of a scanned PDF or an image of the case and stores it through the domain (which replaces an
 * earlier recognition). The application service behind the reader's Recognise text.
 */
export async function recogniseDocumentText(
  db: CasebookDB,
  documentId: string,
  language: OcrLanguage,
  options: OcrOptions = {},
): Promise<RecognisedTextResult> {
  const document = await getDocument(db, documentId);
  const file = await originalFile(db, documentId);
  if (!file) throw new Error(`The original file of “${document.title}” is not in the case any more, so its pages cannot be read.`);
  const recognised = await recogniseDocument(document, new Uint8Array(await file.bytes.arrayBuffer()), language, options);
  if (options.signal?.aborted) throw new OcrCancelled();
  return recordRecognisedText(db, documentId, recognised);
}
