import { describe, expect, it } from 'vitest';
import { SuggestionsClient, type SuggestionsEndpoint } from './client';
import type { SuggestionsReply, SuggestionsRequest } from './protocol';

const options = { language: 'en', knownEntities: [], dismissed: [] };

describe('SuggestionsClient', () => {
  it('answers a document and a batch through the protocol (in this thread where there is no worker)', async () => {
    const client = new SuggestionsClient();
    expect((await client.prepare()).workerMs).toBeGreaterThan(0);
    const [document, batch] = await Promise.all([
      client.suggest('Police in Rotterdam arrested Annelies Brandsma.', options),
      client.suggestForBatch(
        [
          { documentId: 'a', text: 'Police in Rotterdam arrested Annelies Brandsma.', language: 'en' },
          { documentId: 'b', text: 'Brandsma was released in Rotterdam.', language: 'en' },
        ],
        { knownEntities: [], dismissed: [] },
      ),
    ]);
    expect(document.suggestions.map((suggestion) => suggestion.name)).toEqual(['Annelies Brandsma', 'Rotterdam']);
    expect(document.workerMs).toBeGreaterThan(0);
    expect(batch.suggestions.map((suggestion) => [suggestion.name, suggestion.count, suggestion.documents.length])).toEqual([
      ['Annelies Brandsma', 2, 2],
      ['Rotterdam', 2, 2],
    ]);
    client.close();
    await expect(client.suggest('Rotterdam', options)).rejects.toThrow('closed');
  });

  it('rejects what was asked when the worker stops, and starts a new one for the next request', async () => {
    const endpoints: { listeners: Map<string, (event: never) => void>; sent: SuggestionsRequest[] }[] = [];
    const client = new SuggestionsClient(() => {
      const endpoint = { listeners: new Map<string, (event: never) => void>(), sent: [] as SuggestionsRequest[] };
      endpoints.push(endpoint);
      return {
        postMessage: (message) => endpoint.sent.push(message),
        addEventListener: (type: string, listener: (event: never) => void) => endpoint.listeners.set(type, listener),
        terminate: () => {},
      } as SuggestionsEndpoint;
    });
    const first = client.suggest('Rotterdam', options);
    endpoints[0]!.listeners.get('error')!({ message: 'out of memory', preventDefault() {} } as never);
    await expect(first).rejects.toThrow('The suggestions worker stopped unexpectedly (out of memory). Ask for the suggestions again.');
    const second = client.suggest('Antwerp', options);
    expect(endpoints).toHaveLength(2);
    const reply: SuggestionsReply = { id: endpoints[1]!.sent[0]!.id, ok: false, message: 'no luck' };
    endpoints[1]!.listeners.get('message')!({ data: reply } as never);
    await expect(second).rejects.toThrow('no luck');
  });
});
