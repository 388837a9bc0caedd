import { describe, expect, it } from 'vitest';
import { IMPORTERS, buildParser, fuzzImporters, type Importer } from './harness';

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
      const { failures, results } = await fuzzImporters({ bundle: await buildParser(), importers, inputs, seed });
      expect(failures.map((failure) => `${failure.importer} seed ${failure.seed}: ${failure.problem.split('\n')[0]}`)).toEqual([]);
      expect(results.map((result) => result.imported + result.refused)).toEqual(results.map(() => inputs));
    },
    // A hang is the harness's to find, input by input; this only stops a run gone wrong altogether.
    24 * 60 * 60 * 1000,
  );
});
