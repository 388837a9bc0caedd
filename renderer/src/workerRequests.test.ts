import { describe, expect, it } from 'vitest';
import { PendingRequests } from './workerRequests';

describe('PendingRequests', () => {
  it('settles each request by the answer bearing its number, in whatever order answers come', async () => {
    const pending = new PendingRequests();
    const sent: number[] = [];
    const first = pending.send<string>((id) => sent.push(id));
    const second = pending.send<string>((id) => sent.push(id));
    expect(sent).toEqual([1, 2]);
    pending.settle({ id: 2, ok: true, value: 'two' });
    pending.settle({ id: 1, ok: false, message: 'The index is gone.' });
    await expect(second).resolves.toBe('two');
    await expect(first).rejects.toThrow('The index is gone.');
  });

  it('refuses every request awaited when the worker is lost, and drops answers that come after', async () => {
    const pending = new PendingRequests();
    const asked = [pending.send(() => {}), pending.send(() => {})];
    pending.rejectAll('The search worker stopped unexpectedly.');
    for (const request of asked) await expect(request).rejects.toThrow('The search worker stopped unexpectedly.');
    expect(() => pending.settle({ id: 1, ok: true, value: 'late' })).not.toThrow();
  });

  it('refuses a request that could not be sent, and keeps nothing awaiting it', async () => {
    const pending = new PendingRequests();
    const request = pending.send(() => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    });
    await expect(request).rejects.toThrow('could not be cloned');
    const next = pending.send<number>(() => {});
    pending.rejectAll('closed');
    await expect(next).rejects.toThrow('closed');
  });
});
