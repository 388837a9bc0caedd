import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The figures of the tests that attack the app, gathered across Vitest and Playwright: each test that passed records
 * what it tried here, and `scripts/attack-figures.mjs` prints them as the run's one line at the end of `npm test`.
 */
export const ATTACK_FIGURES_FOLDER = path.resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'casebook-attack-figures');

export type AttackFigure =
  /** A browser killed (SIGKILL) or a page crashed during an operation, after which the library opened consistent. */
  | 'crash seeds survived'
  /** A known XSS or sanitiser-bypass payload, or a generated one, shown by the app without anything firing. */
  | 'payloads tried'
  /** A mutated file given to an importer that was imported, or refused with a message, without a crash or hang. */
  | 'inputs fuzzed'
  /** A domain operation run against the model of a case, a storage failure injected in some. */
  | 'domain operations checked';

/** Records that a passing test tried `count` of `figure`. */
export function recordAttackFigure(figure: AttackFigure, count: number, source: string): void {
  mkdirSync(ATTACK_FIGURES_FOLDER, { recursive: true });
  const file = `${source.replace(/[^a-z0-9]+/gi, '-')}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`;
  writeFileSync(path.join(ATTACK_FIGURES_FOLDER, file), JSON.stringify({ figure, count, source }));
}
