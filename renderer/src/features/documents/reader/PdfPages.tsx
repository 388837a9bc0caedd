import { useLiveQuery } from 'dexie-react-hooks';
import type { PDFDocumentProxy, TextLayer } from 'pdfjs-dist';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { RecognisedPage } from '../../../../../shared/domain';
import { queries } from '../../../app/casebook';
import { usePagesInView } from '../../../components/usePagesInView';
import { OcrTextLayer } from './OcrTextLayer';
import { PAGE_DRAW_MS, drawPage, loadPdfJs, openPdf, pageDrawTimedOut } from './pdf';
import { scrollParentOf } from './scrolling';

/** Widest a page is drawn, in CSS pixels: wider is no easier to read and costs memory. */
const MAX_PAGE_WIDTH = 960;

interface PdfPagesProps {
  documentId: string;
  /** The page to bring into view; a new object each time, so asking twice for the same page scrolls twice. */
  target: { page: number } | null;
}

type Loaded = { pdf: PDFDocumentProxy; base: { width: number; height: number } } | { error: string };

/** A document's recognised (OCR) pages by number, read live so a new recognition shows at once. */
export function useRecognisedPages(documentId: string): ReadonlyMap<number, RecognisedPage> {
  const pages = useLiveQuery(() => queries.recognisedPages(documentId), [documentId]);
  return useMemo(() => new Map((pages ?? []).map((page) => [page.page, page])), [pages]);
}

/**
 * The original PDF's pages, drawn from its bytes as they come into view, each with PDF.js's text layer on top (or
 * the text recognised in its image, for a scanned PDF) so its text can be selected, found and quoted. Pages far from
 * view give their canvas back, so long reports stay light.
 */
export function PdfPages({ documentId, target }: PdfPagesProps) {
  const recognised = useRecognisedPages(documentId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [width, setWidth] = useState(0);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    (async () => {
      const file = await queries.originalFile(documentId);
      if (!file) throw new Error('its original file is not in the case any more.');
      const task = await openPdf(new Uint8Array(await file.bytes.arrayBuffer()));
      destroy = () => task.destroy();
      if (cancelled) return;
      const pdf = await task.promise;
      const { width, height } = (await pdf.getPage(1)).getViewport({ scale: 1 });
      if (!cancelled) setLoaded({ pdf, base: { width, height } });
    })().catch((error: unknown) => {
      if (!cancelled) setLoaded({ error: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [documentId]);

  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      // Steps of 32 px: a scroll bar appearing must not redraw every page.
      if (entry) setWidth(Math.floor(entry.contentRect.width / 32) * 32);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Pages exist once the PDF is open and the space for them is measured.
  const ready = loaded !== null && 'pdf' in loaded && width > 0;
  const visible = usePagesInView(wrapper, ready, scrollParentOf);

  // Where the reader is: the page at the top of the view and how far down it. A new width redraws every page at
  // another size, and the reader must stay where they were (a scroll bar appearing is enough to cause one).
  const position = useRef<{ page: number; fraction: number } | null>(null);
  useEffect(() => {
    const element = wrapper.current;
    const scroller = element && ready ? scrollParentOf(element) : null;
    if (!element || !scroller) return;
    const remember = () => {
      const top = scroller.getBoundingClientRect().top;
      for (const page of element.querySelectorAll<HTMLElement>('[data-page]')) {
        const box = page.getBoundingClientRect();
        if (box.bottom <= top) continue;
        position.current = { page: Number(page.dataset.page), fraction: Math.max(0, (top - box.top) / box.height) };
        return;
      }
    };
    scroller.addEventListener('scroll', remember, { passive: true });
    return () => scroller.removeEventListener('scroll', remember);
  }, [ready]);

  const scale = loaded && 'pdf' in loaded && width ? Math.min(width, MAX_PAGE_WIDTH) / loaded.base.width : 0;
  useLayoutEffect(() => {
    const element = wrapper.current;
    const kept = position.current;
    const scroller = element ? scrollParentOf(element) : null;
    const page = kept ? element?.querySelector<HTMLElement>(`[data-page="${kept.page}"]`) : null;
    if (!kept || !scroller || !page) return;
    const box = page.getBoundingClientRect();
    scroller.scrollTop += box.top + kept.fraction * box.height - scroller.getBoundingClientRect().top;
  }, [scale]);

  useEffect(() => {
    if (!target || !ready) return;
    wrapper.current?.querySelector(`[data-page="${target.page}"]`)?.scrollIntoView({ block: 'start' });
    position.current = { page: target.page, fraction: 0 };
  }, [target, ready]);

  if (loaded && 'error' in loaded)
    return (
      <p className="form-error" role="alert">
        The original PDF could not be shown: {loaded.error} Its extracted text is still in the Text view.
      </p>
    );
  return (
    <div ref={wrapper} className="pdf-pages">
      {!loaded || !scale ? (
        <p role="status" className="muted">
          Opening the PDF…
        </p>
      ) : (
        Array.from({ length: loaded.pdf.numPages }, (_, index) => (
          <PdfPage
            key={index + 1}
            pdf={loaded.pdf}
            number={index + 1}
            count={loaded.pdf.numPages}
            scale={scale}
            estimate={{ width: loaded.base.width * scale, height: loaded.base.height * scale }}
            visible={visible.has(index + 1)}
            recognised={recognised.get(index + 1) ?? null}
          />
        ))
      )}
    </div>
  );
}

interface PdfPageProps {
  pdf: PDFDocumentProxy;
  number: number;
  count: number;
  scale: number;
  /** The page's size before it is drawn: the first page's, which most documents share. */
  estimate: { width: number; height: number };
  visible: boolean;
  /** The words recognised in the page's image (OCR), laid over it instead of PDF.js's (empty) text layer. */
  recognised: RecognisedPage | null;
}

function PdfPage({ pdf, number, count, scale, estimate, visible, recognised }: PdfPageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ scale: number; width: number; height: number } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const canvasElement = canvas.current;
    const layerElement = layer.current;
    if (!visible || !canvasElement) return;
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let textLayer: TextLayer | undefined;
    (async () => {
      const { TextLayer } = await loadPdfJs();
      const page = await pdf.getPage(number);
      if (stop.signal.aborted) return;
      const viewport = page.getViewport({ scale });
      setDrawn({ scale, width: viewport.width, height: viewport.height });
      setFailed(null);
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, PAGE_DRAW_MS)));
      const outcome = await drawPage(page, canvasElement, viewport, { devicePixelRatio: window.devicePixelRatio || 1, deadline, signal: stop.signal });
      if (outcome === 'timed out') setFailed(pageDrawTimedOut());
      if (outcome !== 'drawn' || !layerElement) return;
      textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container: layerElement, viewport });
      await textLayer.render();
      layerElement.dataset.rendered = 'true';
    })().catch(() => {
      if (!stop.signal.aborted) setFailed(`Page ${number} could not be drawn.`);
    });
    return () => {
      stop.abort();
      clearTimeout(timer);
      textLayer?.cancel();
      canvasElement.width = 0;
      canvasElement.height = 0;
      layerElement?.replaceChildren();
      if (layerElement) delete layerElement.dataset.rendered;
    };
  }, [visible, pdf, number, scale]);

  const size = drawn?.scale === scale ? drawn : estimate;
  const style = {
    width: size.width,
    height: size.height,
    '--total-scale-factor': scale,
    '--scale-round-x': '1px',
    '--scale-round-y': '1px',
  } as CSSProperties;
  return (
    <div className="pdf-page" data-page={number} role="group" aria-label={`Page ${number} of ${count}`} style={style}>
      <canvas ref={canvas} aria-hidden="true" />
      {recognised ? visible && <OcrTextLayer page={recognised} /> : <div ref={layer} className="textLayer" />}
      {failed && (
        <p className="pdf-page-error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}
