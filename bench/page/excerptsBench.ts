/**
 * The excerpts benchmark's anchoring figure, run in the page by `npm run bench -- excerpts` (bench/excerpts.ts): a long
 * document with 2,000 excerpts has a line near its start removed by Clean up, which re-anchors every excerpt in the
 * same transaction. Only the benchmark harness imports this module.
 */
import type { Excerpt } from '../../shared/domain';
import { anchorAt, locateAnchor } from '../../renderer/src/anchoring/anchor';
import { CasebookDB } from '../../renderer/src/db/schema';
import { applyCleanup, createCase, createTextDocument } from '../../renderer/src/domain';

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
  /** Locating every excerpt in the new text alone, in memory, without the hint the clean-up gives. */
  locateMs: number;
  orphaned: number;
  strategies: Record<string, number>;
}

const WORDS = 'harbour quay crate manifest vessel customs night watchman ledger cargo berth pilot tug seal container invoice'.split(' ');

/** A line of 8 to 20 varied words: lines differ enough that a quote of 50 characters is found in one place only. */
function line(seed: number): string {
  let state = seed * 2_654_435_761;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) >>> 0) >>> 8);
  const words = Array.from({ length: 8 + (next() % 13) }, () => `${WORDS[next() % WORDS.length]}${next() % 100}`);
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

    const cleaned = result.document.text;
    const strategies: Record<string, number> = {};
    const locateStarted = performance.now();
    for (const excerpt of excerpts) {
      const found = locateAnchor(cleaned, excerpt.quote, excerpt.anchor!);
      const strategy = found?.strategy ?? 'orphaned';
      strategies[strategy] = (strategies[strategy] ?? 0) + 1;
    }
    const locateMs = performance.now() - locateStarted;
    return { textChars: text.length, domainMs, locateMs, orphaned: result.orphaned.length, strategies };
  } finally {
    await db.delete();
  }
}
