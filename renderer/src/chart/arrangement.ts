/**
 * The link chart's arrangement as the researcher keeps it: which positions have been kept already, so only what a
 * drop (or the layout after one) changed is handed on to be saved.
 */
import { chartPositions, type ChartGraph, type ChartPosition } from './chartData';

export class ChartArrangement {
  private readonly kept: Map<string, ChartPosition>;
  private droppedOnce = false;

  constructor(positions: Readonly<Record<string, ChartPosition>> = {}) {
    this.kept = new Map(Object.entries(positions));
  }

  /** Whether the researcher has dropped an entity on this chart: from then on the layout's results are kept too. */
  get dropped(): boolean {
    return this.droppedOnce;
  }

  /**
   * An entity dropped: what to keep now. While the layout still runs, the others are on their way, so only the entity
   * dropped; otherwise every position changed since the last kept.
   */
  drop(graph: ChartGraph, node: string, layoutRunning: boolean): Record<string, ChartPosition> | null {
    this.droppedOnce = true;
    return this.take(graph, layoutRunning ? node : undefined);
  }

  /**
   * The graph's positions that differ from those kept (of `only` that entity, when given), now counted as kept;
   * null when nothing changed.
   */
  take(graph: ChartGraph, only?: string): Record<string, ChartPosition> | null {
    const changed: Record<string, ChartPosition> = {};
    let any = false;
    for (const [node, position] of Object.entries(chartPositions(graph))) {
      if (only !== undefined && node !== only) continue;
      const before = this.kept.get(node);
      if (before && before.x === position.x && before.y === position.y) continue;
      this.kept.set(node, position);
      changed[node] = position;
      any = true;
    }
    return any ? changed : null;
  }
}

/**
 * Where each entity of a chart was last seen, across the charts drawn as the case changes: a chart drawn again
 * (an entity added or renamed) starts every entity where it was.
 */
export class PositionMemory {
  private positions: Record<string, ChartPosition> = {};
  private keptHere: Record<string, ChartPosition> = {};

  remember(positions: Readonly<Record<string, ChartPosition>>): void {
    this.positions = { ...this.positions, ...positions };
  }

  /** Positions saved since the arrangement was read. */
  kept(positions: Readonly<Record<string, ChartPosition>>): void {
    this.remember(positions);
    this.keptHere = { ...this.keptHere, ...positions };
  }

  /** The arrangement as saved: as it was read, and what was saved since. */
  keptOver(saved: Readonly<Record<string, ChartPosition>>): Record<string, ChartPosition> {
    return { ...saved, ...this.keptHere };
  }

  /** The positions remembered over those given (the saved arrangement). */
  over(saved: Readonly<Record<string, ChartPosition>>): Record<string, ChartPosition> {
    return { ...saved, ...this.positions };
  }
}
