/**
 * The link chart's drawing: sigma.js (WebGL) over the chart graph, with entities as discs in their type's colour
 * with its letter, relationships styled by confidence, what is not shown hidden and what is highlighted brought
 * forward. Dragging a node moves it and pins it; a click opens it. React never touches sigma except through this.
 * Loaded only where WebGL works: sigma and its image program ask for a WebGL context as soon as they load.
 */
import { createNodeImageProgram } from '@sigma/node-image';
import Sigma from 'sigma';
import { NodeCircleProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { CONFIDENCE_STYLES, type ChartEdgeAttributes, type ChartGraph, type ChartNodeAttributes, type ChartPosition } from '../../chart/chartData';
import type { ChartView } from '../../chart/view';
import { DashedEdgeProgram, type DashedEdgeDisplayData } from './dashedEdgeProgram';
import { LABEL_DENSITIES, type LabelDensity } from './drawing';
import { letterImage } from './letterImages';


/** What the chart shows and brings forward. */
export interface ChartAppearance {
  shown: ChartView;
  /** A path, the search matches or a chosen entity: drawn strong, the rest faded. Null: nothing faded. */
  highlight: ChartView | null;
}

export interface ChartRendererEvents {
  open(node: string): void;
  /** A node was dropped somewhere new. */
  dropped(node: string, position: ChartPosition): void;
  /** A node is being dragged (the layout, if it runs, should leave it where it is put). */
  dragging(node: string, position: ChartPosition): void;
}

export interface ChartRenderer {
  sigma: Sigma<ChartNodeAttributes, ChartEdgeAttributes>;
  /** True when the browser draws WebGL in software: edges and names are then left out while the view moves. */
  software: boolean;
  setAppearance(appearance: ChartAppearance): void;
  setLabelDensity(density: LabelDensity): void;
  /** Brings these nodes into view, or the whole chart when given none. */
  fit(nodes: Iterable<string> | null): void;
  /** The node being dragged, if any. */
  held(): string | null;
  /** The names written on screen now, for an export that matches it. */
  labelled(): Set<string>;
  kill(): void;
}

const EDGE_COLOUR = '#7d8793';
const FAINT_EDGE_COLOUR = 'rgba(125, 135, 147, 0.3)';
const FADED_EDGE_COLOUR = 'rgba(125, 135, 147, 0.1)';
const STRONG_EDGE_COLOUR = '#d9480f';
const FADED_NODE_COLOUR = '#dde1e6';

export function createChartRenderer(
  container: HTMLElement,
  graph: ChartGraph,
  events: ChartRendererEvents,
  options: {
    software: boolean;
    labelDensity: LabelDensity;
    /** A layer over the drawing that gets a mark where each entity is drawn, while few are shown (`PLACES_LIMIT`). */
    places?: HTMLElement | null;
  },
): ChartRenderer {
  let appearance: ChartAppearance | null = null;
  // Smaller discs in a large chart, so its clusters show; the more relationships, the bigger the disc.
  // A small chart's discs are big enough for their letter and every name.
  const base = graph.order > 1_000 ? 1.5 : graph.order > 200 ? 4 : 9;
  const sizes = new Map<string, number>();
  graph.forEachNode((node) => sizes.set(node, base + Math.min(8, Math.sqrt(graph.degree(node)) * 1.2)));
  const density = LABEL_DENSITIES[options.labelDensity];
  // A large chart's discs are too small for a letter: plain discs, which cost far less to draw in each frame.
  const nodeType = graph.order > 1_000 ? 'disc' : 'letter';
  // Moving a large graph in software costs a frame per layer: leave the edges and names out while it moves.
  const lighten = options.software && graph.size > 2_000;

  const nodeReducer = (node: string, data: ChartNodeAttributes): Partial<NodeDisplayData> & { image: string } => {
    const shown = appearance?.shown.nodes.has(node) ?? true;
    const strong = appearance?.highlight?.nodes.has(node);
    const faded = appearance?.highlight && !strong;
    return {
      x: data.x,
      y: data.y,
      // Faded entities keep quiet, so the names of those brought forward have room.
      label: faded ? null : data.label,
      size: (sizes.get(node) ?? 4) * (strong ? 1.4 : 1),
      color: faded ? FADED_NODE_COLOUR : data.typeColour,
      image: letterImage(data.typeLetter),
      type: nodeType,
      hidden: !shown,
      forceLabel: Boolean(strong),
      zIndex: strong ? 2 : faded ? 0 : 1,
    };
  };
  const edgeReducer = (edge: string, data: ChartEdgeAttributes): Partial<DashedEdgeDisplayData> => {
    const shown = appearance?.shown.edges.has(edge) ?? true;
    const strong = appearance?.highlight?.edges.has(edge);
    const style = CONFIDENCE_STYLES[data.confidence];
    const colour = appearance?.highlight
      ? strong
        ? STRONG_EDGE_COLOUR
        : FADED_EDGE_COLOUR
      : style.opacity < 1
        ? FAINT_EDGE_COLOUR
        : EDGE_COLOUR;
    return {
      label: strong ? data.label || data.type : null,
      forceLabel: Boolean(strong),
      color: colour,
      size: strong ? 2.5 : 1,
      type: 'dashed',
      hidden: !shown,
      dash: style.dash,
      gap: style.gap,
      zIndex: strong ? 1 : 0,
    };
  };

  const sigma = new Sigma<ChartNodeAttributes, ChartEdgeAttributes>(graph, container, {
    defaultNodeType: nodeType,
    defaultEdgeType: 'dashed',
    nodeProgramClasses: {
      letter: createNodeImageProgram({ size: { mode: 'force', value: 64 }, padding: 0.12, drawingMode: 'background' }),
      disc: NodeCircleProgram,
    },
    edgeProgramClasses: { dashed: DashedEdgeProgram },
    nodeReducer: nodeReducer as (node: string, data: ChartNodeAttributes) => Partial<NodeDisplayData>,
    edgeReducer: edgeReducer as (edge: string, data: ChartEdgeAttributes) => Partial<EdgeDisplayData>,
    renderEdgeLabels: true,
    labelDensity: density.density,
    labelRenderedSizeThreshold: density.threshold,
    labelFont: 'system-ui, sans-serif',
    // Cells of the grid in which sigma lets only the biggest nodes' names through: wider than a name, so few overlap.
    // (A small chart's names mostly sit on lines of their own: smaller cells let each be written.)
    labelGridCellSize: graph.order > 200 ? 140 : 50,
    edgeLabelFont: 'system-ui, sans-serif',
    zIndex: true,
    hideEdgesOnMove: lighten,
    hideLabelsOnMove: lighten,
  });

  let dragged: string | null = null;
  let moved = false;
  let swallowClick = false;
  sigma.on('downNode', ({ node }) => {
    dragged = node;
    moved = false;
    swallowClick = false;
    // A fixed frame while dragging: otherwise the whole graph rescales under the pointer.
    if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
  });
  sigma.on('moveBody', ({ event }) => {
    if (!dragged) return;
    const position = sigma.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y, fixed: true });
    moved = true;
    events.dragging(dragged, position);
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const drop = () => {
    if (dragged && moved) {
      const { x, y } = graph.getNodeAttributes(dragged);
      swallowClick = true;
      events.dropped(dragged, { x, y });
    }
    dragged = null;
    moved = false;
  };
  sigma.on('upNode', drop);
  sigma.on('upStage', drop);
  sigma.on('clickNode', ({ node }) => {
    if (swallowClick) {
      swallowClick = false;
      return;
    }
    events.open(node);
  });
  if (options.places) {
    const layer = options.places;
    const update = markPlaces(layer, graph, sigma, () => appearance?.shown.nodes ?? null);
    sigma.on('afterRender', update);
    sigma.once('kill', () => layer.replaceChildren());
  }
  sigma.on('enterNode', () => container.classList.add('link-chart-over-node'));
  sigma.on('leaveNode', () => container.classList.remove('link-chart-over-node'));

  return {
    sigma,
    software: options.software,
    setAppearance(next) {
      appearance = next;
      sigma.refresh({ schedule: true });
    },
    setLabelDensity(level) {
      sigma.setSetting('labelDensity', LABEL_DENSITIES[level].density);
      sigma.setSetting('labelRenderedSizeThreshold', LABEL_DENSITIES[level].threshold);
    },
    fit(nodes) {
      const chosen = nodes ? [...nodes].filter((node) => graph.hasNode(node)) : [];
      const camera = sigma.getCamera();
      if (!chosen.length) {
        void camera.animatedReset({ duration: 300 });
        return;
      }
      // From the graph's own coordinates, not sigma's display data, which a scheduled refresh may not have framed yet.
      const points = chosen.map((node) => sigma.graphToViewport(graph.getNodeAttributes(node)));
      const xs = points.map((point) => point.x);
      const ys = points.map((point) => point.y);
      const { width, height } = sigma.getDimensions();
      const spread = Math.max((Math.max(...xs) - Math.min(...xs)) / width, (Math.max(...ys) - Math.min(...ys)) / height);
      const centre = sigma.viewportToFramedGraph({ x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 });
      // A margin around them (their names run to the right), and no closer than a few nodes' worth for one entity alone.
      const ratio = camera.getState().ratio * Math.max(spread * 1.5, 0.15);
      void camera.animate({ x: centre.x, y: centre.y, ratio }, { duration: 300 });
    },
    held: () => dragged,
    labelled: () => new Set(sigma.getNodeDisplayedLabels()),
    kill: () => sigma.kill(),
  };
}

/**
 * The chart as drawn, as a PNG: sigma draws in layers (WebGL for edges and nodes, 2D for names), so they are drawn
 * again at once and stacked on a white ground before the WebGL buffers are cleared.
 */
export async function chartPng(sigma: Sigma<ChartNodeAttributes, ChartEdgeAttributes>): Promise<Blob> {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const output = document.createElement('canvas');
  output.width = Math.round(width * ratio);
  output.height = Math.round(height * ratio);
  const context = output.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, output.width, output.height);
  sigma.refresh();
  for (const [layer, canvas] of Object.entries(sigma.getCanvases()))
    if (layer !== 'mouse') context.drawImage(canvas, 0, 0, output.width, output.height);
  return new Promise((resolve, reject) =>
    output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the picture.'))), 'image/png'),
  );
}

/** Most entities shown for which the layer over the drawing marks where each is. */
const PLACES_LIMIT = 300;

/**
 * Keeps one mark per entity shown at the place it is drawn (its id and name as data attributes), after each frame;
 * none in a large chart, where the list below the chart is the way to each entity.
 */
function markPlaces(
  layer: HTMLElement,
  graph: ChartGraph,
  sigma: Sigma<ChartNodeAttributes, ChartEdgeAttributes>,
  shown: () => ReadonlySet<string> | null,
): () => void {
  const marks = new Map<string, HTMLSpanElement>();
  return () => {
    const nodes = shown() ?? new Set(graph.nodes());
    if (nodes.size > PLACES_LIMIT) {
      if (marks.size) layer.replaceChildren();
      marks.clear();
      return;
    }
    for (const [node, mark] of marks)
      if (!nodes.has(node) || !graph.hasNode(node)) {
        mark.remove();
        marks.delete(node);
      }
    for (const node of nodes) {
      if (!graph.hasNode(node)) continue;
      let mark = marks.get(node);
      if (!mark) {
        mark = document.createElement('span');
        mark.dataset.entityId = node;
        mark.dataset.entityName = graph.getNodeAttribute(node, 'label');
        layer.append(mark);
        marks.set(node, mark);
      }
      const { x, y } = sigma.graphToViewport(graph.getNodeAttributes(node));
      mark.style.left = `${x}px`;
      mark.style.top = `${y}px`;
    }
  };
}
