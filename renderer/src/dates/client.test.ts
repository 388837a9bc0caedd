import { describe, expect, it } from 'vitest';
import { DatesClient, type DatesEndpoint } from './client';
import type { DatesReply, DatesRequest } from './protocol';

const published = { value: '2021-03-09', precision: 'day' as const };

describe('DatesClient', () => {
  it('answers a document and a batch through the protocol (in this thread where there is no worker)', async () => {
    const client = new DatesClient();
    expect((await client.prepare(['en', 'de'])).workerMs).toBeGreaterThan(0);
    const [document, batch] = await Promise.all([
      client.findDates('Police raided 200 homes on Tuesday.', { language: 'en', reference: published }),
      client.findDatesInBatch([
        { documentId: 'a', text: 'Die Polizei griff am Dienstag zu.', language: 'de', reference: published },
        { documentId: 'b', text: 'The network was cracked last year.', language: 'en', reference: null },
      ]),
    ]);
    expect(document.dates.map((date) => [date.text, date.resolved?.start.value])).toEqual([['Tuesday', '2021-03-09']]);
    expect(document.workerMs).toBeGreaterThan(0);
    expect(batch.documents.map(({ documentId, dates }) => [documentId, dates.map((date) => [date.text, date.resolved?.start.value ?? null])])).toEqual([
      ['a', [['Dienstag', '2021-03-09']]],
      ['b', [['last year', null]]],
    ]);
    client.close();
    await expect(client.findDates('Tuesday', { language: 'en', reference: null })).rejects.toThrow('closed');
  });

  it('rejects what was asked when the worker stops, and starts a new one for the next request', async () => {
    const endpoints: { listeners: Map<string, (event: never) => void>; sent: DatesRequest[] }[] = [];
    const client = new DatesClient(() => {
      const endpoint = { listeners: new Map<string, (event: never) => void>(), sent: [] as DatesRequest[] };
      endpoints.push(endpoint);
      return {
        postMessage: (message) => endpoint.sent.push(message),
        addEventListener: (type: string, listener: (event: never) => void) => endpoint.listeners.set(type, listener),
        terminate: () => {},
      } as DatesEndpoint;
    });
    const first = client.findDates('Tuesday', { language: 'en', reference: published });
    endpoints[0]!.listeners.get('error')!({ message: 'out of memory', preventDefault() {} } as never);
    await expect(first).rejects.toThrow('The dates worker stopped unexpectedly (out of memory). Ask for the dates again.');
    const second = client.findDates('Monday', { language: 'en', reference: published });
    expect(endpoints).toHaveLength(2);
    const reply: DatesReply = { id: endpoints[1]!.sent[0]!.id, ok: false, message: 'no luck' };
    endpoints[1]!.listeners.get('message')!({ data: reply } as never);
    await expect(second).rejects.toThrow('no luck');
  });
});
