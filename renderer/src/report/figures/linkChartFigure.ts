/**
 * The entity index's figure: the case's link chart as arranged by the researcher (the rest laid out), as a vector SVG.
 * Entities are discs in their type's colour with its letter, relationships lines styled by confidence. Names are placed
 * most connected first wherever they meet nothing already drawn; those that cannot be placed legibly are left to the
 * index, and the figure's description says how many.
 */
import type { CaseChartRecords } from '../../chart/caseChart';
import { caseChartData } from '../../chart/caseChart';
import { buildChartGraph, CONFIDENCES, CONFIDENCE_STYLES, type ChartGraph } from '../../chart/chartData';
import { createLayout, layoutPositions, stepLayout } from '../../chart/layout';
import type { ChartPosition } from '../../../../shared/domain';
import { layOutLegend, legendSvg, type LegendItem, type LegendStyle } from './legend';
import { escapeXml, FIGURE_FONT, fitText, linked, MIN_TEXT, px, textWidth } from './svgText';

export interface LinkChartFigureOptions {
  width: number;
  /** Tallest it may be, in CSS pixels (a page's text block). */
  maxHeight: number;
  /** The element id each entity's entry in the index has, so its disc links to it; none when left out. */
  anchorOf?: (entityId: string) => string | null;
}

const MARGIN = 14;
const INK = '#1f2328';
const LINE = '#5b6470';
/** The legend's swatches, a 12 px disc or a 16 px line, with room after them. */
const LEGEND: LegendStyle = { side: MARGIN, lineHeight: 15, swatchWidth: 22 };

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function linkChartFigureSvg(
  records: CaseChartRecords,
  positions: Readonly<Record<string, ChartPosition>>,
  options: LinkChartFigureOptions,
): string {
  // One `<svg>`, or '' when the records hold no entity.
  if (records.entities.length === 0) return '';
  const { graph } = buildChartGraph(caseChartData(records, positions));
  layOutUnplaced(graph);
  const count = graph.order;
  const radius = count > 150 ? 6.5 : count > 50 ? 8 : 10;
  const nameSize = count > 100 ? MIN_TEXT : 10.5;
  const { width } = options;

  const legend = layOutLegend(legendItems(graph), width, LEGEND);
  const legendHeight = legend.height + 8;
  const plotHeight = Math.max(80, options.maxHeight - legendHeight);

  // Fit the arrangement in the plot, keeping its proportions (graph y grows upwards, SVG's downwards).
  const nodes = graph.nodes();
  const xs = nodes.map((node) => graph.getNodeAttribute(node, 'x'));
  const ys = nodes.map((node) => graph.getNodeAttribute(node, 'y'));
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const inset = MARGIN + radius;
  const scale = Math.min((width - 2 * inset) / (maxX - minX || 1), (plotHeight - 2 * inset) / (maxY - minY || 1));
  const drawnWidth = (maxX - minX) * scale;
  const offsetX = inset + (width - 2 * inset - drawnWidth) / 2;
  const height = Math.ceil(Math.min(options.maxHeight, (maxY - minY) * scale + 2 * inset + legendHeight));
  const at = new Map(
    nodes.map((node) => {
      const { x, y } = graph.getNodeAttributes(node);
      return [node, { x: offsetX + (x - minX) * scale, y: inset + (maxY - y) * scale }];
    }),
  );

  separate(graph, at, radius, width, height - legendHeight);

  // What is drawn takes room: discs first, then names by how connected the entity is, then relationship labels.
  const taken: Box[] = [...at.values()].map(({ x, y }) => ({ x0: x - radius - 1, y0: y - radius - 1, x1: x + radius + 1, y1: y + radius + 1 }));
  const free = (box: Box) =>
    box.x0 >= 2 && box.x1 <= width - 2 && box.y0 >= 2 && box.y1 <= height - legendHeight && !taken.some((other) => box.x0 < other.x1 && box.x1 > other.x0 && box.y0 < other.y1 && box.y1 > other.y0);
  const names = new Map<string, string>();
  const byDegree = [...nodes].sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));
  for (const node of byDegree) {
    const { x, y } = at.get(node)!;
    const name = fitText(graph.getNodeAttribute(node, 'label') || 'Unnamed', nameSize, 150);
    const w = textWidth(name, nameSize);
    const h = nameSize + 1;
    const candidates: [Box, number, number, string][] = [
      [{ x0: x + radius + 2, y0: y - h / 2, x1: x + radius + 2 + w, y1: y + h / 2 }, x + radius + 2, y + nameSize * 0.35, 'start'],
      [{ x0: x - radius - 2 - w, y0: y - h / 2, x1: x - radius - 2, y1: y + h / 2 }, x - radius - 2, y + nameSize * 0.35, 'end'],
      [{ x0: x - w / 2, y0: y + radius + 1, x1: x + w / 2, y1: y + radius + 1 + h }, x, y + radius + nameSize, 'middle'],
      [{ x0: x - w / 2, y0: y - radius - 1 - h, x1: x + w / 2, y1: y - radius - 1 }, x, y - radius - 3, 'middle'],
    ];
    const fit = candidates.find(([box]) => free(box));
    if (!fit) continue;
    taken.push(fit[0]);
    names.set(
      node,
      `<text x="${px(fit[1])}" y="${px(fit[2])}" text-anchor="${fit[3]}" font-size="${nameSize}" fill="${INK}" stroke="#ffffff" stroke-width="2.2" stroke-linejoin="round" paint-order="stroke">${escapeXml(name)}</text>`,
    );
  }

  const lines: string[] = [];
  const edgeLabels: string[] = [];
  const pairs = new Map<string, number>();
  graph.forEachEdge((edge, { label, type, confidence }, source, target) => {
    const a = at.get(source)!;
    const b = at.get(target)!;
    const style = CONFIDENCE_STYLES[confidence];
    const dash = style.dash ? ` stroke-dasharray="${px(style.dash * 0.6)} ${px(style.gap * 0.6)}"` : '';
    const opacity = style.opacity < 1 ? ` stroke-opacity="${Math.max(style.opacity, 0.4)}"` : '';
    const words = `${graph.getNodeAttribute(source, 'label')} ${label || type} ${graph.getNodeAttribute(target, 'label')} (${confidence})`;
    if (source === target) {
      lines.push(
        `<path d="M${px(a.x)} ${px(a.y - radius)}c${-radius * 2} ${-radius * 2.4} ${radius * 2} ${-radius * 2.4} 0 0" fill="none" stroke="${LINE}" stroke-width="0.9"${dash}${opacity}><title>${escapeXml(words)}</title></path>`,
      );
      return;
    }
    // Relationships between the same two entities bow apart, so each is seen.
    const pair = source < target ? `${source} ${target}` : `${target} ${source}`;
    const nth = pairs.get(pair) ?? 0;
    pairs.set(pair, nth + 1);
    const bow = nth === 0 ? 0 : Math.ceil(nth / 2) * (nth % 2 ? 1 : -1) * 10;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const cx = (a.x + b.x) / 2 + (-(b.y - a.y) / length) * bow;
    const cy = (a.y + b.y) / 2 + ((b.x - a.x) / length) * bow;
    lines.push(
      `<path d="M${px(a.x)} ${px(a.y)}Q${px(cx)} ${px(cy)} ${px(b.x)} ${px(b.y)}" fill="none" stroke="${LINE}" stroke-width="0.9"${dash}${opacity}><title>${escapeXml(words)}</title></path>`,
    );
    // Its label along the middle, where it fits between the discs and meets nothing.
    const text = label || type;
    const w = textWidth(text, MIN_TEXT);
    if (!text || w > length - 2 * radius - 6) return;
    // The curve's middle: a quadratic Bézier's point at one half.
    const mx = (a.x + 2 * cx + b.x) / 4;
    const my = (a.y + 2 * cy + b.y) / 4;
    const box = { x0: mx - w / 2, y0: my - MIN_TEXT / 2 - 1, x1: mx + w / 2, y1: my + MIN_TEXT / 2 + 1 };
    if (!free(box)) return;
    taken.push(box);
    edgeLabels.push(
      `<text x="${px(mx)}" y="${px(my + MIN_TEXT * 0.35)}" text-anchor="middle" fill="#4a5059" font-style="italic" stroke="#ffffff" stroke-width="2.2" stroke-linejoin="round" paint-order="stroke">${escapeXml(text)}</text>`,
    );
  });

  const discs = nodes.map((node) => {
    const { label, type, typeColour, typeLetter } = graph.getNodeAttributes(node);
    const { x, y } = at.get(node)!;
    const letterSize = Math.max(MIN_TEXT, radius * 1.15);
    return linked(
      `<g><title>${escapeXml(`${label} (${type})`)}</title>` +
        `<circle cx="${px(x)}" cy="${px(y)}" r="${radius}" fill="${safeColour(typeColour)}" stroke="#ffffff" stroke-width="0.8"/>` +
        `<text x="${px(x)}" y="${px(y + letterSize * 0.36)}" text-anchor="middle" font-size="${px(letterSize)}" font-weight="700" fill="#ffffff">${escapeXml(typeLetter)}</text></g>`,
      options.anchorOf?.(node),
    );
  });

  const relationships = graph.size;
  const unnamed = count - names.size;
  const description =
    `${count} entit${count === 1 ? 'y' : 'ies'} and ${relationships} relationship${relationships === 1 ? '' : 's'}, as arranged on the case's link chart. ` +
    (unnamed === 0
      ? 'Every entity is named.'
      : `The ${names.size} most connected entities are named; the other ${unnamed} are too close to others to name legibly at this size and are listed in the entity index.`);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="${FIGURE_FONT}" font-size="${MIN_TEXT}">`,
    `<title>Link chart</title><desc>${escapeXml(description)}</desc>`,
    `<g>${lines.join('')}</g>`,
    `<g>${discs.join('')}</g>`,
    `<g>${[...names.values()].join('')}${edgeLabels.join('')}</g>`,
    legendSvg(legend, height - legendHeight + 4),
    '</svg>',
  ].join('');
}

/**
 * Discs the layout left on top of one another are pushed apart on the page (those the researcher placed stay), so
 * each is seen: a few rounds of moving each pair that overlaps half the overlap each way.
 */
function separate(graph: ChartGraph, at: Map<string, { x: number; y: number }>, radius: number, width: number, height: number): void {
  const nodes = [...at.keys()];
  const movable = nodes.map((node) => !graph.getNodeAttribute(node, 'fixed'));
  const least = 2 * radius + 3;
  for (let round = 0; round < 40; round++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      const a = at.get(nodes[i]!)!;
      for (let j = i + 1; j < nodes.length; j++) {
        if (!movable[i] && !movable[j]) continue;
        const b = at.get(nodes[j]!)!;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const distance = Math.hypot(dx, dy);
        if (distance >= least) continue;
        moved = true;
        // Two discs at one point part along a direction of their own, the same each time.
        const [ux, uy] = distance > 0.01 ? [dx / distance, dy / distance] : [Math.cos(i + j), Math.sin(i + j)];
        const push = (least - distance) / (movable[i] && movable[j] ? 2 : 1);
        if (movable[i]) Object.assign(a, clampTo({ x: a.x - ux * push, y: a.y - uy * push }, radius, width, height));
        if (movable[j]) Object.assign(b, clampTo({ x: b.x + ux * push, y: b.y + uy * push }, radius, width, height));
      }
    }
    if (!moved) return;
  }
}

const clampTo = (point: { x: number; y: number }, radius: number, width: number, height: number) => ({
  x: Math.min(Math.max(point.x, MARGIN + radius), width - MARGIN - radius),
  y: Math.min(Math.max(point.y, MARGIN + radius), height - MARGIN - radius),
});

/** Entities the researcher never placed are laid out around those placed, which stay where they are. */
function layOutUnplaced(graph: ChartGraph): void {
  const nodes = graph.nodes();
  if (nodes.every((node) => graph.getNodeAttribute(node, 'fixed'))) return;
  const index = new Map(nodes.map((node, at) => [node, at]));
  const positions = new Float32Array(nodes.length * 2);
  const fixed = new Uint8Array(nodes.length);
  nodes.forEach((node, at) => {
    const { x, y, fixed: placed } = graph.getNodeAttributes(node);
    positions[at * 2] = x;
    positions[at * 2 + 1] = y;
    fixed[at] = placed ? 1 : 0;
  });
  const edges: number[] = [];
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source !== target) edges.push(index.get(source)!, index.get(target)!);
  });
  const state = createLayout({ positions, fixed, edges: new Uint32Array(edges) });
  // Settled when the movable ones go less than a thousandth of the layout's extent a step; a bound either way.
  for (let round = 0; round < 30 && stepLayout(state, 20) > 0.001; round++);
  const laid = layoutPositions(state);
  nodes.forEach((node, at) => {
    if (!fixed[at]) graph.mergeNodeAttributes(node, { x: laid[at * 2]!, y: laid[at * 2 + 1]! });
  });
}

function legendItems(graph: ChartGraph): LegendItem[] {
  const types = new Map<string, { colour: string; letter: string }>();
  graph.forEachNode((_node, { type, typeColour, typeLetter }) => {
    if (!types.has(type)) types.set(type, { colour: typeColour, letter: typeLetter });
  });
  const items: LegendItem[] = [...types].map(([type, { colour, letter }]) => ({
    swatch: `<circle cx="6" cy="-0.5" r="6" fill="${safeColour(colour)}"/><text x="6" y="3" text-anchor="middle" font-size="${MIN_TEXT}" font-weight="700" fill="#ffffff">${escapeXml(letter)}</text>`,
    text: type,
  }));
  const confidences = new Set<string>();
  graph.forEachEdge((_edge, { confidence }) => confidences.add(confidence));
  for (const confidence of CONFIDENCES) {
    if (!confidences.has(confidence)) continue;
    const style = CONFIDENCE_STYLES[confidence];
    const dash = style.dash ? ` stroke-dasharray="${px(style.dash * 0.6)} ${px(style.gap * 0.6)}"` : '';
    const opacity = style.opacity < 1 ? ` stroke-opacity="${Math.max(style.opacity, 0.4)}"` : '';
    items.push({ swatch: `<line x1="0" y1="-0.5" x2="16" y2="-0.5" stroke="${LINE}" stroke-width="1.2"${dash}${opacity}/>`, text: style.label });
  }
  return items;
}

/** A colour from the data goes into an attribute: only a hex colour passes, anything else draws grey. */
function safeColour(colour: string): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? colour : '#888888';
}
