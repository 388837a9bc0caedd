/**
 * The search benchmark, run in the page by `npm run bench` (bench/search.ts) through the harness: a case of
 * synthetic documents is stored, indexed (in the search worker), saved, loaded again and searched, and the same
 * queries are answered by a plain scan of the same text for comparison. Only the benchmark harness imports this module.
 */
import type { CaseDocument } from '../../shared/domain';
import { CasebookDB } from '../../renderer/src/db/schema';
import { createCase } from '../../renderer/src/domain';
import { syntheticDocuments } from './corpus';
import { fold } from '../../renderer/src/search/fold';
import { attachSearchIndexing, searchIndexFor } from '../../renderer/src/search/indexing';
import type { SearchTimings } from '../../renderer/src/search/protocol';
import { parseQuery } from '../../renderer/src/search/query';
import { watchLongTasks } from './longTasks';

export interface SearchBenchOptions {
  documents: number;
  /** Characters of text per document. */
  size: number;
  /** Times each query is run. */
  rounds: number;
}

/**
 * Used JS heap, after a full garbage collection, of the page and of the search workers, and the search workers' array
 * buffers (kept outside that heap); measured by bench/search.ts.
 */
export interface HeapReading {
  pageBytes: number;
  workerBytes: number;
  workerBufferBytes: number;
}

declare global {
  interface Window {
    /** Exposed by bench/search.ts, which reads the heaps through the DevTools protocol. */
    casebookSearchHeap?: () => Promise<HeapReading>;
  }
}

export interface Timings {
  median: number;
  p95: number;
  total: number;
}

export interface SearchBenchResult {
  documents: number;
  textMB: number;
  seedMs: number;
  buildMs: number;
  saveMs: number;
  savedMB: number;
  /** Of what is saved, the text the hits are cut from (UTF-8). */
  savedTextMB: number;
  loadMs: number;
  loadOrigin: string;
  /** Heap growth from building the index, in the search worker and in the page, each after garbage collection. */
  heapMB: number | null;
  pageHeapMB: number | null;
  /** Growth of the search worker's array buffers from building the index: the pair filters and the hits' text. */
  buffersMB: number | null;
  /** Main-thread tasks over 50 ms while building and while loading: the UI's worst pauses. */
  longestTaskBuildMs: number;
  longestTaskLoadMs: number;
  queries: { query: string; hits: number; ms: number; scanMatches: number; scanMs: number }[];
  searchBox: Timings;
  /** The first round alone: each query run for the first time, as a researcher's new query is. */
  searchBoxFirstRound: Timings;
  lookupFirstRound: Timings;
  readFirstRound: Timings;
  snippetsFirstRound: Timings;
  roundTripFirstRound: Timings;
  resultsPage: Timings;
  /** Where the search box's queries spent their time in the worker; the rest is the round trip to it. */
  lookup: Timings;
  read: Timings;
  snippets: Timings;
  roundTrip: Timings;
  /** Scanning text folded beforehand and kept in memory: the fastest a scan can be. */
  scan: Timings;
  /** Scanning as a list filter does, folding each text as it goes (one round). */
  scanFolding: Timings;
}

const QUERIES = [
  'harbour',
  'vessel charter',
  'Frederic',
  'lodz',
  'payment transf',
  'witness statement',
  'customs manifest container',
  'offshore fund',
  'gdansk port',
  'zoe muller',
  'audit ledger',
  'broker agent bank',
  'tromso',
  'capt',
  'subsid',
  'director regis',
  'Renée Citroën',
  '"signed contract"',
];

function timings(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
    total: sorted.reduce((sum, value) => sum + value, 0),
  };
}

const heapUsed = (): Promise<HeapReading | null> => window.casebookSearchHeap?.() ?? Promise.resolve(null);

/** Phrases as a researcher would copy them from a document: three words in a row from a few of the texts. */
function phrasesFrom(texts: string[]): string[] {
  return [Math.floor(texts.length / 3), Math.floor((texts.length * 2) / 3)].map((at) => {
    const words = texts[at]!.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return `"${words.slice(40, 43).join(' ')}"`;
  });
}

/** The naive search the index replaces: every query word (or phrase) looked for in every text. */
function scan(texts: readonly string[], query: string, folding: (text: string) => string): number {
  const parsed = parseQuery(query);
  const needles = [...parsed.words, ...parsed.phrases.map((phrase) => phrase.join(' '))];
  let matches = 0;
  for (const text of texts) {
    const folded = folding(text);
    if (needles.every((needle) => folded.includes(needle))) matches++;
  }
  return matches;
}

export async function runSearchBenchmark(options: SearchBenchOptions): Promise<SearchBenchResult> {
  const name = `bench-search-${crypto.randomUUID()}`;
  const db = new CasebookDB(name);
  const indexing = attachSearchIndexing(db);
  const caseFile = await createCase(db, { name: 'Search benchmark' });
  // An empty case's index first, so the worker is running (its code loaded) when the heap is read before building.
  const empty = await createCase(db, { name: 'Empty' });
  await searchIndexFor(db, empty.id).flush();

  // Seeding: synthetic documents, a third of them paged like PDFs, stored raw in slices.
  let started = performance.now();
  const next = syntheticDocuments({ size: options.size });
  const at = new Date().toISOString();
  let textChars = 0;
  const sampleTexts: string[] = [];
  for (let start = 0; start < options.documents; start += 500) {
    const slice: CaseDocument[] = [];
    for (let index = start; index < Math.min(options.documents, start + 500); index++) {
      const generated = next(index);
      textChars += generated.text.length;
      if (index % 1000 === 333) sampleTexts.push(generated.text);
      const paged = index % 3 === 0;
      slice.push({
        id: crypto.randomUUID(),
        caseId: caseFile.id,
        title: generated.title,
        kind: paged ? 'pdf' : 'text',
        fileName: paged ? `report-${index}.pdf` : null,
        mimeType: paged ? 'application/pdf' : 'text/plain',
        size: generated.text.length,
        sha256: `${index}`.padStart(64, '0'),
        importedAt: at,
        text: generated.text,
        html: null,
        sourceUrl: null,
        authors: [],
        publishedAt: null,
        language: 'en',
        tags: [],
        summary: null,
        siteName: null,
        charset: paged ? null : 'utf-8',
        pages: paged ? generated.pages : null,
        pageCount: paged ? generated.pages.length : null,
        textLayer: true,
        ocr: null,
        warnings: [],
        cleanup: null,
        textVersion: 1,
        createdAt: at,
        updatedAt: at,
      });
    }
    await db.documents.bulkAdd(slice);
  }
  // The last slices' changes reach the open indexes once their transactions complete, not when bulkAdd resolves.
  await indexing.writesForwarded();
  const seedMs = performance.now() - started;
  const queries = [...QUERIES, ...phrasesFrom(sampleTexts)];

  // Building, with the long tasks it causes and the heap it takes.
  const heapBefore = await heapUsed();
  let stopWatch = watchLongTasks();
  started = performance.now();
  const index = searchIndexFor(db, caseFile.id);
  let buildMs = 0;
  index.subscribe(() => {
    if (!buildMs && index.status.state === 'ready') buildMs = performance.now() - started;
  });
  await index.ready;
  const saveMs = performance.now() - started - buildMs;
  const longestTaskBuildMs = stopWatch();
  const heapAfter = await heapUsed();
  const saved = await db.searchIndexes.get(caseFile.id);
  const savedTextMB = (saved?.hitSources.texts.byteLength ?? 0) / 1e6;
  const savedMB =
    (saved ? saved.parts.reduce((sum, part) => sum + part.length, 0) + saved.pairFilters.words.byteLength : 0) / 1e6 +
    savedTextMB;

  // Searching: each query `rounds` times, as the search box asks (10 hits) and as the results page asks (50).
  const searchBox: number[] = [];
  const resultsPage: number[] = [];
  const spent: SearchTimings[] = [];
  /** Each search box query's time outside the worker's own work: the messages there and back, and waiting for them. */
  const roundTrips: number[] = [];
  const perQuery = new Map<string, { hits: number; ms: number[] }>();
  for (let round = 0; round < options.rounds; round++)
    for (const query of queries) {
      let begun = performance.now();
      const { hits, timings } = await index.searchWithTimings(query, { limit: 10 });
      const ms = performance.now() - begun;
      searchBox.push(ms);
      spent.push(timings);
      roundTrips.push(ms - timings.lookupMs - timings.readMs - timings.snippetsMs);
      const entry = perQuery.get(query) ?? { hits: hits.length, ms: [] };
      entry.ms.push(ms);
      perQuery.set(query, entry);
      begun = performance.now();
      await index.search(query, { limit: 50 });
      resultsPage.push(performance.now() - begun);
    }

  // Loading the saved copy in a new connection with its own worker, as after a reload.
  indexing.close();
  const reloaded = new CasebookDB(name);
  const reloadedIndexing = attachSearchIndexing(reloaded);
  stopWatch = watchLongTasks();
  started = performance.now();
  const loaded = searchIndexFor(reloaded, caseFile.id);
  await loaded.ready;
  const loadMs = performance.now() - started;
  const longestTaskLoadMs = stopWatch();
  const loadOrigin = JSON.stringify(loaded.origin);
  reloadedIndexing.close();
  reloaded.close();

  // The plain scan, over the same texts read back: folded beforehand (not timed) and kept in memory, then folding
  // each text as it goes, as a list filter does.
  const texts = (await db.documents.where('caseId').equals(caseFile.id).toArray()).map(
    (document) => `${document.title}\n${document.text}`,
  );
  const folded = texts.map(fold);
  const scanSamples: number[] = [];
  const scanned = new Map<string, { matches: number; ms: number[] }>();
  for (let round = 0; round < options.rounds; round++)
    for (const query of queries) {
      const begun = performance.now();
      const matches = scan(folded, query, (text) => text);
      const ms = performance.now() - begun;
      scanSamples.push(ms);
      const entry = scanned.get(query) ?? { matches, ms: [] };
      entry.ms.push(ms);
      scanned.set(query, entry);
    }
  const scanFolding: number[] = [];
  for (const query of queries) {
    const begun = performance.now();
    scan(texts, query, fold);
    scanFolding.push(performance.now() - begun);
  }
  db.close();
  await CasebookDB.delete(name);

  return {
    documents: options.documents,
    textMB: textChars / 1e6,
    seedMs,
    buildMs,
    saveMs,
    savedMB,
    savedTextMB,
    loadMs,
    loadOrigin,
    heapMB: heapBefore && heapAfter ? (heapAfter.workerBytes - heapBefore.workerBytes) / 1e6 : null,
    pageHeapMB: heapBefore && heapAfter ? (heapAfter.pageBytes - heapBefore.pageBytes) / 1e6 : null,
    buffersMB: heapBefore && heapAfter ? (heapAfter.workerBufferBytes - heapBefore.workerBufferBytes) / 1e6 : null,
    longestTaskBuildMs,
    longestTaskLoadMs,
    queries: queries.map((query) => ({
      query,
      hits: perQuery.get(query)!.hits,
      ms: timings(perQuery.get(query)!.ms).median,
      scanMatches: scanned.get(query)!.matches,
      scanMs: timings(scanned.get(query)!.ms).median,
    })),
    searchBox: timings(searchBox),
    searchBoxFirstRound: timings(searchBox.slice(0, queries.length)),
    lookupFirstRound: timings(spent.slice(0, queries.length).map((one) => one.lookupMs)),
    readFirstRound: timings(spent.slice(0, queries.length).map((one) => one.readMs)),
    snippetsFirstRound: timings(spent.slice(0, queries.length).map((one) => one.snippetsMs)),
    roundTripFirstRound: timings(roundTrips.slice(0, queries.length)),
    resultsPage: timings(resultsPage),
    lookup: timings(spent.map((one) => one.lookupMs)),
    read: timings(spent.map((one) => one.readMs)),
    snippets: timings(spent.map((one) => one.snippetsMs)),
    roundTrip: timings(roundTrips),
    scan: timings(scanSamples),
    scanFolding: timings(scanFolding),
  };
}
