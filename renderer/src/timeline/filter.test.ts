import { describe, expect, it } from 'vitest';
import { filterChoices, filterItems, NO_FILTER } from './filter';
import { date, item } from './testItems';

const lanes = (participants: string[], place: string | null, tags: string[]) => ({ participants, place, tags, documents: [] });
const items = [
  item('meeting', date('2020'), { lanes: lanes(['p1'], 'harbour', ['cash']), confidence: 'confirmed', status: 'undisputed' }),
  item('call', date('2021'), { lanes: lanes(['p2'], null, []), confidence: 'possible', status: 'disputed' }),
];

describe('filterItems', () => {
  it('keeps events involving the entity as participant or place, with the tag, confidence and status asked for', () => {
    const ids = (filter: Partial<typeof NO_FILTER>) => filterItems(items, { ...NO_FILTER, ...filter }).map(({ id }) => id);
    expect(ids({})).toEqual(['meeting', 'call']);
    expect(ids({ entity: 'harbour' })).toEqual(['meeting']);
    expect(ids({ entity: 'p2' })).toEqual(['call']);
    expect(ids({ tag: 'cash' })).toEqual(['meeting']);
    expect(ids({ confidence: 'possible' })).toEqual(['call']);
    expect(ids({ status: 'undisputed', entity: 'p2' })).toEqual([]);
  });

  it('offers only what some event has, by name', () => {
    const choices = filterChoices({ items, names: { p1: 'Piotr', p2: 'Anna', harbour: 'Harbour', cash: 'cash' } });
    expect(choices.entities.map(({ name }) => name)).toEqual(['Anna', 'Harbour', 'Piotr']);
    expect(choices.tags).toEqual([{ id: 'cash', name: 'cash' }]);
    expect(choices.confidences).toEqual(['confirmed', 'possible']);
    expect(choices.statuses).toEqual(['undisputed', 'disputed']);
  });
});
