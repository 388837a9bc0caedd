import { useEffect, useRef, useState } from 'react';
import type { RecognisedPage } from '../../../../../shared/domain';
import { queries } from '../../../app/casebook';
import { decodeImagePage, imagePageCount } from '../../../ocr/images';
import { OcrTextLayer } from './OcrTextLayer';
import { useRecognisedPages } from './PdfPages';

/** Widest a page is drawn, in CSS pixels, as for PDFs. */
const MAX_PAGE_WIDTH = 960;

type Loaded = { bytes: Uint8Array; count: number } | { error: string };

/**
 * An imported image's pages (one, or a TIFF's several), drawn from the original file, each with the text recognised
 * in it (OCR) laid over it once it has been: the same page markup as a PDF's, so find, selection and quoting work alike.
 */
export function ImagePages({ documentId, target }: { documentId: string; target: { page: number } | null }) {
  const recognised = useRecognisedPages(documentId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const file = await queries.originalFile(documentId);
      if (!file) throw new Error('its original file is not in the case any more.');
      const bytes = new Uint8Array(await file.bytes.arrayBuffer());
      const count = await imagePageCount(bytes);
      if (!cancelled) setLoaded({ bytes, count });
    })().catch((error: unknown) => {
      if (!cancelled) setLoaded({ error: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [documentId]);

  const ready = loaded !== null && 'bytes' in loaded;
  useEffect(() => {
    if (target && ready) wrapper.current?.querySelector(`[data-page="${target.page}"]`)?.scrollIntoView({ block: 'start' });
  }, [target, ready]);

  if (loaded && 'error' in loaded)
    return (
      <p className="form-error" role="alert">
        The image could not be shown: {loaded.error}
      </p>
    );
  return (
    <div ref={wrapper} className="pdf-pages">
      {!loaded ? (
        <p role="status" className="muted">
          Opening the image…
        </p>
      ) : (
        Array.from({ length: loaded.count }, (_, index) => (
          <ImagePage
            key={index + 1}
            bytes={loaded.bytes}
            number={index + 1}
            count={loaded.count}
            recognised={recognised.get(index + 1) ?? null}
          />
        ))
      )}
    </div>
  );
}

function ImagePage({ bytes, number, count, recognised }: { bytes: Uint8Array; number: number; count: number; recognised: RecognisedPage | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let cancelled = false;
    decodeImagePage(bytes, number)
      .then((bitmap) => {
        if (cancelled) return bitmap.close();
        element.width = bitmap.width;
        element.height = bitmap.height;
        element.getContext('2d')?.drawImage(bitmap, 0, 0);
        bitmap.close();
        setSize({ width: element.width, height: element.height });
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [bytes, number]);

  const width = size ? Math.min(size.width, MAX_PAGE_WIDTH) : MAX_PAGE_WIDTH;
  const style = { width, maxWidth: '100%', aspectRatio: size ? `${size.width} / ${size.height}` : '210 / 297' };
  return (
    <div className="pdf-page image-page" data-page={number} role="group" aria-label={`Page ${number} of ${count}`} style={style}>
      <canvas ref={canvas} aria-hidden="true" />
      {recognised && size && <OcrTextLayer page={recognised} />}
      {failed && (
        <p className="pdf-page-error" role="alert">
          Page {number} could not be drawn.
        </p>
      )}
    </div>
  );
}
