import { describe, expect, it } from 'vitest';
import { BlobGatherer, SliceBuffer } from './blobBuffers';

const bytesOf = (length: number) => Uint8Array.from({ length }, (_, index) => (index * 7) % 251);

describe('SliceBuffer', () => {
  it('reads each slice of a Blob exactly, in one buffer used again', async () => {
    const bytes = bytesOf(1_000_003);
    const blob = new Blob([bytes]);
    const buffer = new SliceBuffer(65_536);
    const read: number[] = [];
    let memory: ArrayBufferLike | null = null;
    for (let offset = 0; offset < blob.size; offset += 65_536) {
      const slice = await buffer.read(blob, offset, offset + 65_536);
      expect(slice).toEqual(bytes.subarray(offset, offset + 65_536));
      read.push(slice.byteLength);
      // The same memory each time: the buffer's length, never a new one per slice.
      expect(slice.buffer.byteLength).toBe(65_536);
      if (memory) expect(memory.byteLength).toBe(0);
      memory = slice.buffer;
    }
    expect(read.reduce((sum, length) => sum + length, 0)).toBe(bytes.byteLength);
    expect(read.at(-1)).toBe(1_000_003 % 65_536);
  });

  it('gives nothing past the end, and refuses a slice larger than itself', async () => {
    const buffer = new SliceBuffer(16);
    const blob = new Blob([bytesOf(10)]);
    expect((await buffer.read(blob, 10, 26)).byteLength).toBe(0);
    await expect(buffer.read(new Blob([bytesOf(40)]), 0, 40)).rejects.toThrow('does not fit');
    // Still usable after the refusal.
    expect(await buffer.read(blob, 2, 5)).toEqual(bytesOf(10).subarray(2, 5));
  });

  it('reads a Blob whose stream fails again afterwards, with a buffer of its own', async () => {
    const buffer = new SliceBuffer(1024);
    const failing = new Blob([bytesOf(100)]);
    failing.slice = () => ({ size: 100, stream: () => new ReadableStream({ type: 'bytes', pull: (controller) => controller.error(new Error('disk gone')) }) }) as unknown as Blob;
    await expect(buffer.read(failing, 0, 100)).rejects.toThrow('disk gone');
    expect(await buffer.read(new Blob([bytesOf(100)]), 0, 100)).toEqual(bytesOf(100));
  });
});

describe('BlobGatherer', () => {
  it('gathers pieces of any size, across its buffer’s edges, into Blobs of exactly those bytes', async () => {
    const gatherer = new BlobGatherer(1_000);
    const bytes = bytesOf(5_555);
    const cuts = [0, 1, 999, 1_000, 1_001, 3_000, 5_555];
    for (let index = 1; index < cuts.length; index++) gatherer.write(bytes.subarray(cuts[index - 1], cuts[index]));
    expect(gatherer.size).toBe(5_555);
    const first = gatherer.take();
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(bytes);
    // Started again: the next Blob holds only what came after, though the same buffer held the first.
    gatherer.write(bytes.subarray(0, 10));
    expect(gatherer.size).toBe(10);
    expect(new Uint8Array(await gatherer.take().arrayBuffer())).toEqual(bytes.subarray(0, 10));
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(bytes);
    expect((await gatherer.take()).size).toBe(0);
  });

  it('keeps none of a piece: changed after it was written, the Blob is as it was', async () => {
    const gatherer = new BlobGatherer(64);
    const piece = bytesOf(100);
    gatherer.write(piece);
    piece.fill(0);
    expect(new Uint8Array(await gatherer.take().arrayBuffer())).toEqual(bytesOf(100));
  });
});
