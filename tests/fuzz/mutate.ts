/**
 * Mutated inputs for the importers' fuzz: each made from a seed alone (the same seed, the same bytes), by one to
 * three of the mutations a damaged or hostile file shows: flipped bits, bytes inserted, deleted or overwritten,
 * a file cut short, a chunk repeated, two files spliced, and for zips (Word documents) a part of the zip mutated and
 * zipped again, or dropped, or repeated.
 */
import { unzipSync, zipSync } from 'fflate';
import { seededRandom } from '../seededRandom';

export interface Mutated {
  bytes: Uint8Array;
  /** What was done, for the report of a failure: "bit flips ×3, truncation". */
  steps: string[];
}

/** Byte values that parsers treat specially: boundaries of signed and unsigned sizes, NUL, markup. */
const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x20, 0x0a, 0x3c, 0x3e, 0x25, 0x28, 0x29];

type ByteMutation = (bytes: Uint8Array, next: () => number, others: readonly Uint8Array[]) => Uint8Array;

const below = (next: () => number, max: number) => Math.floor(next() * Math.max(max, 1));

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
};

const BYTE_MUTATIONS: Record<string, ByteMutation> = {
  'bit flips': (bytes, next) => {
    const out = bytes.slice();
    for (let n = 1 + below(next, 8); n > 0 && out.length; n--) out[below(next, out.length)]! ^= 1 << below(next, 8);
    return out;
  },
  'bytes overwritten': (bytes, next) => {
    const out = bytes.slice();
    for (let n = 1 + below(next, 16); n > 0 && out.length; n--)
      out[below(next, out.length)] = next() < 0.5 ? INTERESTING[below(next, INTERESTING.length)]! : below(next, 256);
    return out;
  },
  'bytes inserted': (bytes, next) => {
    const at = below(next, bytes.length + 1);
    const inserted = Uint8Array.from({ length: 1 + below(next, 64) }, () => below(next, 256));
    return concat(bytes.subarray(0, at), inserted, bytes.subarray(at));
  },
  'bytes deleted': (bytes, next) => {
    const at = below(next, bytes.length);
    return concat(bytes.subarray(0, at), bytes.subarray(at + 1 + below(next, 256)));
  },
  truncation: (bytes, next) => bytes.slice(0, below(next, bytes.length)),
  'chunk repeated': (bytes, next) => {
    const start = below(next, bytes.length);
    const chunk = bytes.subarray(start, start + 1 + below(next, 1024));
    const at = below(next, bytes.length + 1);
    const copies = Array.from({ length: 1 + below(next, 8) }, () => chunk);
    return concat(bytes.subarray(0, at), ...copies, bytes.subarray(at));
  },
  'spliced with another fixture': (bytes, next, others) => {
    const other = others[below(next, others.length)] ?? bytes;
    return concat(bytes.subarray(0, below(next, bytes.length + 1)), other.subarray(below(next, other.length)));
  },
};

const BYTE_NAMES = Object.keys(BYTE_MUTATIONS);

/** The largest part a mutated zip is unpacked with: far more than any fixture's part. */
const MAX_PART_BYTES = 16 * 1024 * 1024;

/** A Word document's zip with one part mutated (then zipped again), dropped or added twice under a new name. */
function mutateZipPart(bytes: Uint8Array, next: () => number, others: readonly Uint8Array[], steps: string[]): Uint8Array | null {
  let parts: Record<string, Uint8Array>;
  // A zip an earlier step damaged may declare parts of gigabytes, which fflate would set aside before inflating: such
  // a zip is not unpacked here (its bytes are mutated instead), or making the input would take the fuzz's own memory.
  let oversized = false;
  try {
    parts = unzipSync(bytes, {
      filter: ({ originalSize }) => {
        oversized ||= originalSize > MAX_PART_BYTES;
        return !oversized;
      },
    });
  } catch {
    return null;
  }
  if (oversized) return null;
  const names = Object.keys(parts);
  if (!names.length) return null;
  // The document's body is where most of what a converter reads is: it is chosen half of the time.
  const name = next() < 0.5 && parts['word/document.xml'] ? 'word/document.xml' : names[below(next, names.length)]!;
  const choice = next();
  if (choice < 0.1) {
    delete parts[name];
    steps.push(`part ${name} dropped`);
  } else if (choice < 0.15) {
    parts[`${name}.copy`] = parts[name]!;
    steps.push(`part ${name} repeated`);
  } else {
    const mutation = BYTE_NAMES[below(next, BYTE_NAMES.length)]!;
    parts[name] = BYTE_MUTATIONS[mutation]!(parts[name]!, next, others);
    steps.push(`part ${name}: ${mutation}`);
  }
  return zipSync(parts, { level: 1 });
}

/** The input for `seed`, made from one of `fixtures` (the others may be spliced in). */
export function mutate(fixtures: readonly Uint8Array[], seed: number, options: { zip?: boolean } = {}): Mutated & { fixture: number } {
  const next = seededRandom(seed);
  const fixture = below(next, fixtures.length);
  let bytes = fixtures[fixture]!;
  const steps: string[] = [];
  for (let n = 1 + below(next, 3); n > 0; n--) {
    if (options.zip && next() < 0.5) {
      const zipped = mutateZipPart(bytes, next, fixtures, steps);
      if (zipped) {
        bytes = zipped;
        continue;
      }
    }
    const mutation = BYTE_NAMES[below(next, BYTE_NAMES.length)]!;
    bytes = BYTE_MUTATIONS[mutation]!(bytes, next, fixtures);
    steps.push(mutation);
  }
  return { bytes, steps, fixture };
}
