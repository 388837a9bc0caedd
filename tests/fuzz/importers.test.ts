import { describe, expect, it } from 'vitest';
import { readArchive } from '../../renderer/src/archive/readArchive';
import { writeArchive } from '../../renderer/src/archive/writeArchive';
import { recordAttackFigure } from '../attackFigures';
import { readFixture } from '../fixtures/read-fixture';
import { freshDatabase, seedRepresentativeCase } from '../unit/database';
import { IMPORTERS, buildParser, fuzzImporters, removeParser, type Importer } from './harness';

/** A representative case exported as the app exports it: the archive importer's one fixture. */
async function exportedCase(): Promise<{ name: string; bytes: Uint8Array }> {
  const db = freshDatabase();
  try {
    const { caseFile } = await seedRepresentativeCase(db);
    const chunks: Uint8Array[] = [];
    await writeArchive(db, caseFile.id, new WritableStream({ write: (chunk) => void chunks.push(chunk.slice()) }), { appVersion: '0.1.0' });
    return { name: 'Harbour charter.casebook', bytes: new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()) };
  } finally {
    await db.delete();
  }
}

/**
 * `npm test` runs a seeded sample of each importer's inputs; `npm run fuzz` (and `npm run bench -- fuzz`) the full
 * 10,000 each. CASEBOOK_FUZZ_INPUTS, CASEBOOK_FUZZ_SEED and CASEBOOK_FUZZ_IMPORTERS (comma-separated) change them.
 */
const inputs = Number(process.env.CASEBOOK_FUZZ_INPUTS ?? 150);
const seed = Number(process.env.CASEBOOK_FUZZ_SEED ?? 1);
const importers = (process.env.CASEBOOK_FUZZ_IMPORTERS?.split(',') ?? Object.keys(IMPORTERS)) as Importer[];

describe('importer fuzz', () => {
  it(
    `parses ${inputs} mutated inputs of each importer without a crash, a hang or a message that is not one`,
    async () => {
      const made = importers.includes('archive') ? { archive: [await exportedCase()] } : {};
      // The fixture itself reads, so that what the mutations change is what is refused.
      for (const { name, bytes } of made.archive ?? []) await expect(readArchive(new Blob([bytes as BlobPart]), name)).resolves.toBeTruthy();
      const bundle = await buildParser();
      const { failures, results } = await fuzzImporters({ bundle, importers, inputs, seed, made }).finally(() => removeParser(bundle));
      expect(failures.map((failure) => `${failure.importer} seed ${failure.seed}: ${failure.problem.split('\n')[0]}`)).toEqual([]);
      expect(results.map((result) => result.imported + result.refused)).toEqual(results.map(() => inputs));
      recordAttackFigure('inputs fuzzed', inputs * results.length, 'importer fuzz');
    },
    // A hang is the harness's to find, input by input; this only stops a run gone wrong altogether.
    24 * 60 * 60 * 1000,
  );

  it('replays the inputs it found, each as the app now takes it', async () => {
    const bundle = await buildParser();
    // PDFs whose page tree leads to damaged objects (a bad cross-reference entry, a bad number, a dictionary cut
    // short): each imports or is refused as damaged, and pdf.js leaves some of its page-tree fetches rejected, which
    // the import worker silences (isPdfjsStrayRejection).
    const pdf = [1365, 2139, 5372].map((seed) => ({ name: 'three-page-report.pdf', bytes: readFixture(`fuzz/pdf-${seed}-three-page-report.pdf`) }));
    const { failures, results } = await fuzzImporters({ bundle, importers: ['pdf'], made: { pdf }, asFound: true, inputs: pdf.length, seed: 0, threads: 1, onLine: () => {} }).finally(() =>
      removeParser(bundle),
    );
    expect(failures).toEqual([]);
    expect(results).toEqual([expect.objectContaining({ importer: 'pdf', inputs: 3, crashes: 0, hangs: 0 })]);
    expect(results[0]!.imported + results[0]!.refused).toBe(3);
    expect(results[0]!.strays).toBeGreaterThanOrEqual(3);
  });
});
