import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildChartGraph, type ChartData } from './chartData';
import { chartJson, chartSvg } from './exportChart';
import { filterChart, wholeView } from './view';

const DATA: ChartData = {
  nodes: [
    { id: 'a', label: 'Anna <Kowal> & "Sons"', type: 'person', typeColour: '#2f5d8a', typeLetter: 'P', tags: ['suspect'] },
    { id: 'b', label: 'Bravo Ltd', type: 'organisation', typeColour: 'url(javascript:alert(1))', typeLetter: 'O', tags: [] },
    { id: 'c', label: 'Harbour', type: 'place', typeColour: '#3b7d3b', typeLetter: 'L', tags: [] },
  ],
  edges: [
    { id: 'ab', source: 'a', target: 'b', type: 'works for', label: 'director', confidence: 'confirmed', start: '2019' },
    { id: 'bc', source: 'b', target: 'c', type: 'owns', label: '', confidence: 'probable' },
    { id: 'ac', source: 'a', target: 'c', type: 'lives at', label: '', confidence: 'possible' },
    { id: 'ca', source: 'c', target: 'a', type: 'visits', label: '', confidence: 'unverified', end: '2020-02' },
  ],
  positions: { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 50, y: 80 } },
};

const parse = (svg: string) => new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;

describe('chartJson', () => {
  it('writes the visible entities and relationships with their attributes and places', () => {
    const { graph } = buildChartGraph(DATA);
    const json = chartJson(graph, filterChart(graph, { nodeTypes: new Set(['person', 'place']) }));
    expect(json.format).toBe('casebook-link-chart');
    expect(json.nodes).toEqual([
      { id: 'a', label: 'Anna <Kowal> & "Sons"', type: 'person', typeColour: '#2f5d8a', typeLetter: 'P', tags: ['suspect'], x: 0, y: 0 },
      { id: 'c', label: 'Harbour', type: 'place', typeColour: '#3b7d3b', typeLetter: 'L', tags: [], x: 50, y: 80 },
    ]);
    expect(json.edges).toEqual([
      { id: 'ac', source: 'a', target: 'c', type: 'lives at', label: '', confidence: 'possible' },
      { id: 'ca', source: 'c', target: 'a', type: 'visits', label: '', confidence: 'unverified', end: '2020-02' },
    ]);
    // The JSON read back builds the same chart.
    const again = buildChartGraph({ nodes: json.nodes, edges: json.edges, positions: Object.fromEntries(json.nodes.map((n) => [n.id, n])) });
    expect(chartJson(again.graph, wholeView(again.graph))).toEqual(json);
  });
});

describe('chartSvg', () => {
  it('draws each visible relationship styled by its confidence, and each entity with its letter', () => {
    const { graph } = buildChartGraph(DATA);
    const svg = chartSvg(graph, wholeView(graph), { title: 'Case <1>' });
    const document = parse(svg);
    expect(document.querySelector('parsererror')).toBeNull();
    expect(document.querySelector('svg > title')?.textContent).toBe('Case <1>');
    const lines = [...document.querySelectorAll('line')];
    expect(lines.map((line) => line.getAttribute('data-confidence'))).toEqual(['confirmed', 'probable', 'possible', 'unverified']);
    expect(lines.map((line) => line.getAttribute('stroke-dasharray'))).toEqual([null, '8 5', '2 4', null]);
    expect(lines[3]!.getAttribute('stroke-opacity')).toBe('0.3');
    expect(lines[0]!.querySelector('title')?.textContent).toBe('director (confirmed)');
    expect([...document.querySelectorAll('.letter')].map((text) => text.textContent)).toEqual(['P', 'O', 'L']);
    expect([...document.querySelectorAll('.label')].map((text) => text.textContent)).toEqual(['Anna <Kowal> & "Sons"', 'Bravo Ltd', 'Harbour']);
    // A colour that is not a hex colour never reaches the attribute.
    expect([...document.querySelectorAll('circle')].map((circle) => circle.getAttribute('fill'))).toEqual(['#2f5d8a', '#888888', '#3b7d3b']);
    expect(svg).not.toContain('javascript');
  });

  it('places entities as the chart does, with y growing upwards, inside a margin', () => {
    const { graph } = buildChartGraph(DATA);
    const document = parse(chartSvg(graph, wholeView(graph), { size: 280 }));
    const circles = [...document.querySelectorAll('circle')].map((circle) => [Number(circle.getAttribute('cx')), Number(circle.getAttribute('cy'))]);
    expect(circles).toEqual([
      [40, 40 + 80 * 2],
      [240, 40 + 80 * 2],
      [140, 40],
    ]);
    expect(document.documentElement.getAttribute('width')).toBe('280');
  });

  it('leaves out what is hidden, names only the labelled entities, and fades what is not highlighted', () => {
    const { graph } = buildChartGraph(DATA);
    const view = filterChart(graph, { confidences: new Set(['confirmed', 'probable'] as const) });
    const document = parse(
      chartSvg(graph, view, { labelled: new Set(['c']), highlight: { nodes: new Set(['a', 'b']), edges: new Set(['ab']) } }),
    );
    expect(document.querySelectorAll('line')).toHaveLength(2);
    expect([...document.querySelectorAll('.label')].map((text) => text.textContent)).toEqual(['Harbour']);
    expect([...document.querySelectorAll('line')].map((line) => line.getAttribute('opacity'))).toEqual([null, '0.15']);
    expect([...document.querySelectorAll('.nodes > g')].map((group) => group.getAttribute('opacity'))).toEqual([null, null, '0.15']);
  });

  it('draws an empty chart without failing', () => {
    const { graph } = buildChartGraph({ nodes: [], edges: [] });
    expect(parse(chartSvg(graph, wholeView(graph))).querySelectorAll('circle')).toHaveLength(0);
  });
});
