/**
 * What the link chart draws, as plain data: the entities and relationships of a case as the caller read them, with
 * no knowledge of the database. `buildChartGraph` turns it into a graphology graph the chart's pure functions and
 * its renderer share.
 */
import Graph from 'graphology';

/** How sure the researcher is of a relationship, from most to least. */
export const CONFIDENCES = ['confirmed', 'probable', 'possible', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** How each confidence is drawn: solid, dashed, dotted, faint. Dash and gap in screen pixels (0: a solid line). */
export const CONFIDENCE_STYLES: Readonly<Record<Confidence, { label: string; dash: number; gap: number; opacity: number }>> = {
  confirmed: { label: 'Confirmed (solid)', dash: 0, gap: 0, opacity: 1 },
  probable: { label: 'Probable (dashed)', dash: 8, gap: 5, opacity: 1 },
  possible: { label: 'Possible (dotted)', dash: 2, gap: 4, opacity: 1 },
  unverified: { label: 'Unverified (faint)', dash: 0, gap: 0, opacity: 0.3 },
};

export interface ChartNode {
  id: string;
  label: string;
  /** The entity type's name, as the filters list it. */
  type: string;
  /** The type's colour, a CSS hex colour (#rgb or #rrggbb). */
  typeColour: string;
  /** One or two characters drawn inside the node. */
  typeLetter: string;
  tags: string[];
}

export interface ChartEdge {
  id: string;
  source: string;
  target: string;
  /** The relationship type's name, as the filters list it. */
  type: string;
  /** How it reads from its source: "works for". */
  label: string;
  /** How it reads from its target, back to the source ("employs"); the label when left out. */
  inverse?: string;
  confidence: Confidence;
  /** When the relationship began and ended: ISO dates, whole or partial (`2019`, `2019-04`, `2019-04-12`). */
  start?: string;
  end?: string;
}

export interface ChartPosition {
  x: number;
  y: number;
}

export interface ChartData {
  nodes: ChartNode[];
  edges: ChartEdge[];
  /** Where the researcher placed entities before: kept as they are; only the others are laid out. */
  positions?: Record<string, ChartPosition>;
}

/** A node's attributes in the graph: its data, its place, and whether the researcher placed it (`fixed`). */
export interface ChartNodeAttributes extends Omit<ChartNode, 'id'> {
  x: number;
  y: number;
  fixed: boolean;
}

export type ChartEdgeAttributes = Omit<ChartEdge, 'id' | 'source' | 'target'>;

export type ChartGraph = Graph<ChartNodeAttributes, ChartEdgeAttributes>;

/** What `buildChartGraph` left out, so the chart can say so rather than drop records silently. */
export interface ChartBuildReport {
  graph: ChartGraph;
  /** Relationships whose ends are not among the nodes (or that repeat an id). */
  skippedEdges: string[];
  /** Nodes whose id was already taken. */
  skippedNodes: string[];
}

/**
 * The graph of the data. Relationships are undirected for the chart (a neighbourhood or a path runs either way), but
 * each keeps its source and target as given. Nodes without a stored position start on a spiral around the placed
 * ones, in the order given, so the same data always starts the same way.
 */
export function buildChartGraph(data: ChartData): ChartBuildReport {
  const graph: ChartGraph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: true });
  const positions = data.positions ?? {};
  const skippedNodes: string[] = [];
  const skippedEdges: string[] = [];
  const placed = Object.values(positions).filter(isPosition);
  const centre = placed.length
    ? { x: placed.reduce((sum, p) => sum + p.x, 0) / placed.length, y: placed.reduce((sum, p) => sum + p.y, 0) / placed.length }
    : { x: 0, y: 0 };
  let unplaced = 0;
  for (const node of data.nodes) {
    if (graph.hasNode(node.id)) {
      skippedNodes.push(node.id);
      continue;
    }
    const { id, ...attributes } = node;
    const stored = positions[id];
    const place = isPosition(stored) ? stored : spiral(centre, unplaced++);
    graph.addNode(id, { ...attributes, tags: [...node.tags], x: place.x, y: place.y, fixed: isPosition(stored) });
  }
  for (const edge of data.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || graph.hasEdge(edge.id)) {
      skippedEdges.push(edge.id);
      continue;
    }
    const { id, source, target, ...attributes } = edge;
    graph.addEdgeWithKey(id, source, target, attributes);
  }
  return { graph, skippedEdges, skippedNodes };
}

function isPosition(value: ChartPosition | undefined): value is ChartPosition {
  return value !== undefined && Number.isFinite(value.x) && Number.isFinite(value.y);
}

/** Sunflower spiral: evenly spread, no two starting points alike (a force layout cannot separate identical points). */
function spiral(centre: ChartPosition, index: number): ChartPosition {
  const radius = 10 * Math.sqrt(index + 1);
  const angle = index * 2.399963229728653;
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}

/** Every node's position, for the caller to keep. */
export function chartPositions(graph: ChartGraph): Record<string, ChartPosition> {
  const positions: Record<string, ChartPosition> = {};
  graph.forEachNode((node, { x, y }) => (positions[node] = { x, y }));
  return positions;
}
