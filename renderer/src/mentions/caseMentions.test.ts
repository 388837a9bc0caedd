import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseMentions } from './caseMentions';
import type { MentionName } from './names';

const said = (mentions: CaseMentions, documentId: string, text: string) =>
  mentions.mentionsIn(documentId).map((mention) => `${mention.entityId}:${text.slice(mention.start, mention.end)}`);

const PORT_REPORT = 'Cargo left the Port of Antwerp for Antwerp Harbour. Antwerp again.';

describe("a case's mentions", () => {
  it('finds a new alias in documents already scanned, and it wins where it is longer', () => {
    const mentions = new CaseMentions([{ entityId: 'antwerp', name: 'Antwerp' }]);
    mentions.putDocument('d1', PORT_REPORT);
    mentions.putDocument('d2', 'Nothing here.');
    expect(said(mentions, 'd1', PORT_REPORT)).toEqual(['antwerp:Antwerp', 'antwerp:Antwerp', 'antwerp:Antwerp']);

    mentions.addNames([{ entityId: 'port', name: 'Port of Antwerp' }]);
    expect(said(mentions, 'd1', PORT_REPORT)).toEqual(['port:Port of Antwerp', 'antwerp:Antwerp', 'antwerp:Antwerp']);
    expect(mentions.mentionsIn('d2')).toEqual([]);
  });

  it('lets the shorter name take the place of a removed one', () => {
    const mentions = new CaseMentions([
      { entityId: 'port', name: 'Port of Antwerp' },
      { entityId: 'antwerp', name: 'Antwerp' },
      { entityId: 'harbour', name: 'Antwerp Harbour' },
    ]);
    mentions.putDocument('d1', PORT_REPORT);
    expect(said(mentions, 'd1', PORT_REPORT)).toEqual(['port:Port of Antwerp', 'harbour:Antwerp Harbour', 'antwerp:Antwerp']);
    mentions.removeNames([{ entityId: 'port', name: 'Port of Antwerp' }]);
    mentions.removeNames([{ entityId: 'harbour', name: 'Antwerp Harbour' }]);
    expect(said(mentions, 'd1', PORT_REPORT)).toEqual(['antwerp:Antwerp', 'antwerp:Antwerp', 'antwerp:Antwerp']);
  });

  it('keeps a name that another of the entity\'s aliases still gives, and one another entity carries', () => {
    const mentions = new CaseMentions([
      { entityId: 'muller', name: 'Müller' },
      { entityId: 'muller', name: 'Muller' },
      { entityId: 'other', name: 'Müller' },
    ]);
    mentions.putDocument('d1', 'Muller signed.');
    mentions.removeNames([{ entityId: 'muller', name: 'Müller' }]);
    expect(mentions.mentionsIn('d1')).toEqual([
      { entityId: 'muller', name: 'Muller', start: 0, end: 6 },
      { entityId: 'other', name: 'Müller', start: 0, end: 6 },
    ]);
    mentions.removeNames([{ entityId: 'other', name: 'Müller' }]);
    expect(mentions.mentionsIn('d1').map((mention) => mention.entityId)).toEqual(['muller']);
  });

  it('scans a changed document again alone, and forgets a removed one', () => {
    const mentions = new CaseMentions([{ entityId: 'smith', name: 'Smith' }]);
    mentions.putDocument('d1', 'Smith and Smith.');
    mentions.putDocument('d2', 'Smith.');
    mentions.putDocument('d1', 'No one.');
    expect(mentions.countsPerEntity()).toEqual(new Map([['smith', 1]]));
    mentions.removeDocument('d2');
    expect(mentions.countsPerEntity()).toEqual(new Map());
    expect(mentions.documentCount).toBe(1);
  });

  it('counts mentions per entity and per document', () => {
    const mentions = new CaseMentions([
      { entityId: 'smith', name: 'Smith' },
      { entityId: 'jones', name: 'Jones' },
    ]);
    mentions.putDocument('d1', 'Smith met Jones. Smith left.');
    mentions.putDocument('d2', 'Smith alone.');
    expect(mentions.countsPerEntity()).toEqual(new Map([['smith', 3], ['jones', 1]]));
    expect(mentions.documentsMentioning('smith')).toEqual([
      { documentId: 'd1', count: 2 },
      { documentId: 'd2', count: 1 },
    ]);
  });

  it('gives an alias its endings again when an identifier no longer carries it alone', () => {
    const mentions = new CaseMentions([{ entityId: 'account', name: 'Orion', entityType: 'account' }]);
    mentions.putDocument('d1', 'Orions fleet');
    expect(mentions.mentionsIn('d1')).toEqual([]);
    mentions.addNames([{ entityId: 'ship', name: 'Orion', entityType: 'vessel' }]);
    expect(mentions.mentionsIn('d1').map((mention) => mention.entityId)).toEqual(['account', 'ship']);
    mentions.removeNames([{ entityId: 'ship', name: 'Orion' }]);
    expect(mentions.mentionsIn('d1')).toEqual([]);
  });
});

const character = fc.constantFrom('a', 'b', 'á', 's', 'ß', ' ', ' ', "'", '中', '国');
/** An entity has one type, so each of its names has the same: e3 is an account, the others people. */
const nameArbitrary = fc
  .record({ entityId: fc.constantFrom('e1', 'e2', 'e3'), name: fc.string({ unit: character, minLength: 2, maxLength: 4 }) })
  .map((name): MentionName => ({ ...name, entityType: name.entityId === 'e3' ? 'account' : 'person' }));
const edit = fc.oneof(
  fc.record({ add: nameArbitrary }),
  fc.record({ remove: fc.nat() }),
  fc.record({ document: fc.nat({ max: 2 }), text: fc.string({ unit: character, maxLength: 40 }) }),
);

describe("a case's mentions kept current", () => {
  it('are what scanning every document afresh with the names as they stand gives', () => {
    fc.assert(
      fc.property(fc.array(nameArbitrary, { maxLength: 6 }), fc.array(edit, { maxLength: 30 }), (first, edits) => {
        const kept = new CaseMentions(first);
        let names: MentionName[] = [...first];
        const texts = new Map<string, string>();
        for (const step of edits) {
          if ('add' in step) {
            kept.addNames([step.add]);
            names.push(step.add);
          } else if ('remove' in step) {
            const removed = names[step.remove % Math.max(1, names.length)];
            if (!removed) continue;
            kept.removeNames([removed]);
            names = names.filter((name) => name.entityId !== removed.entityId || name.name !== removed.name);
          } else {
            kept.putDocument(`d${step.document}`, step.text);
            texts.set(`d${step.document}`, step.text);
          }
        }
        const fresh = new CaseMentions(names);
        for (const [id, text] of texts) fresh.putDocument(id, text);
        for (const id of texts.keys()) expect(kept.mentionsIn(id)).toEqual(fresh.mentionsIn(id));
      }),
      { numRuns: 300 },
    );
  });
});
