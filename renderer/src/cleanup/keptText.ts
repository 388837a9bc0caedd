/**
 * A text without some of its lines, and how places in it map between two such texts of one original: the texts a
 * clean-up makes (domain/documentCleanup.ts) and the excerpts that must follow their quotes between them.
 */

const isBlank = (line: string) => line.trim() === '';

/**
 * The text without the removed lines. Blank lines left next to a removed line fold into one, so removing an
 * "ADVERTISEMENT" between two paragraphs leaves one blank line between them, not three.
 */
export function keptTextOf(text: string, removed: ReadonlySet<number>): string {
  return keptLinesOf(text, removed).text;
}

/**
 * The text without the removed lines (as keptTextOf), with where each line of the original that is kept starts in
 * it: `starts.get(i)` is the offset in the kept text of line i of `text`.
 */
export function keptLinesOf(text: string, removed: ReadonlySet<number>): { text: string; starts: Map<number, number> } {
  const kept: { line: string; index: number }[] = [];
  let afterRemoval = false;
  text.split(/\r?\n/).forEach((line, index) => {
    if (removed.has(index)) {
      afterRemoval = true;
      return;
    }
    if (isBlank(line)) {
      if (afterRemoval && (kept.length === 0 || isBlank(kept.at(-1)!.line))) return;
    } else {
      afterRemoval = false;
    }
    kept.push({ line, index });
  });
  if (afterRemoval) while (kept.length && isBlank(kept.at(-1)!.line)) kept.pop();
  const starts = new Map<number, number>();
  let offset = 0;
  for (const { line, index } of kept) {
    starts.set(index, offset);
    offset += line.length + 1;
  }
  return { text: kept.map(({ line }) => line).join('\n'), starts };
}

/**
 * Where an offset of one kept text falls in another kept text of the same original: `from` and `to` are the line
 * starts of each (keptLinesOf). Null when the line it falls in is not in `to`.
 */
export function mapOffset(offset: number, from: ReadonlyMap<number, number>, to: ReadonlyMap<number, number>): number | null {
  let line = -1;
  let lineStart = -1;
  for (const [index, start] of from)
    if (start <= offset && start > lineStart) {
      line = index;
      lineStart = start;
    }
  const target = to.get(line);
  return line < 0 || target === undefined ? null : target + (offset - lineStart);
}

/**
 * mapOffset for many offsets at once: the line starts are read once and each offset's line found by binary search,
 * so re-anchoring thousands of excerpts in a long text does not walk every line for each.
 */
export function offsetMapper(from: ReadonlyMap<number, number>, to: ReadonlyMap<number, number>): (offset: number) => number | null {
  // keptLinesOf fills `starts` in the order of the lines, so the starts are ascending.
  const lines = [...from.keys()];
  const starts = [...from.values()];
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0) return null;
    const target = to.get(lines[found]!);
    return target === undefined ? null : target + (offset - starts[found]!);
  };
}
