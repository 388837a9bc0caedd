/**
 * How many pages (image directories) a TIFF holds, counted by walking its chain of directories as the format lays it
 * out: each directory is a count of 12-byte entries followed by the offset of the next, 0 ending the chain. The
 * `tiff` package walks the same chain (its `pageCount` and `decode`) but follows one that loops back on itself for
 * ever, gathering pages until memory runs out, which takes the whole page down with it (found by the importers' fuzz).
 * So the chain is walked here first: a directory met twice, or one outside the file, makes the file damaged (null).
 * The count stops at `limit`. Classic TIFF only, as the `tiff` package reads (not BigTIFF).
 */
export function tiffPageCount(bytes: Uint8Array, limit = Number.POSITIVE_INFINITY): number | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  if (view.getUint16(2, little) !== 42) return null;
  const seen = new Set<number>();
  let count = 0;
  for (let offset = view.getUint32(4, little); offset !== 0 && count < limit; count++) {
    if (seen.has(offset) || offset + 2 > bytes.length) return null;
    seen.add(offset);
    const next = offset + 2 + view.getUint16(offset, little) * 12;
    if (next + 4 > bytes.length) return null;
    offset = view.getUint32(next, little);
  }
  return count;
}
