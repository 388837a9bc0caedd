import { describe, expect, it } from 'vitest';
import { ChartArrangement, PositionMemory } from './arrangement';
import { buildChartGraph, type ChartNode } from './chartData';

const node = (id: string): ChartNode => ({ id, label: id, type: 'person', typeColour: '#336699', typeLetter: 'P', tags: [] });

describe('the arrangement kept', () => {
  it('hands on only what changed since it was last kept', () => {
    const { graph } = buildChartGraph({ nodes: [node('a'), node('b'), node('c')], edges: [], positions: { a: { x: 0, y: 0 } } });
    const arrangement = new ChartArrangement({ a: { x: 0, y: 0 } });
    expect(arrangement.dropped).toBe(false);
    // The first drop after the layout keeps the entities it placed too, not only the one dropped.
    graph.mergeNodeAttributes('a', { x: 5, y: 6 });
    const first = arrangement.drop(graph, 'a', false)!;
    expect(Object.keys(first).sort()).toEqual(['a', 'b', 'c']);
    expect(first.a).toEqual({ x: 5, y: 6 });
    expect(arrangement.dropped).toBe(true);
    // Then only the one moved.
    graph.mergeNodeAttributes('b', { x: 7, y: 8 });
    expect(arrangement.drop(graph, 'b', false)).toEqual({ b: { x: 7, y: 8 } });
    expect(arrangement.take(graph)).toBeNull();
  });

  it('keeps only the entity dropped while the layout still moves the others', () => {
    const { graph } = buildChartGraph({ nodes: [node('a'), node('b')], edges: [] });
    const arrangement = new ChartArrangement();
    graph.mergeNodeAttributes('a', { x: 1, y: 1 });
    expect(arrangement.drop(graph, 'a', true)).toEqual({ a: { x: 1, y: 1 } });
    // Once the layout settles, the others join the arrangement.
    expect(Object.keys(arrangement.take(graph)!)).toEqual(['b']);
  });

  it('remembers positions over the saved arrangement, for a chart drawn again', () => {
    const memory = new PositionMemory();
    expect(memory.over({ a: { x: 1, y: 1 } })).toEqual({ a: { x: 1, y: 1 } });
    memory.remember({ a: { x: 2, y: 2 }, b: { x: 3, y: 3 } });
    expect(memory.over({ a: { x: 1, y: 1 }, c: { x: 4, y: 4 } })).toEqual({ a: { x: 2, y: 2 }, b: { x: 3, y: 3 }, c: { x: 4, y: 4 } });
    // Seen is not saved: the arrangement as saved holds only what was read and what was kept since.
    expect(memory.keptOver({ c: { x: 4, y: 4 } })).toEqual({ c: { x: 4, y: 4 } });
    memory.kept({ b: { x: 5, y: 5 } });
    expect(memory.keptOver({ c: { x: 4, y: 4 } })).toEqual({ b: { x: 5, y: 5 }, c: { x: 4, y: 4 } });
    expect(memory.over({})).toMatchObject({ b: { x: 5, y: 5 } });
  });
});
