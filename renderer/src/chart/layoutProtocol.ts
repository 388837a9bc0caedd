/** The messages between the link chart and its layout worker. */
import type { LayoutInput } from './layout';

export type LayoutRequest =
  | { type: 'start'; input: LayoutInput }
  /** The researcher dragged a node while the layout ran: it stays where it was put. */
  | { type: 'pin'; node: number; x: number; y: number }
  | { type: 'stop' };

export type LayoutReply = { type: 'positions'; positions: Float32Array; iterations: number; settled: boolean };

export const LAYOUT_LIMITS = {
  /** How long one batch of iterations runs before the positions go back to the chart. */
  sliceMs: 120,
  /** Average movement per node in an iteration, as a share of the layout's extent, below which a slice is calm. */
  settledMovement: 0.0004,
  /** Calm slices in a row that make the layout settled. */
  calmSlices: 3,
  /** The layout stops here even if it has not settled. */
  maxIterations: 3000,
} as const;
