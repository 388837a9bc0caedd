// The harness runs under the app's CSP (Trusted Types included), with the app's default policy.
import '../../renderer/src/app/defaultPolicy';
import { CasebookDB } from '../../renderer/src/db/schema';
import { createCase, createEntities, createEvent } from '../../renderer/src/domain';
import { runSearchBenchmark, type SearchBenchOptions } from './searchBench';
import { runReanchorBenchmark, type ReanchorBenchOptions } from './excerptsBench';
import { entityInputs, rawEntities, rawEvents, rawLinks } from './generate';
import { importBatch, storeExtractedText } from './importBench';
import { seedHighlightedDocument } from './highlightBench';
import { readExcerptTable, seedExcerptsCase } from './excerptsTableBench';
import { runSuggestionsBenchmark, type SuggestionsBenchOptions } from './suggestionsBench';
import { mentionsBenchmark } from './mentionsBench';
import { runChartBenchmark, showChart } from './chartBench';
import { runDatesBenchmark } from './datesBench';
import { runTimelineBenchmark, showTimeline } from './timelineBench';
import { editorBenchmark, seedNoteCase } from './editorBench';
import { reportAsOneDocument, seedReportCase } from './reportBench';
import { checkArchiveBenchmark, exportArchiveBenchmark, seedArchiveCase, writeCheckedArchiveBenchmark, zipBaselineBenchmark } from './archiveBench';
import { REPORT_PDF_OPTIONS } from '../../shared/contract';
import { playwrightPdfOptions } from '../../shared/pdfOptions';

/**
 * Functions `npm run bench` calls in the page, against the real IndexedDB. Seeding writes into the app's own
 * database ("casebook"), so the app opened afterwards in the same origin shows the seeded case.
 */
const harness = {
  /** Seeds one case with the given numbers of records; returns its id. */
  async seedCase(options: { entities: number; links: number; events: number; name: string }) {
    const db = new CasebookDB();
    const caseFile = await createCase(db, { name: options.name });
    const entities = rawEntities(caseFile.id, entityInputs(options.entities));
    const events = rawEvents(caseFile.id, options.events);
    const links = rawLinks(caseFile.id, entities, events, options.links);
    // One domain event so the overview's activity list is not empty.
    await createEvent(db, caseFile.id, { title: 'Seeded', start: { value: '2020', precision: 'year' } });
    await db.transaction('rw', [db.entities, db.events, db.links], async () => {
      await db.entities.bulkAdd(entities);
      await db.events.bulkAdd(events);
      await db.links.bulkAdd(links);
    });
    db.close();
    return caseFile.id;
  },

  /** Inserts the same generated entities through the domain layer and raw, in fresh databases; milliseconds each. */
  async bulkInsert(count: number) {
    const inputs = entityInputs(count, 7);
    const domainDb = new CasebookDB(`bench-domain-${crypto.randomUUID()}`);
    const rawDb = new CasebookDB(`bench-raw-${crypto.randomUUID()}`);
    const domainCase = await createCase(domainDb, { name: 'Bulk insert' });
    const rawCase = await createCase(rawDb, { name: 'Bulk insert' });

    // The baseline is IndexedDB itself: one native transaction, one add() per row, no Dexie in between.
    const rawRows = rawEntities(rawCase.id, inputs);
    const idb = rawDb.backendDB();
    let started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const transaction = idb.transaction('entities', 'readwrite');
      const store = transaction.objectStore('entities');
      for (const row of rawRows) store.add(row);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    const rawMs = performance.now() - started;

    started = performance.now();
    await createEntities(domainDb, domainCase.id, inputs);
    const domainMs = performance.now() - started;

    await Promise.all([domainDb.delete(), rawDb.delete()]);
    return { domainMs, rawMs };
  },

  /** Indexes, saves, loads and searches a case of generated documents, and scans the same text for comparison. */
  importBatch,
  storeExtractedText,
  /** A long document with thousands of excerpts, for the reader's highlights. */
  seedHighlightedDocument,
  /** A case of 100,000 excerpts with a nested codebook, for the excerpts view. */
  seedExcerptsCase,
  readExcerptTable,

  searchBenchmark(options: SearchBenchOptions) {
    return runSearchBenchmark(options);
  },

  /** Suggests the names of a long news text in the suggestions worker; see suggestionsBench.ts. */
  suggestionsBenchmark(options: SuggestionsBenchOptions) {
    return runSuggestionsBenchmark(options);
  },
  /** Mentions of 10,000 entities in 10,000 documents, in the mentions worker, step by step; see mentionsBench.ts. */
  mentionsBenchmark,
  /** Finds the dates in 1,000 generated documents in the dates worker; see datesBench.ts. */
  datesBenchmark: runDatesBenchmark,
  /** Draws a synthetic case in the link chart and moves its view; see chartBench.ts. */
  chartBenchmark: runChartBenchmark,
  showChart,
  /** Draws a synthetic chronology on the timeline and zooms and pans it; see timelineBench.ts. */
  timelineBenchmark: runTimelineBenchmark,
  showTimeline,
  /** Opens a long note (or any TipTap JSON) in the editor and times the typing in it; see editorBench.ts. */
  editorBenchmark,
  /** A case with one long note, or one of many mentions, to open in the app; see editorBench.ts. */
  seedNoteCase,
  /** A case to export as a report, at 1× the size or a multiple; see reportBench.ts. */
  seedReportCase,
  reportAsOneDocument,
  /** The case archive's benchmark (archiveBench.ts): a case of 10,000 documents and 100,000 excerpts, exported, imported, and zipped alone. */
  seedArchiveCase,
  exportArchiveBenchmark,
  checkArchiveBenchmark,
  writeCheckedArchiveBenchmark,
  zipBaselineBenchmark,
  /** The options Chromium's print engine is given for a report, in Playwright's words: the ones Electron is given. */
  reportPdfOptions: () => playwrightPdfOptions(REPORT_PDF_OPTIONS),

  /** Re-anchors a long document's excerpts after a clean-up, through the domain; see excerptsBench.ts. */
  reanchorBenchmark(options: ReanchorBenchOptions) {
    return runReanchorBenchmark(options);
  },
};

declare global {
  interface Window {
    casebookBench?: typeof harness;
  }
}
window.casebookBench = harness;
document.body.dataset.ready = 'true';
