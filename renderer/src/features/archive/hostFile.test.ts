import { describe, expect, it } from 'vitest';
import type { ReadFileRangeRequest } from '../../../../shared/contract';
import { MAX_FILE_RANGE_BYTES } from '../../../../shared/contractSchemas';
import { hostFile } from './hostFile';

/** A host holding one file for one token, answering each range as main does (fewer bytes at the end). */
function hostHolding(bytes: Uint8Array) {
  const requests: ReadFileRangeRequest[] = [];
  return {
    requests,
    readFileRange: async (request: ReadFileRangeRequest) => {
      requests.push(request);
      if (request.length > MAX_FILE_RANGE_BYTES) throw new Error('more than one request may carry');
      return bytes.slice(request.offset, request.offset + request.length);
    },
  };
}

describe('a file the desktop app holds, read over IPC', () => {
  it('reads a range in one request, and a range larger than a request carries in pieces put back in order', async () => {
    const bytes = new Uint8Array(MAX_FILE_RANGE_BYTES * 2 + 10).map((_, index) => index % 251);
    const host = hostHolding(bytes);
    const file = hostFile(host, 'token', bytes.byteLength);
    expect(await file.read(5, 20)).toEqual(bytes.slice(5, 25));
    expect(host.requests).toHaveLength(1);

    const large = await file.read(3, MAX_FILE_RANGE_BYTES * 2 + 7);
    expect(host.requests).toHaveLength(4);
    expect(large.byteLength).toBe(MAX_FILE_RANGE_BYTES * 2 + 7);
    // Compared as buffers: the matcher's walk over 32 MB takes minutes.
    expect(Buffer.compare(large, bytes.subarray(3))).toBe(0);
  });

  it('stops at the end of the file', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const file = hostFile(hostHolding(bytes), 'token', bytes.byteLength);
    expect(Array.from(await file.read(2, 100))).toEqual([3, 4]);
  });
});
