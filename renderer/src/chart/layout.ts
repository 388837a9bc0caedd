/**
 * The link chart's layout: ForceAtlas2 (graphology's implementation) over flat arrays, so the same steps run in the
 * layout worker and in tests. Placed nodes stay where they are and only pull on the others.
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { inferSettings, type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

/** ForceAtlas2's layout of a node in its matrix: x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed. */
const PER_NODE = 10;
const PER_EDGE = 3;

/** What the layout needs, as it crosses to the worker: positions and fixed flags by node index, edges as index pairs. */
export interface LayoutInput {
  /** x, y of each node in turn. */
  positions: Float32Array;
  /** 1 for a node the researcher placed, which stays put. */
  fixed: Uint8Array;
  /** Source and target node index of each relationship in turn. */
  edges: Uint32Array;
}

export interface LayoutState {
  nodes: Float32Array;
  edges: Float32Array;
  settings: Required<ForceAtlas2Settings>;
  iterations: number;
  movable: number;
}

const DEFAULTS: Required<ForceAtlas2Settings> = {
  linLogMode: false,
  outboundAttractionDistribution: false,
  adjustSizes: false,
  edgeWeightInfluence: 1,
  scalingRatio: 1,
  strongGravityMode: false,
  gravity: 1,
  slowDown: 1,
  barnesHutOptimize: false,
  barnesHutTheta: 0.5,
};

export function createLayout(input: LayoutInput): LayoutState {
  const count = input.fixed.length;
  const nodes = new Float32Array(count * PER_NODE);
  let movable = 0;
  for (let node = 0; node < count; node++) {
    const at = node * PER_NODE;
    nodes[at] = input.positions[node * 2]!;
    nodes[at + 1] = input.positions[node * 2 + 1]!;
    nodes[at + 6] = 1; // mass: one plus the degree, added below
    nodes[at + 7] = 1; // convergence
    nodes[at + 8] = 1; // size
    nodes[at + 9] = input.fixed[node]!;
    if (!input.fixed[node]) movable++;
  }
  const edgeCount = input.edges.length / 2;
  const edges = new Float32Array(edgeCount * PER_EDGE);
  for (let edge = 0; edge < edgeCount; edge++) {
    const source = input.edges[edge * 2]!;
    const target = input.edges[edge * 2 + 1]!;
    edges[edge * PER_EDGE] = source * PER_NODE;
    edges[edge * PER_EDGE + 1] = target * PER_NODE;
    edges[edge * PER_EDGE + 2] = 1;
    nodes[source * PER_NODE + 6]! += 1;
    nodes[target * PER_NODE + 6]! += 1;
  }
  return { nodes, edges, settings: { ...DEFAULTS, ...inferSettings(count) }, iterations: 0, movable };
}

/**
 * Runs some iterations and says how far the movable nodes went in the last one, on average, as a share of the
 * layout's extent: the layout has settled when that stays tiny.
 */
export function stepLayout(state: LayoutState, iterations: number): number {
  if (state.movable === 0) return 0;
  const before = new Float32Array(state.nodes.length / PER_NODE * 2);
  for (let run = 0; run < iterations; run++) {
    if (run === iterations - 1) for (let node = 0; node < before.length / 2; node++) {
      before[node * 2] = state.nodes[node * PER_NODE]!;
      before[node * 2 + 1] = state.nodes[node * PER_NODE + 1]!;
    }
    iterate(state.settings, state.nodes, state.edges);
    state.iterations++;
  }
  let moved = 0;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let node = 0; node < before.length / 2; node++) {
    const x = state.nodes[node * PER_NODE]!;
    const y = state.nodes[node * PER_NODE + 1]!;
    moved += Math.hypot(x - before[node * 2]!, y - before[node * 2 + 1]!);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const extent = Math.max(maxX - minX, maxY - minY) || 1;
  return moved / state.movable / extent;
}

/** Moves a node and pins it there: the researcher dragged it while the layout ran. */
export function pinNode(state: LayoutState, node: number, x: number, y: number): void {
  const at = node * PER_NODE;
  if (at >= state.nodes.length) return;
  if (!state.nodes[at + 9]) state.movable--;
  state.nodes[at] = x;
  state.nodes[at + 1] = y;
  state.nodes[at + 9] = 1;
}

/** x, y of each node in turn. */
export function layoutPositions(state: LayoutState): Float32Array {
  const count = state.nodes.length / PER_NODE;
  const positions = new Float32Array(count * 2);
  for (let node = 0; node < count; node++) {
    positions[node * 2] = state.nodes[node * PER_NODE]!;
    positions[node * 2 + 1] = state.nodes[node * PER_NODE + 1]!;
  }
  return positions;
}
