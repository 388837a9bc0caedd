import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session } from 'electron';
import { REPORT_PDF_OPTIONS } from '../../../shared/contract';
import { printToPdfRequestSchema } from '../../../shared/contractSchemas';
import { LIMITS, REPORT_LAYOUT_TIME } from '../../../shared/limits';
import { APP_SCHEME, REPORT_CONTENT_SECURITY_POLICY } from '../services/appProtocol';
import { ownBytes } from './fileAccess';
import { defineHandler } from './guard';

/** The report's own host: a different origin from the app, so the printing page is never trusted for IPC. */
const REPORT_HOST = 'report';

/** Reports waiting to be printed, by the id in their URL. */
const pendingReports = new Map<string, string>();
let reportSession: Session | null = null;

/**
 * An in-memory session of its own, so the printing page shares no storage with the app, that serves only the
 * pending reports and lets no request leave it.
 */
function getReportSession(): Session {
  if (reportSession) return reportSession;
  const ses = session.fromPartition('casebook-report', { cache: false });
  ses.protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const html = url.host === REPORT_HOST ? pendingReports.get(url.pathname.slice(1)) : undefined;
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': REPORT_CONTENT_SECURITY_POLICY },
    });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith(`${APP_SCHEME}://${REPORT_HOST}/`) && !details.url.startsWith('data:') });
  });
  reportSession = ses;
  return ses;
}

async function withTimeout<T>(promise: Promise<T>, milliseconds: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), milliseconds);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lays the HTML out in a hidden, sandboxed window with JavaScript off and prints it to PDF bytes. */
async function renderPdf(html: string): Promise<Uint8Array> {
  const id = randomUUID();
  pendingReports.set(id, html);
  const printer = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: getReportSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  try {
    await withTimeout(
      printer.loadURL(`${APP_SCHEME}://${REPORT_HOST}/${id}`),
      LIMITS.reportLayoutMs,
      REPORT_LAYOUT_TIME,
    );
    const pdf = await printer.webContents.printToPDF({ ...REPORT_PDF_OPTIONS, margins: { ...REPORT_PDF_OPTIONS.margins } });
    return ownBytes(pdf);
  } finally {
    pendingReports.delete(id);
    printer.destroy();
  }
}

/**
 * Prints the report and answers with the PDF's bytes: the renderer reads its pages back (the table of contents' page
 * numbers), sets its properties and shows a preview before the researcher saves it through `saveFile`.
 */
export const printToPdf = defineHandler({
  name: 'printToPdf',
  action: 'print the report as a PDF',
  schema: printToPdfRequestSchema,
  run: (request) => renderPdf(request.html),
});
