#!/usr/bin/env node
/**
 * The one line of the tests that attack the app (crash seeds, payloads, fuzzed inputs, model operations), printed at
 * the end of `npm test` from what each passing test recorded (tests/attackFigures.ts). `--reset` forgets the last
 * run's figures; `npm test` starts with it.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const folder = path.resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'casebook-attack-figures');
const ORDER = ['crash seeds survived', 'payloads tried', 'inputs fuzzed', 'domain operations checked'];

/** The line for the figures recorded: one count each, in a fixed order, so runs can be compared. */
export function attackFiguresLine(records) {
  const totals = new Map(ORDER.map((figure) => [figure, 0]));
  for (const { figure, count } of records) totals.set(figure, (totals.get(figure) ?? 0) + count);
  const counts = [...totals].map(([figure, count]) => `${count.toLocaleString('en')} ${figure}`);
  return `attack tests: ${counts.join(', ')}; nothing lost, nothing run, nothing fetched`;
}

function main() {
  if (process.argv.includes('--reset')) {
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  const records = existsSync(folder)
    ? readdirSync(folder).map((file) => JSON.parse(readFileSync(path.join(folder, file), 'utf8')))
    : [];
  console.log(attackFiguresLine(records));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
