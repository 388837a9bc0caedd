import { describe, expect, it } from 'vitest';
import { buildChartGraph, type ChartData } from './chartData';
import { createLayout, layoutPositions, pinNode, stepLayout } from './layout';
import { layoutInput } from './layoutClient';
import { LAYOUT_LIMITS } from './layoutProtocol';

/** Two triangles joined by one relationship; `a` placed by the researcher. */
const DATA: ChartData = {
  nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, label: id, type: 'person', typeColour: '#000', typeLetter: 'P', tags: [] })),
  edges: [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
    ['d', 'e'],
    ['e', 'f'],
    ['f', 'd'],
    ['c', 'd'],
  ].map(([source, target]) => ({ id: `${source}${target}`, source: source!, target: target!, type: 'knows', label: '', confidence: 'confirmed' as const })),
  positions: { a: { x: 500, y: 500 } },
};

describe('the layout', () => {
  it('moves only the nodes without a place, and settles', () => {
    const { graph } = buildChartGraph(DATA);
    const state = createLayout(layoutInput(graph));
    expect(state.movable).toBe(5);
    let moved = 1;
    let steps = 0;
    while (moved >= LAYOUT_LIMITS.settledMovement && steps < LAYOUT_LIMITS.maxIterations) {
      moved = stepLayout(state, 10);
      steps += 10;
    }
    expect(steps).toBeLessThan(LAYOUT_LIMITS.maxIterations);
    const positions = layoutPositions(state);
    expect([positions[0], positions[1]]).toEqual([500, 500]);
    // The triangle with `a` gathers around it: its members are nearer to `a` than the other triangle's.
    const distance = (i: number) => Math.hypot(positions[i * 2]! - 500, positions[i * 2 + 1]! - 500);
    expect(Math.max(distance(1), distance(2))).toBeLessThan(Math.min(distance(4), distance(5)));
  });

  it('keeps a node pinned where it was dropped', () => {
    const { graph } = buildChartGraph(DATA);
    const state = createLayout(layoutInput(graph));
    pinNode(state, 3, -20, 40);
    expect(state.movable).toBe(4);
    stepLayout(state, 50);
    const positions = layoutPositions(state);
    expect([positions[6], positions[7]]).toEqual([-20, 40]);
  });

  it('has nothing to do when every node is placed', () => {
    const { graph } = buildChartGraph({ ...DATA, positions: Object.fromEntries(DATA.nodes.map((n, i) => [n.id, { x: i, y: i }])) });
    const state = createLayout(layoutInput(graph));
    expect(stepLayout(state, 5)).toBe(0);
    expect(Array.from(layoutPositions(state))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});
