import { describe, expect, it } from 'vitest';
import { buildChartGraph } from '../../chart/chartData';
import { filterChart, wholeView } from '../../chart/view';
import { entityChoices } from './EntityPicker';

describe('entityChoices', () => {
  it('offers each shown entity once, by name and type, numbering names that read alike', () => {
    const node = (id: string, label: string, type: string) => ({ id, label, type, typeColour: '#000', typeLetter: 'X', tags: [] });
    const { graph } = buildChartGraph({
      nodes: [node('1', 'Anna Kowal', 'person'), node('2', 'Anna Kowal', 'person'), node('3', 'Anna Kowal', 'account'), node('4', 'Bravo', 'organisation')],
      edges: [],
    });
    const choices = entityChoices(graph, wholeView(graph));
    expect(choices.texts).toEqual(['Anna Kowal — account', 'Anna Kowal — person', 'Anna Kowal — person (2)', 'Bravo — organisation']);
    expect(choices.byText.get('Anna Kowal — person (2)')).toBe('2');
    expect(entityChoices(graph, filterChart(graph, { nodeTypes: new Set(['organisation']) })).texts).toEqual(['Bravo — organisation']);
  });
});
