/**
 * The link chart's layout worker: runs ForceAtlas2 in batches off the main thread, sends the positions after each
 * batch, and stops by itself once the layout has settled (or after its last allowed iteration).
 */
import { createLayout, layoutPositions, pinNode, stepLayout, type LayoutState } from './layout';
import type { LayoutReply, LayoutRequest } from './layoutProtocol';
import { LAYOUT_LIMITS } from './layoutProtocol';

let state: LayoutState | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let calm = 0;

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
  if (request.type === 'start') {
    state = createLayout(request.input);
    calm = 0;
    schedule();
  } else if (request.type === 'pin' && state) {
    pinNode(state, request.node, request.x, request.y);
  } else if (request.type === 'stop') {
    clearTimeout(timer);
    state = null;
  }
};

function schedule() {
  clearTimeout(timer);
  // A macrotask between batches, so a pin or a stop is heard at once.
  timer = setTimeout(batch, 0);
}

function batch() {
  if (!state) return;
  const started = performance.now();
  // As many iterations as fit in a slice, so the chart redraws at a steady pace whatever the graph's size.
  let moved = stepLayout(state, 1);
  while (performance.now() - started < LAYOUT_LIMITS.sliceMs && state.movable > 0) moved = stepLayout(state, 1);
  calm = moved < LAYOUT_LIMITS.settledMovement ? calm + 1 : 0;
  const settled = state.movable === 0 || calm >= LAYOUT_LIMITS.calmSlices || state.iterations >= LAYOUT_LIMITS.maxIterations;
  const positions = layoutPositions(state);
  const reply: LayoutReply = { type: 'positions', positions, iterations: state.iterations, settled };
  (self as unknown as Worker).postMessage(reply, [positions.buffer]);
  if (settled) state = null;
  else schedule();
}
