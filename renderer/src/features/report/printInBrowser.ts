import { frameDocument } from '../../html/frameDocument';

/**
 * Offers the report to the browser's own print dialog, where "Save as PDF" is one of the printers: the fallback of a
 * browser with no print engine. The report is static HTML; its frame runs no script (no `allow-scripts`) and is
 * removed once the dialog closes.
 */
export async function printInBrowser(html: string): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  frame.setAttribute('aria-hidden', 'true');
  frame.title = 'Report for printing';
  Object.assign(frame.style, { position: 'fixed', inset: '0', width: '0', height: '0', border: '0' });
  frame.srcdoc = frameDocument(html) as unknown as string;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  try {
    await loaded;
    // print() returns when the dialog closes.
    frame.contentWindow?.print();
  } finally {
    frame.remove();
  }
}
