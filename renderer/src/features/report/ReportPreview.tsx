import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { usePagesInView } from '../../components/usePagesInView';
import { openPdf } from '../documents/reader/pdf';

/** Widest a preview page is drawn, in CSS pixels. */
const PAGE_WIDTH = 640;

type Loaded = { pdf: PDFDocumentProxy; ratio: number } | { error: string };

/**
 * The exported PDF's pages as they will print, drawn by PDF.js from its bytes: the first at once, the others as they
 * scroll into view (and given back when far from it), so a report of hundreds of pages previews as quickly as a short one.
 */
export function ReportPreview({ bytes, pageCount }: { bytes: Uint8Array; pageCount: number }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    (async () => {
      const task = await openPdf(bytes);
      destroy = () => task.destroy();
      if (cancelled) return void destroy();
      const pdf = await task.promise;
      const { width, height } = (await pdf.getPage(1)).getViewport({ scale: 1 });
      if (!cancelled) setLoaded({ pdf, ratio: height / width });
    })().catch((error: unknown) => {
      if (!cancelled) setLoaded({ error: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [bytes]);

  const ready = loaded !== null && 'pdf' in loaded;
  const visible = usePagesInView(list, ready, (element) => element.closest('.report-preview'), [1]);

  if (loaded && 'error' in loaded)
    return (
      <p className="form-error" role="alert">
        The preview could not be drawn ({loaded.error}); the PDF itself can still be saved.
      </p>
    );

  return (
    <div className="report-preview" role="region" aria-label="Preview of the report" tabIndex={0}>
      {!ready && (
        <p role="status" className="muted">
          Drawing the first page…
        </p>
      )}
      <ol ref={list}>
        {ready &&
          Array.from({ length: pageCount }, (_, index) => index + 1).map((page) => (
            <li key={page} data-page={page} style={{ aspectRatio: `1 / ${loaded.ratio}` }}>
              {visible.has(page) && <PreviewPage pdf={loaded.pdf} page={page} pageCount={pageCount} />}
            </li>
          ))}
      </ol>
    </div>
  );
}

/** One page drawn on a canvas at the screen's resolution, named for screen readers. */
function PreviewPage({ pdf, page, pageCount }: { pdf: PDFDocumentProxy; page: number; pageCount: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let task: RenderTask | undefined;
    let cancelled = false;
    void pdf.getPage(page).then((proxy) => {
      const element = canvas.current;
      if (cancelled || !element) return;
      const base = proxy.getViewport({ scale: 1 });
      const viewport = proxy.getViewport({ scale: (PAGE_WIDTH / base.width) * Math.min(window.devicePixelRatio || 1, 2) });
      element.width = Math.floor(viewport.width);
      element.height = Math.floor(viewport.height);
      task = proxy.render({ canvas: element, viewport });
      task.promise.then(
        () => !cancelled && setDrawn(true),
        () => undefined,
      );
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page]);
  return <canvas ref={canvas} role="img" aria-label={`Page ${page} of ${pageCount}`} data-drawn={drawn || undefined} />;
}
