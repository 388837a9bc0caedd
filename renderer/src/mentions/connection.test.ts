import { describe, expect, it } from 'vitest';
import { MentionsConnection } from './connection';
import type { MentionsProgress } from './protocol';

describe('the connection to the mentions worker', () => {
  it('builds, keeps current and answers, reporting progress', async () => {
    const progress: MentionsProgress[] = [];
    const connection = new MentionsConnection((step) => progress.push(step));
    const long = `${'word '.repeat(250_000)}Antwerp`;
    await connection.build(
      [{ entityId: 'antwerp', name: 'Antwerp' }],
      [
        { id: 'd1', text: 'The Port of Antwerp.' },
        { id: 'd2', text: long },
        { id: 'd3', text: 'Antwerp, Antwerp.' },
      ],
    );
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
    expect(await connection.countsPerEntity()).toEqual(new Map([['antwerp', 4]]));

    await connection.addNames([{ entityId: 'port', name: 'Port of Antwerp' }]);
    expect(await connection.mentionsIn('d1')).toEqual([{ entityId: 'port', name: 'Port of Antwerp', start: 4, end: 19 }]);
    await connection.putDocuments([{ id: 'd3', text: 'Nothing.' }]);
    await connection.removeDocuments(['d2']);
    expect(await connection.documentsMentioning('antwerp')).toEqual([]);
    await connection.removeNames([{ entityId: 'port', name: 'Port of Antwerp' }]);
    expect(await connection.documentsMentioning('antwerp')).toEqual([{ documentId: 'd1', count: 1 }]);

    connection.close();
    await expect(connection.mentionsIn('d1')).rejects.toThrow('Finding mentions was closed.');
  });
});
