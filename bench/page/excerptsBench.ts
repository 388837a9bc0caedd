/**
 * The excerpts benchmark's anchoring figure, run in the page by `npm run bench -- excerpts` (bench/excerpts.ts): a long
 * document with 2,000 excerpts has a line near its start removed by Clean up, which re-anchors every excerpt in the
 * same transaction. Only the benchmark harness imports this module.
 */
import type { Excerpt } from '../../shared/domain';
import { anchorAt, locateAnchor } from '../../renderer/src/anchoring/anchor';
import { CasebookDB } from '../../renderer/src/db/schema';
import { applyCleanup, createCase, createTextDocument, undoTextChange } from '../../renderer/src/domain';

export interface ReanchorBenchOptions {
  excerpts: number;
  lines: number;
  /** Excerpts whose line the clean-up removes, so they are orphaned (searched for approximately, in vain). */
  orphaned: number;
}

export interface ReanchorBenchResult {
  textChars: number;
  /** The clean-up through the domain: the new text, a version kept, every excerpt re-anchored and written. */
  domainMs: number;
  /** Undoing that clean-up: every excerpt back to its place in the text before, 20 found again. */
  undoMs: number;
  /** The same clean-up of the same text in a document without excerpts: what the text's own writes cost. */
  baselineMs: number;
  /** Locating every excerpt in the new text alone, in memory, without the hint the clean-up gives. */
  locateMs: number;
  orphaned: number;
  strategies: Record<string, number>;
}

const WORDS = 'harbour quay crate manifest vessel customs night watchman ledger cargo berth pilot tug seal container invoice'.split(' ');

/** A line of 8 to 20 varied words: lines differ enough that a quote of 50 characters is found in one place only. */
function line(seed: number): string {
  // mulberry32: a small, well-mixed generator, so that no two lines come out alike.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) >>> 4;
  };
  const words = Array.from({ length: 8 + (next() % 13) }, () => `${WORDS[next() % WORDS.length]}${next() % 1000}`);
  return `${words.join(' ')}.`;
}

export async function runReanchorBenchmark(options: ReanchorBenchOptions): Promise<ReanchorBenchResult> {
  const db = new CasebookDB(`bench-excerpts-${crypto.randomUUID()}`);
  try {
    const caseFile = await createCase(db, { name: 'Re-anchoring' });
    const lines = Array.from({ length: options.lines }, (_, index) => line(index + 1));
    const text = lines.join('\n');
    const document = await createTextDocument(db, caseFile.id, { title: 'Long log', text });

    // Excerpts spread over the text, 50 characters each inside one line, seeded raw (not what is measured).
    const starts: number[] = [];
    for (let at = 0, index = 0; index < lines.length; index++) {
      starts.push(at);
      at += lines[index]!.length + 1;
    }
    const step = Math.floor(lines.length / options.excerpts);
    const at = new Date().toISOString();
    const excerpts: Excerpt[] = Array.from({ length: options.excerpts }, (_, index) => {
      const lineIndex = index * step + 1;
      const start = starts[lineIndex]! + 2;
      const end = Math.min(start + 50, starts[lineIndex]! + lines[lineIndex]!.length);
      return {
        id: crypto.randomUUID(), caseId: caseFile.id, documentId: document.id, quote: text.slice(start, end),
        anchor: anchorAt(text, start, end), orphaned: false, detachedFrom: null, comment: null, tags: [], createdAt: at, updatedAt: at,
      };
    });
    await db.excerpts.bulkAdd(excerpts);
    // The first line (a title, say) goes, which moves every excerpt; so do the lines of a few excerpts, which are lost.
    const every = Math.floor(options.excerpts / Math.max(1, options.orphaned));
    const removed = [0, ...Array.from({ length: options.orphaned }, (_, n) => n * every * step + 1)];

    const started = performance.now();
    const result = await applyCleanup(db, document.id, removed.map((index) => ({ index, text: lines[index]! })));
    const domainMs = performance.now() - started;

    // In a case of its own: the same text twice in one case is refused as a duplicate.
    const bareCase = await createCase(db, { name: 'Re-anchoring, no excerpts' });
    const undoStarted = performance.now();
    await undoTextChange(db, document.id);
    const undoMs = performance.now() - undoStarted;

    const bare = await createTextDocument(db, bareCase.id, { title: 'Long log', text });
    const baselineStarted = performance.now();
    await applyCleanup(db, bare.id, removed.map((index) => ({ index, text: lines[index]! })));
    const baselineMs = performance.now() - baselineStarted;

    const cleaned = result.document.text;
    const strategies: Record<string, number> = {};
    const locateStarted = performance.now();
    for (const excerpt of excerpts) {
      const found = locateAnchor(cleaned, excerpt.quote, excerpt.anchor!);
      const strategy = found?.strategy ?? 'orphaned';
      strategies[strategy] = (strategies[strategy] ?? 0) + 1;
    }
    const locateMs = performance.now() - locateStarted;
    return { textChars: text.length, domainMs, undoMs, baselineMs, locateMs, orphaned: result.orphaned.length, strategies };
  } finally {
    await db.delete();
  }
}
