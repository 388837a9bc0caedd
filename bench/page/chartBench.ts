/**
 * The link chart's benchmark, in the page: a synthetic case of entities in communities (most relationships inside
 * one, some across) drawn by the real component, its code loaded on demand as the app loads it. Measures the time to
 * the first drawing, the frames while the view pans and zooms, and how long the layout takes to settle.
 */
import { createElement, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { ChartData, ChartEdge, ChartNode, Confidence } from '../../renderer/src/chart/chartData';
import type { LinkChartHandle } from '../../renderer/src/features/chart/LinkChart';
import { seededRandom } from './generate';
import { framesWhile } from './frames';

export interface ChartBenchOptions {
  entities: number;
  relationships: number;
  /** How long to wait for the layout to settle before stopping it, in milliseconds. */
  settleTimeoutMs: number;
}

export interface ChartBenchResult {
  drawing: LinkChartHandle['drawing'];
  webglRenderer: string;
  firstDrawMs: number;
  layoutSettled: boolean;
  layoutMs: number;
  layoutIterations: number;
  frames: number;
  frameMedianMs: number;
  frameP95Ms: number;
}

const TYPES = [
  { type: 'person', typeLetter: 'P', typeColour: '#2f5d8a' },
  { type: 'organisation', typeLetter: 'O', typeColour: '#8a4f2f' },
  { type: 'place', typeLetter: 'L', typeColour: '#3b7d3b' },
  { type: 'vehicle', typeLetter: 'V', typeColour: '#7a3b8a' },
  { type: 'account', typeLetter: 'A', typeColour: '#b5651d' },
  { type: 'phone', typeLetter: 'T', typeColour: '#4a6f7a' },
];
const RELATIONSHIPS = ['knows', 'works for', 'owns', 'calls', 'pays', 'lives at'];
const TAGS = ['suspect', 'witness', 'shell company', 'cash', 'offshore', 'verified', 'priority', 'border', 'night', 'follow up'];
const CONFIDENCE_WEIGHTS: [Confidence, number][] = [['confirmed', 0.4], ['probable', 0.3], ['possible', 0.2], ['unverified', 0.1]];
const COMMUNITY = 100;

export function chartCase(entities: number, relationships: number, seed = 11): ChartData {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const nodes: ChartNode[] = Array.from({ length: entities }, (_, index) => {
    const kind = pick(TYPES);
    const tags = TAGS.filter(() => random() < 0.08);
    return { id: `e${index}`, label: `${kind.type[0]!.toUpperCase()}${kind.type.slice(1)} ${index}`, ...kind, tags };
  });
  const edges: ChartEdge[] = [];
  const communities = Math.max(1, Math.ceil(entities / COMMUNITY));
  for (let index = 0; edges.length < relationships; index++) {
    const source = Math.floor(random() * entities);
    const community = random() < 0.85 ? Math.floor(source / COMMUNITY) : Math.floor(random() * communities);
    const target = Math.min(entities - 1, community * COMMUNITY + Math.floor(random() * COMMUNITY));
    if (target === source) continue;
    let roll = random();
    const confidence = CONFIDENCE_WEIGHTS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'confirmed';
    const dated = random() < 0.7;
    const startYear = 2008 + Math.floor(random() * 16);
    edges.push({
      id: `r${index}`,
      source: `e${source}`,
      target: `e${target}`,
      type: pick(RELATIONSHIPS),
      label: '',
      confidence,
      ...(dated ? { start: `${startYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}` } : {}),
      ...(dated && random() < 0.5 ? { end: String(startYear + 1 + Math.floor(random() * 4)) } : {}),
    });
  }
  return { nodes, edges };
}

/** A pan around the chart and zooms in and out, as sigma's camera takes them (the graph fits 0–1, ratio 1 all of it). */
const MOVES = [
  { x: 0.3, y: 0.3, ratio: 0.5 },
  { x: 0.7, y: 0.35, ratio: 0.5 },
  { x: 0.7, y: 0.7, ratio: 0.25 },
  { x: 0.35, y: 0.65, ratio: 0.25 },
  { x: 0.5, y: 0.5, ratio: 1 },
  { x: 0.45, y: 0.55, ratio: 1.6 },
  { x: 0.5, y: 0.5, ratio: 0.12 },
  { x: 0.5, y: 0.5, ratio: 1 },
];
const MOVE_MS = 500;

export async function runChartBenchmark(options: ChartBenchOptions): Promise<ChartBenchResult> {
  const data = chartCase(options.entities, options.relationships);
  const host = document.createElement('div');
  host.style.width = '1200px';
  document.body.append(host);
  const handle = createRef<LinkChartHandle>();
  let resolveDrawn!: (at: number) => void;
  const drawn = new Promise<number>((resolve) => (resolveDrawn = resolve));
  let resolveSettled!: (progress: { iterations: number; at: number }) => void;
  const settled = new Promise<{ iterations: number; at: number }>((resolve) => (resolveSettled = resolve));

  const asked = performance.now();
  // Loaded on demand, as the app loads it: the time to the first drawing includes fetching and running the code.
  const { LinkChart } = await import('../../renderer/src/features/chart/LinkChart');
  const root = createRoot(host);
  root.render(
    createElement(LinkChart, {
      data,
      ref: handle,
      onOpen: () => undefined,
      onFirstDraw: () => resolveDrawn(performance.now()),
      onLayoutSettled: ({ iterations }) => resolveSettled({ iterations, at: performance.now() }),
    }),
  );
  const firstDrawMs = (await drawn) - asked;

  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), options.settleTimeoutMs));
  const layout = await Promise.race([settled, timeout]);
  // The status line counts the layout's steps while it runs.
  const iterations = Number(/arranging \(([\d,]+) steps\)/.exec(host.textContent ?? '')?.[1]?.replace(/,/g, '') ?? 0);
  if (!layout) [...host.querySelectorAll('button')].find((button) => button.textContent === 'Stop arranging')?.click();

  // Frames while the camera moves: each frame of the animation draws the chart again.
  const frameTimes = await framesWhile(async () => {
    for (const move of MOVES) await handle.current!.moveView(move, MOVE_MS);
  });

  const result: ChartBenchResult = {
    drawing: handle.current!.drawing,
    webglRenderer: webglRendererName(),
    firstDrawMs,
    layoutSettled: layout !== null,
    layoutMs: layout ? layout.at - asked : options.settleTimeoutMs,
    layoutIterations: layout ? layout.iterations : iterations,
    ...frameTimes,
  };
  root.unmount();
  host.remove();
  return result;
}

function webglRendererName(): string {
  const gl = document.createElement('canvas').getContext('webgl');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : gl ? 'WebGL' : 'none';
}

/** Leaves a synthetic case's chart on the page, to look at it (`casebookBench.showChart(300, 600)` in the console). */
export async function showChart(entities: number, relationships: number): Promise<void> {
  const { LinkChart } = await import('../../renderer/src/features/chart/LinkChart');
  const host = document.createElement('div');
  host.style.width = '1200px';
  document.body.append(host);
  createRoot(host).render(
    createElement(LinkChart, {
      data: chartCase(entities, relationships),
      onOpen: (node) => console.log(`open ${node}`),
      onPositionsChange: (positions) => console.log(`positions of ${Object.keys(positions).length} entities`, JSON.stringify(positions.e39)),
    }),
  );
}
