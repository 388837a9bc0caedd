/**
 * The `fuzz` area of `npm run bench`: the importers' fuzz at its full count (10,000 mutated inputs an importer, as
 * `npm run fuzz`), in Node through Vitest (`tests/fuzz/`), its lines relayed with how long each importer took. It
 * needs neither the page nor the browser the other areas drive.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export async function runFuzzBench(inputs = 10_000): Promise<void> {
  const vitest = join(import.meta.dirname, '..', 'node_modules', '.bin', 'vitest');
  const child = spawn(vitest, ['run', 'tests/fuzz'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, CASEBOOK_FUZZ_INPUTS: String(inputs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let since = performance.now();
  for await (const line of createInterface({ input: child.stdout })) {
    const found = /importer fuzz: .*/.exec(line);
    if (!found) continue;
    const now = performance.now();
    console.log(`${found[0]}  (${((now - since) / 1000).toFixed(1)} s)`);
    since = now;
  }
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) console.log(`importer fuzz: failed (Vitest exited with ${code}); the lines above name each failing seed`);
}
