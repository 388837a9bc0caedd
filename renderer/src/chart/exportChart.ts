/**
 * The link chart's exports that need no renderer: the visible graph as JSON (its entities and relationships with
 * their attributes and places) and as an SVG picture written from the same data, so it opens in any editor.
 */
import { CONFIDENCE_STYLES, type ChartEdge, type ChartGraph, type ChartNode, type ChartPosition } from './chartData';
import type { ChartView } from './view';

export interface ChartJson {
  format: 'casebook-link-chart';
  version: 1;
  nodes: (ChartNode & ChartPosition)[];
  edges: ChartEdge[];
}

/** The visible entities and relationships with all their attributes, in the graph's order. */
export function chartJson(graph: ChartGraph, view: ChartView): ChartJson {
  const nodes: ChartJson['nodes'] = [];
  graph.forEachNode((id, { label, type, typeColour, typeLetter, tags, x, y }) => {
    if (view.nodes.has(id)) nodes.push({ id, label, type, typeColour, typeLetter, tags: [...tags], x, y });
  });
  const edges: ChartEdge[] = [];
  graph.forEachEdge((id, { type, label, inverse, confidence, start, end }, source, target) => {
    if (!view.edges.has(id)) return;
    edges.push({ id, source, target, type, label, ...(inverse ? { inverse } : {}), confidence, ...(start ? { start } : {}), ...(end ? { end } : {}) });
  });
  return { format: 'casebook-link-chart', version: 1, nodes, edges };
}

export interface ChartSvgOptions {
  /** Entities whose names are written beside them; all visible ones when left out. */
  labelled?: ReadonlySet<string>;
  /** Entities and relationships drawn stronger (a path, search matches); the rest faded when given. */
  highlight?: ChartView;
  /** The picture's longer side, in pixels. */
  size?: number;
  title?: string;
}

const NODE_RADIUS = 9;
const MARGIN = 40;

/**
 * An SVG of the visible graph, written from the data: each relationship a line styled by its confidence, each entity
 * a disc in its type's colour with its letter, names beside the labelled ones, and a title on everything.
 */
export function chartSvg(graph: ChartGraph, view: ChartView, options: ChartSvgOptions = {}): string {
  const size = options.size ?? 1600;
  const shown = [...view.nodes].filter((node) => graph.hasNode(node));
  const xs = shown.map((node) => graph.getNodeAttribute(node, 'x'));
  const ys = shown.map((node) => graph.getNodeAttribute(node, 'y'));
  const [minX, maxX, minY, maxY] = xs.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 0, 0, 0];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = (size - 2 * MARGIN) / Math.max(spanX, spanY);
  const width = Math.round(spanX * scale + 2 * MARGIN);
  const height = Math.round(spanY * scale + 2 * MARGIN);
  // Graph coordinates grow upwards (as the renderer draws them); SVG's grow downwards.
  const place = (node: string) => {
    const { x, y } = graph.getNodeAttributes(node);
    return { x: round(MARGIN + (x - minX) * scale), y: round(MARGIN + (maxY - y) * scale) };
  };
  const faded = (strong: boolean) => (options.highlight && !strong ? ' opacity="0.15"' : '');

  const lines: string[] = [];
  graph.forEachEdge((edge, { label, type, confidence }, source, target) => {
    if (!view.edges.has(edge)) return;
    const a = place(source);
    const b = place(target);
    const style = CONFIDENCE_STYLES[confidence];
    const dash = style.dash ? ` stroke-dasharray="${style.dash} ${style.gap}"` : '';
    const opacity = style.opacity < 1 ? ` stroke-opacity="${style.opacity}"` : '';
    lines.push(
      `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" data-confidence="${confidence}"${dash}${opacity}${faded(options.highlight?.edges.has(edge) ?? true)}>` +
        `<title>${escapeXml(`${label || type} (${confidence})`)}</title></line>`,
    );
  });
  const discs: string[] = [];
  for (const node of shown) {
    const { label, type, typeColour, typeLetter } = graph.getNodeAttributes(node);
    const { x, y } = place(node);
    const name = options.labelled === undefined || options.labelled.has(node)
      ? `<text class="label" x="${round(x + NODE_RADIUS + 3)}" y="${round(y + 4)}">${escapeXml(label)}</text>`
      : '';
    discs.push(
      `<g${faded(options.highlight?.nodes.has(node) ?? true)}><title>${escapeXml(`${label} (${type})`)}</title>` +
        `<circle cx="${x}" cy="${y}" r="${NODE_RADIUS}" fill="${safeColour(typeColour)}"/>` +
        `<text class="letter" x="${x}" y="${round(y + 4)}">${escapeXml(typeLetter)}</text>${name}</g>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(options.title ?? 'Link chart')}</title>`,
    '<style>line{stroke:#5b6470;stroke-width:1.2}text{font-family:system-ui,sans-serif;font-size:11px}' +
      '.letter{fill:#fff;font-weight:600;text-anchor:middle}.label{fill:#1f2328}</style>',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="edges">${lines.join('')}</g>`,
    `<g class="nodes">${discs.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

const round = (value: number) => Math.round(value * 10) / 10;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A colour from the data goes into an attribute: only a hex colour passes, anything else draws grey. */
function safeColour(colour: string): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? colour : '#888888';
}
