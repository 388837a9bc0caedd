/**
 * Starts the layout worker on a chart graph and writes the positions it sends back into the graph. Placed nodes
 * (`fixed`) stay put; a node dragged while the layout runs is pinned where it was dropped.
 */
import type { ChartGraph } from './chartData';
import type { LayoutInput } from './layout';
import type { LayoutReply, LayoutRequest } from './layoutProtocol';

export interface LayoutRun {
  /** Pins a node where the researcher dropped it. */
  pin(node: string, x: number, y: number): void;
  stop(): void;
}

export interface LayoutProgress {
  iterations: number;
  settled: boolean;
  /** Milliseconds since the layout started. */
  elapsedMs: number;
}

/** What the layout needs of the graph, by node index in the graph's order. */
export function layoutInput(graph: ChartGraph): LayoutInput {
  const order = graph.nodes();
  const index = new Map(order.map((node, at) => [node, at]));
  const positions = new Float32Array(order.length * 2);
  const fixed = new Uint8Array(order.length);
  order.forEach((node, at) => {
    const { x, y, fixed: placed } = graph.getNodeAttributes(node);
    positions[at * 2] = x;
    positions[at * 2 + 1] = y;
    fixed[at] = placed ? 1 : 0;
  });
  const edges = new Uint32Array(graph.size * 2);
  let at = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    edges[at++] = index.get(source)!;
    edges[at++] = index.get(target)!;
  });
  return { positions, fixed, edges };
}

/**
 * Lays out the graph's unplaced nodes in a worker, calling `onProgress` after the positions of each batch are in
 * the graph. Returns null when every node is placed already.
 */
export function startLayout(
  graph: ChartGraph,
  onProgress: (progress: LayoutProgress) => void,
  /** The node the researcher is dragging, if any: it stays under the pointer, whatever the batch says. */
  held: () => string | null = () => null,
): LayoutRun | null {
  const input = layoutInput(graph);
  if (!input.fixed.some((placed) => !placed)) return null;
  const order = graph.nodes();
  const index = new Map(order.map((node, at) => [node, at]));
  const started = performance.now();
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const send = (request: LayoutRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);
  let stopped = false;
  worker.onmessage = (event: MessageEvent<LayoutReply>) => {
    if (stopped) return;
    const { positions, iterations, settled } = event.data;
    let at = 0;
    const holding = held();
    // The graph keeps its nodes while a run lasts: a caller with new data builds a new graph and stops this run.
    graph.updateEachNodeAttributes(
      (node, attributes) => {
        if (node !== holding) {
          attributes.x = positions[at * 2]!;
          attributes.y = positions[at * 2 + 1]!;
        }
        at++;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
    if (settled) {
      stopped = true;
      worker.terminate();
    }
    onProgress({ iterations, settled, elapsedMs: performance.now() - started });
  };
  send({ type: 'start', input }, [input.positions.buffer, input.fixed.buffer, input.edges.buffer]);
  return {
    pin(node, x, y) {
      const at = index.get(node);
      if (!stopped && at !== undefined) send({ type: 'pin', node: at, x, y });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      worker.terminate();
    },
  };
}
