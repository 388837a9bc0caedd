/**
 * Blobs read and made through one buffer each, used again and again. An archive's import reads its zip and its rows a
 * few megabytes at a time, hundreds of times, and keeps what it reads as Blobs: each slice read in a buffer of its own
 * (`blob.slice().arrayBuffer()`), and each piece kept until enough were gathered to make a Blob of them, lived on
 * until the page's garbage was next collected, and those dead buffers (as much as the archive, and again) were most of
 * what the import's memory grew by. Through one buffer, they take its size.
 */

/**
 * Reads slices of a Blob into one buffer, with a BYOB reader of the Blob's stream: each read is a view of that buffer.
 */
export class SliceBuffer {
  private buffer: ArrayBuffer;

  constructor(readonly bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  /**
   * The Blob's bytes from `start` to `end` (at most `bytes` of them; fewer past its end): a view of this buffer, valid
   * until the next read, which overwrites it. Whoever keeps any of it copies it.
   */
  async read(blob: Blob, start: number, end: number): Promise<Uint8Array> {
    const length = Math.min(end, blob.size) - start;
    if (length > this.bytes) throw new RangeError(`A slice of ${length} bytes does not fit a buffer of ${this.bytes}.`);
    if (length <= 0) return new Uint8Array(0);
    let reader: ReadableStreamBYOBReader;
    const stream = blob.slice(start, start + length).stream();
    try {
      reader = stream.getReader({ mode: 'byob' });
    } catch {
      // A Blob whose stream is not a byte stream (some test environments): a buffer of its own, as before.
      await stream.cancel();
      return new Uint8Array(await blob.slice(start, start + length).arrayBuffer());
    }
    let filled = 0;
    try {
      while (filled < length) {
        // Each read takes the buffer and gives it back: the same memory, as a new ArrayBuffer object.
        const { value, done } = await reader.read(new Uint8Array(this.buffer, filled, length - filled));
        if (value) this.buffer = value.buffer as ArrayBuffer;
        if (done) break;
        filled += value.byteLength;
      }
    } finally {
      // A read that failed kept the buffer it took (a detached buffer's length is 0).
      if (this.buffer.byteLength === 0) this.buffer = new ArrayBuffer(this.bytes);
      await reader.cancel().catch(() => undefined);
    }
    if (filled < length) throw new Error(`The file ended after ${filled} of the ${length} bytes asked for, at ${start}: it changed while it was read.`);
    return new Uint8Array(this.buffer, 0, length);
  }
}

/**
 * Bytes gathered into a Blob as they come, in pieces of any size: each piece is copied into one buffer at once (so it
 * need not outlive its arrival), and each time the buffer is full its bytes become a Blob (the browser's to keep, on
 * disk when they are many) and the buffer starts again. `take` makes one Blob of them all.
 */
export class BlobGatherer {
  private readonly buffer: Uint8Array<ArrayBuffer>;
  private used = 0;
  private parts: Blob[] = [];
  private partsBytes = 0;

  constructor(bufferBytes: number) {
    this.buffer = new Uint8Array(bufferBytes);
  }

  /** How many bytes are gathered since the last `take`. */
  get size(): number {
    return this.partsBytes + this.used;
  }

  write(piece: Uint8Array): void {
    for (let at = 0; at < piece.byteLength; ) {
      const length = Math.min(piece.byteLength - at, this.buffer.byteLength - this.used);
      this.buffer.set(piece.subarray(at, at + length), this.used);
      this.used += length;
      at += length;
      if (this.used === this.buffer.byteLength) this.flush();
    }
  }

  /** Everything gathered since the last `take`, as one Blob; the gatherer starts again empty. */
  take(): Blob {
    this.flush();
    const blob = new Blob(this.parts);
    this.parts = [];
    this.partsBytes = 0;
    return blob;
  }

  private flush(): void {
    if (!this.used) return;
    // A Blob copies the bytes it is made of as it is made: the buffer is free again at once.
    this.parts.push(new Blob([this.buffer.subarray(0, this.used)]));
    this.partsBytes += this.used;
    this.used = 0;
  }
}
