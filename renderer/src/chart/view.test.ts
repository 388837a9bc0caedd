import { describe, expect, it } from 'vitest';
import { buildChartGraph, type ChartData, type ChartEdge, type ChartNode } from './chartData';
import { dateBound, filterChart, isPartialDate, neighbourhood, pathInWords, pathSentence, searchNodes, shortestPath, wholeView } from './view';

const node = (id: string, type = 'person', tags: string[] = [], label = id): ChartNode => ({
  id,
  label,
  type,
  typeColour: '#336699',
  typeLetter: type[0]!.toUpperCase(),
  tags,
});
const edge = (id: string, source: string, target: string, extra: Partial<ChartEdge> = {}): ChartEdge => ({
  id,
  source,
  target,
  type: 'knows',
  label: '',
  confidence: 'confirmed',
  ...extra,
});

/** A chain a–b–c–d–e, a company f linked to b, and g on its own. */
const DATA: ChartData = {
  nodes: [
    node('a', 'person', ['suspect'], 'Łukasz Nowak'),
    node('b', 'person', [], 'Frédéric Moreau'),
    node('c', 'person', ['witness']),
    node('d', 'place'),
    node('e', 'place', ['suspect']),
    node('f', 'organisation', [], 'Moreau Holdings'),
    node('g', 'person'),
  ],
  edges: [
    edge('ab', 'a', 'b', { start: '2019-04', end: '2020' }),
    edge('bc', 'b', 'c', { confidence: 'possible', start: '2021-06-01' }),
    edge('cd', 'c', 'd', { type: 'lives at' }),
    edge('de', 'd', 'e', { type: 'lives at', confidence: 'unverified', end: '2015' }),
    edge('bf', 'b', 'f', { type: 'works for', confidence: 'probable' }),
  ],
};

const graph = () => buildChartGraph(DATA).graph;

describe('buildChartGraph', () => {
  it('keeps given positions as fixed and places the others on a spiral', () => {
    const { graph: built, skippedEdges, skippedNodes } = buildChartGraph({
      ...DATA,
      nodes: [...DATA.nodes, node('a')],
      edges: [...DATA.edges, edge('ax', 'a', 'missing'), edge('ab', 'a', 'c')],
      positions: { a: { x: 100, y: -50 }, b: { x: Number.NaN, y: 0 } },
    });
    expect(skippedNodes).toEqual(['a']);
    expect(skippedEdges).toEqual(['ax', 'ab']);
    expect(built.getNodeAttributes('a')).toMatchObject({ x: 100, y: -50, fixed: true });
    expect(built.getNodeAttribute('b', 'fixed')).toBe(false);
    const starts = built.nodes().filter((id) => id !== 'a').map((id) => `${built.getNodeAttribute(id, 'x')},${built.getNodeAttribute(id, 'y')}`);
    expect(new Set(starts).size).toBe(starts.length);
    expect(built.source('ab')).toBe('a');
    expect(built.target('ab')).toBe('b');
  });
});

describe('filterChart', () => {
  it('shows everything with no filter', () => {
    expect(filterChart(graph(), {})).toEqual(wholeView(graph()));
  });

  it('hides entities by type, and the relationships that lose an end', () => {
    const view = filterChart(graph(), { nodeTypes: new Set(['person', 'organisation']) });
    expect([...view.nodes].sort()).toEqual(['a', 'b', 'c', 'f', 'g']);
    expect([...view.edges].sort()).toEqual(['ab', 'bc', 'bf']);
  });

  it('keeps entities carrying any of the chosen tags', () => {
    const view = filterChart(graph(), { tags: new Set(['suspect', 'witness']) });
    expect([...view.nodes].sort()).toEqual(['a', 'c', 'e']);
    expect(view.edges.size).toBe(0);
  });

  it('takes in the sub-tags of a tag chosen', () => {
    const { graph: tagged } = buildChartGraph({
      nodes: [
        node('raid', 'person', ['Evidence › Raids']),
        node('seized', 'person', ['Evidence › Raids › Seized']),
        node('other', 'person', ['Evidence raw']),
      ],
      edges: [],
    });
    expect([...filterChart(tagged, { tags: new Set(['Evidence']) }).nodes].sort()).toEqual(['raid', 'seized']);
    expect([...filterChart(tagged, { tags: new Set(['Evidence › Raids › Seized']) }).nodes]).toEqual(['seized']);
  });

  it('filters relationships by type and by confidence', () => {
    expect([...filterChart(graph(), { edgeTypes: new Set(['lives at']) }).edges].sort()).toEqual(['cd', 'de']);
    expect([...filterChart(graph(), { confidences: new Set(['confirmed', 'probable'] as const) }).edges].sort()).toEqual(['ab', 'bf', 'cd']);
    expect(filterChart(graph(), { edgeTypes: new Set() }).edges.size).toBe(0);
  });

  it('keeps relationships in force in the date range, and the undated ones', () => {
    // ab ran 2019-04 to 2020, bc from 2021-06-01 on, de until 2015; cd and bf have no dates.
    expect([...filterChart(graph(), { from: '2020-12', to: '2021' }).edges].sort()).toEqual(['ab', 'bc', 'bf', 'cd']);
    expect([...filterChart(graph(), { from: '2021-01', to: '2021' }).edges].sort()).toEqual(['bc', 'bf', 'cd']);
    expect([...filterChart(graph(), { to: '2019-03' }).edges].sort()).toEqual(['bf', 'cd', 'de']);
    expect([...filterChart(graph(), { from: '2020' }).edges].sort()).toEqual(['ab', 'bc', 'bf', 'cd']);
    expect([...filterChart(graph(), { from: '2019-04-30', to: '2019-04-30' }).edges].sort()).toEqual(['ab', 'bf', 'cd']);
  });
});

describe('dates', () => {
  it('reads whole and partial dates as their first or last day', () => {
    expect(dateBound('2019', 'first')).toBe('2019-01-01');
    expect(dateBound('2019', 'last')).toBe('2019-12-31');
    expect(dateBound('2019-04', 'last')).toBe('2019-04-31');
    expect(dateBound('2019-04-12T10:00', 'first')).toBe('2019-04-12');
    expect(isPartialDate(' 2019-04 ')).toBe(true);
    expect(isPartialDate('April 2019')).toBe(false);
  });
});

describe('neighbourhood', () => {
  it('reaches 1, 2 or 3 steps through the relationships shown', () => {
    const g = graph();
    const view = wholeView(g);
    expect([...neighbourhood(g, view, 'c', 1).nodes].sort()).toEqual(['b', 'c', 'd']);
    expect([...neighbourhood(g, view, 'c', 2).nodes].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect([...neighbourhood(g, view, 'a', 3).nodes].sort()).toEqual(['a', 'b', 'c', 'd', 'f']);
    expect([...neighbourhood(g, view, 'c', 1).edges].sort()).toEqual(['bc', 'cd']);
  });

  it('does not cross hidden relationships, and is empty around a hidden entity', () => {
    const g = graph();
    const view = filterChart(g, { confidences: new Set(['confirmed', 'probable'] as const) });
    expect([...neighbourhood(g, view, 'c', 3).nodes].sort()).toEqual(['c', 'd']);
    expect(neighbourhood(g, filterChart(g, { nodeTypes: new Set(['place']) }), 'a', 2).nodes.size).toBe(0);
  });
});

describe('shortestPath', () => {
  it('finds the fewest steps between two entities', () => {
    const g = graph();
    expect(shortestPath(g, wholeView(g), 'a', 'e')).toEqual({ nodes: ['a', 'b', 'c', 'd', 'e'], edges: ['ab', 'bc', 'cd', 'de'] });
    expect(shortestPath(g, wholeView(g), 'f', 'c')).toEqual({ nodes: ['f', 'b', 'c'], edges: ['bf', 'bc'] });
    expect(shortestPath(g, wholeView(g), 'a', 'a')).toEqual({ nodes: ['a'], edges: [] });
  });

  it('says there is none when nothing shown joins them', () => {
    const g = graph();
    expect(shortestPath(g, wholeView(g), 'a', 'g')).toBeNull();
    expect(shortestPath(g, filterChart(g, { confidences: new Set(['confirmed'] as const) }), 'a', 'e')).toBeNull();
    expect(shortestPath(g, wholeView(g), 'a', 'nobody')).toBeNull();
  });

  it('takes the surest of two relationships between the same entities', () => {
    const { graph: g } = buildChartGraph({
      nodes: [node('a'), node('b')],
      edges: [edge('weak', 'a', 'b', { confidence: 'possible' }), edge('strong', 'b', 'a', { confidence: 'probable' })],
    });
    expect(shortestPath(g, wholeView(g), 'a', 'b')?.edges).toEqual(['strong']);
    expect(shortestPath(g, filterChart(g, { confidences: new Set(['possible'] as const) }), 'a', 'b')?.edges).toEqual(['weak']);
  });
});

describe('searchNodes', () => {
  it('matches names ignoring case and accents, among the entities shown', () => {
    const g = graph();
    expect([...searchNodes(g, wholeView(g), 'moreau')].sort()).toEqual(['b', 'f']);
    expect([...searchNodes(g, wholeView(g), 'lukasz')]).toEqual(['a']);
    expect([...searchNodes(g, wholeView(g), 'FREDERIC')]).toEqual(['b']);
    expect(searchNodes(g, wholeView(g), '  ').size).toBe(0);
    expect([...searchNodes(g, filterChart(g, { nodeTypes: new Set(['organisation']) }), 'moreau')]).toEqual(['f']);
  });
});

describe('a path in words', () => {
  it('reads each relationship the way the path walks it: its label forwards, its inverse backwards', () => {
    const { graph } = buildChartGraph({
      nodes: [node('venn', 'person', [], 'Dario Venn'), node('quay', 'organisation', [], 'Quayline'), node('ship', 'vessel', [], 'MV Corran Bay')],
      edges: [
        edge('r1', 'venn', 'quay', { type: 'works for', label: 'works for', inverse: 'employs' }),
        edge('r2', 'ship', 'quay', { type: 'owned by', label: 'owned by', inverse: 'owns' }),
      ],
    });
    const forwards = shortestPath(graph, wholeView(graph), 'venn', 'ship')!;
    expect(pathSentence(pathInWords(graph, forwards))).toBe('Dario Venn → works for → Quayline → owns → MV Corran Bay');
    const backwards = shortestPath(graph, wholeView(graph), 'ship', 'venn')!;
    expect(pathInWords(graph, backwards)).toEqual({
      start: 'MV Corran Bay',
      steps: [
        { words: 'owned by', node: 'quay', label: 'Quayline' },
        { words: 'employs', node: 'venn', label: 'Dario Venn' },
      ],
    });
  });

  it('falls back to the type, and to the label where no inverse is known', () => {
    const { graph } = buildChartGraph({ nodes: [node('a'), node('b')], edges: [edge('ab', 'a', 'b')] });
    expect(pathSentence(pathInWords(graph, { nodes: ['b', 'a'], edges: ['ab'] }))).toBe('b → knows → a');
    expect(pathSentence(pathInWords(graph, { nodes: ['a'], edges: [] }))).toBe('a');
  });
});
