/**
 * What the link chart shows of its graph: the filters, one entity's neighbourhood, the shortest path between two
 * entities and the search matches, each a pure function of the graph and the part of it already shown.
 */
import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { pathAndAncestors } from '../../../shared/codebook';
import { fold } from '../search/fold';
import { CONFIDENCES, type ChartGraph, type Confidence } from './chartData';

/** A part of the graph: the nodes and relationships shown. */
export interface ChartView {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** The values let through: a set, or anything that answers `has` (everything but some). */
export type Allowed<T> = Pick<ReadonlySet<T>, 'has'>;

/** What to show. A kind left out shows everything of it; an empty set shows nothing of it. */
export interface ChartFilter {
  nodeTypes?: Allowed<string>;
  edgeTypes?: Allowed<string>;
  /** Entities carrying at least one of these tags (paths such as "Evidence › Raids") or a sub-tag of one. */
  tags?: Allowed<string>;
  confidences?: Allowed<Confidence>;
  /**
   * Relationships in force at some time in this range (ISO dates, whole or partial, either end open). A relationship
   * with no end is still in force; one with no dates at all is always shown, since nothing places it outside.
   */
  from?: string;
  to?: string;
}

/** The whole graph as a view. */
export function wholeView(graph: ChartGraph): ChartView {
  return { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
}

/** The entities and relationships that pass the filter; a relationship needs both its ends shown. */
export function filterChart(graph: ChartGraph, filter: ChartFilter): ChartView {
  const nodes = new Set<string>();
  graph.forEachNode((node, { type, tags }) => {
    if (filter.nodeTypes && !filter.nodeTypes.has(type)) return;
    // A tag chosen takes in its sub-tags, as the codebook's filters do elsewhere.
    if (filter.tags && !tags.some((tag) => pathAndAncestors(tag).some((path) => filter.tags!.has(path)))) return;
    nodes.add(node);
  });
  const from = filter.from ? dateBound(filter.from, 'first') : null;
  const to = filter.to ? dateBound(filter.to, 'last') : null;
  const edges = new Set<string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (filter.edgeTypes && !filter.edgeTypes.has(attributes.type)) return;
    if (filter.confidences && !filter.confidences.has(attributes.confidence)) return;
    if ((from || to) && !inForce(attributes.start, attributes.end, from, to)) return;
    edges.add(edge);
  });
  return { nodes, edges };
}

/** A whole or partial ISO date, as the date filter takes it: `2019`, `2019-04` or `2019-04-12`. */
export function isPartialDate(text: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text.trim());
}

/**
 * The first or last day a whole or partial ISO date can stand for, as a sortable `YYYY-MM-DD` string: `2019` runs
 * from `2019-01-01` to `2019-12-31`, `2019-04` to `2019-04-31` (a day no month passes, which sorts as the month's end).
 */
export function dateBound(date: string, end: 'first' | 'last'): string {
  const [year = '', month, day] = date.trim().slice(0, 10).split('-');
  return [year.padStart(4, '0'), month ?? (end === 'first' ? '01' : '12'), day ?? (end === 'first' ? '01' : '31')]
    .map((part) => part.padStart(2, '0'))
    .join('-');
}

function inForce(start: string | undefined, end: string | undefined, from: string | null, to: string | null): boolean {
  if (!start && !end) return true;
  const began = start ? dateBound(start, 'first') : null;
  const ended = end ? dateBound(end, 'last') : null;
  if (to && began && began > to) return false;
  if (from && ended && ended < from) return false;
  return true;
}

/**
 * The entities within `steps` relationships of `centre` (1 to 3), through the relationships shown, and the shown
 * relationships among them. Empty when the centre is not shown.
 */
export function neighbourhood(graph: ChartGraph, view: ChartView, centre: string, steps: number): ChartView {
  if (!view.nodes.has(centre)) return { nodes: new Set(), edges: new Set() };
  const reached = new Set([centre]);
  let frontier = [centre];
  for (let step = 0; step < steps && frontier.length; step++) {
    const next: string[] = [];
    for (const node of frontier)
      graph.forEachEdge(node, (edge, _attributes, source, target) => {
        if (!view.edges.has(edge)) return;
        const other = source === node ? target : source;
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      });
    frontier = next;
  }
  const edges = new Set<string>();
  for (const edge of view.edges) if (reached.has(graph.source(edge)) && reached.has(graph.target(edge))) edges.add(edge);
  return { nodes: reached, edges };
}

/** A path between two entities: its entities in order, and one relationship per step. */
export interface ChartPath {
  nodes: string[];
  edges: string[];
}

/**
 * The shortest path between two entities through what is shown (fewest relationships), or null when none joins
 * them. Where two entities are joined more than once, the step takes the most certain relationship.
 */
export function shortestPath(graph: ChartGraph, view: ChartView, from: string, to: string): ChartPath | null {
  if (!view.nodes.has(from) || !view.nodes.has(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const shown = new Graph({ type: 'undirected', multi: false });
  for (const node of view.nodes) shown.addNode(node);
  for (const edge of view.edges) shown.mergeEdge(graph.source(edge), graph.target(edge));
  const nodes = bidirectional(shown, from, to);
  if (!nodes) return null;
  const edges = nodes.slice(1).map((node, index) => surestEdgeBetween(graph, view, nodes[index]!, node));
  return { nodes, edges };
}

function surestEdgeBetween(graph: ChartGraph, view: ChartView, a: string, b: string): string {
  const rank = (edge: string) => CONFIDENCES.indexOf(graph.getEdgeAttribute(edge, 'confidence'));
  return graph
    .edges(a, b)
    .filter((edge) => view.edges.has(edge))
    .sort((x, y) => rank(x) - rank(y))[0]!;
}

/** The shown entities whose name contains the query, ignoring case and accents ("lodz" finds "Łódź"). */
export function searchNodes(graph: ChartGraph, view: ChartView, query: string): Set<string> {
  const needle = fold(query.trim());
  const matches = new Set<string>();
  if (!needle) return matches;
  for (const node of view.nodes) if (fold(graph.getNodeAttribute(node, 'label')).includes(needle)) matches.add(node);
  return matches;
}

/** One step of a path as read aloud: the relationship's words from the entity before it, and the entity reached. */
export interface PathStep {
  /** How the relationship reads in the direction walked: "works for", or "employs" when walked from its target. */
  words: string;
  node: string;
  label: string;
}

/**
 * A path in words, for reading rather than seeing: its first entity's name and each step after it, each
 * relationship read in the direction the path walks it ("Dario Venn → director of → Quayline Logistics → related to
 * → MV Corran Bay").
 */
export function pathInWords(graph: ChartGraph, path: ChartPath): { start: string; steps: PathStep[] } {
  const name = (node: string) => graph.getNodeAttribute(node, 'label');
  const steps = path.edges.map((edge, index) => {
    const from = path.nodes[index]!;
    const to = path.nodes[index + 1]!;
    const { label, type, inverse } = graph.getEdgeAttributes(edge);
    const forward = label || type;
    const words = graph.source(edge) === from ? forward : inverse || forward;
    return { words, node: to, label: name(to) };
  });
  return { start: name(path.nodes[0]!), steps };
}

/** The path as one line: "A → works for → B → owns → C". */
export function pathSentence(words: { start: string; steps: readonly PathStep[] }): string {
  return [words.start, ...words.steps.flatMap((step) => [step.words, step.label])].join(' → ');
}
