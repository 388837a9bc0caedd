import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { ChartArrangement } from '../../chart/arrangement';
import { buildChartGraph, chartPositions, type ChartData, type ChartGraph, type ChartPosition } from '../../chart/chartData';
import { chartJson, chartSvg } from '../../chart/exportChart';
import { startLayout, type LayoutProgress, type LayoutRun } from '../../chart/layoutClient';
import {
  filterChart,
  isPartialDate,
  neighbourhood,
  pathInWords,
  pathSentence,
  searchNodes,
  shortestPath,
  type Allowed,
  type ChartFilter,
  type ChartView,
} from '../../chart/view';
import { explainError } from '../../components/useOperation';
import { VirtualList } from '../../components/VirtualList';
import { host } from '../../platform';
import { ChartFilters, type FilterState } from './ChartFilters';
import type * as RendererModule from './chartRenderer';
import type { ChartRenderer } from './chartRenderer';
import { LABEL_DENSITIES, webglSupport, type LabelDensity } from './drawing';
import { EntityChoices, EntityPicker, entityChoices, type Choices } from './EntityPicker';
import './chart.css';

export interface LinkChartProps {
  data: ChartData;
  /** A click on an entity (or its row in the list): open its page. */
  onOpen(nodeId: string): void;
  /**
   * Every entity's position, after the layout settles and after each drag, for the caller to keep and pass back as
   * `data.positions`: those entities then stay where they are.
   */
  onPositionsChange?(positions: Record<string, ChartPosition>): void;
  /**
   * The positions the researcher's arrangement changed, to keep for good: called when an entity is dropped (with it
   * alone while the layout still runs, with every entity moved since the last call otherwise) and, once something
   * was dropped, when the layout settles. Positions given in `data.positions` are never moved by the layout.
   */
  onArrange?(positions: Record<string, ChartPosition>): void;
  /** The positions saved already, of those in `data.positions` (all of them when left out). */
  kept?: Readonly<Record<string, ChartPosition>>;
  /** An entity whose neighbourhood (1 step) the chart opens on. */
  initialFocus?: string | null;
  /** The start of exported files' names ("link-chart" when left out). */
  fileName?: string;
  /** Called once the chart has been drawn for the first time. */
  onFirstDraw?(): void;
  onLayoutSettled?(progress: LayoutProgress): void;
  ref?: Ref<LinkChartHandle>;
}

/** What a caller (the benchmark) can do to the chart from outside. */
export interface LinkChartHandle {
  /** How the chart is drawn: WebGL on a GPU, WebGL in software, or a still picture where there is no WebGL. */
  drawing: 'webgl' | 'webgl-software' | 'picture';
  /** Moves the view (graph-normalised coordinates, as sigma's camera takes them); resolves when it has arrived. */
  moveView(to: { x?: number; y?: number; ratio?: number }, durationMs: number): Promise<void>;
}

type Steps = 1 | 2 | 3;

let rendererCode: Promise<typeof RendererModule> | null = null;
/** sigma.js, asked for as soon as the chart knows WebGL works, so it loads while the chart's first render runs. */
const loadRenderer = () => (rendererCode ??= import('./chartRenderer'));

function detectWebGL() {
  const support = webglSupport();
  if (support !== 'none') void loadRenderer().catch(() => undefined);
  return support;
}

const NO_FILTER: FilterState = { hiddenNodeTypes: new Set(), hiddenEdgeTypes: new Set(), tags: new Set(), hiddenConfidences: new Set(), from: '', to: '' };

/**
 * The link chart: a case's entities and relationships drawn with sigma.js, with filters, an entity's neighbourhood,
 * the shortest path between two entities, search highlighting, dragging, and exports. Fed with plain data; it
 * neither reads nor writes the database.
 */
export function LinkChart({ data, kept, onOpen, onPositionsChange, onArrange, initialFocus = null, fileName = 'link-chart', onFirstDraw, onLayoutSettled, ref }: LinkChartProps) {
  const built = useMemo(() => buildChartGraph(data), [data]);
  const graph = built.graph;
  const [support] = useState(detectWebGL);
  const [drawn, setDrawn] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [filters, setFilters] = useState<FilterState>(NO_FILTER);
  const [focus, setFocus] = useState<{ node: string; steps: Steps } | null>(initialFocus ? { node: initialFocus, steps: 1 } : null);
  const [path, setPath] = useState<{ from: string; to: string } | null>(null);
  const [query, setQuery] = useState('');
  const [labelDensity, setLabelDensity] = useState<LabelDensity>('some');
  const [layout, setLayout] = useState<LayoutProgress | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<ChartRenderer | null>(null);
  const layoutRef = useRef<LayoutRun | null>(null);
  const placesRef = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onOpen, onPositionsChange, onArrange, onFirstDraw, onLayoutSettled });
  useEffect(() => {
    callbacks.current = { onOpen, onPositionsChange, onArrange, onFirstDraw, onLayoutSettled };
  });

  // The arrangement as last kept, to hand on only what the researcher changed since; one per graph.
  const arrangement = useMemo(() => new ChartArrangement(kept ?? data.positions), [data, kept]);

  const view = useMemo(() => filterChart(graph, toChartFilter(filters)), [graph, filters]);
  // An entity no longer in the case (deleted since the chart was opened on it) is no focus at all.
  const focusHidden = focus !== null && graph.hasNode(focus.node) && !view.nodes.has(focus.node);
  const focused = focus && view.nodes.has(focus.node) ? focus : null;
  const shown = useMemo(
    () => (focused ? neighbourhood(graph, view, focused.node, focused.steps) : view),
    [graph, view, focused],
  );
  const pathFound = useMemo(() => (path ? shortestPath(graph, shown, path.from, path.to) : null), [graph, shown, path]);
  const pathWords = useMemo(() => (pathFound ? pathInWords(graph, pathFound) : null), [graph, pathFound]);
  const matches = useMemo(() => searchNodes(graph, shown, query), [graph, shown, query]);
  const highlight = useMemo<ChartView | null>(() => {
    if (pathFound) return { nodes: new Set(pathFound.nodes), edges: new Set(pathFound.edges) };
    if (matches.size) return { nodes: matches, edges: new Set() };
    return null;
  }, [pathFound, matches]);
  const choices = useMemo(() => entityChoices(graph, view), [graph, view]);
  const listId = useId();
  const drawing: LinkChartHandle['drawing'] = support === 'none' || failed ? 'picture' : support === 'software' ? 'webgl-software' : 'webgl';

  const appearance = useRef({ shown, highlight, labelDensity });
  useEffect(() => {
    appearance.current = { shown, highlight, labelDensity };
  });

  // The layout of the entities without a place: one run per graph, whether the chart is drawn live or as a picture,
  // started once the chart is first drawn so that it does not compete with that drawing for the processor.
  const layoutMayStart = drawn || drawing === 'picture';
  // Busy until first drawn and while entities without a place are being arranged: they are still moving.
  const unplaced = useMemo(() => graph.someNode((_node, { fixed }) => !fixed), [graph]);
  const busy = !layoutMayStart || (unplaced && !layout?.settled);
  useEffect(() => {
    if (!layoutMayStart) return;
    const run = startLayout(
      graph,
      (progress) => {
        setLayout(progress);
        if (!progress.settled) return;
        layoutRef.current = null;
        callbacks.current.onPositionsChange?.(chartPositions(graph));
        // Entities laid out around those the researcher dropped belong to the arrangement too.
        const changed = arrangement.dropped ? arrangement.take(graph) : null;
        if (changed) callbacks.current.onArrange?.(changed);
        callbacks.current.onLayoutSettled?.(progress);
      },
      () => rendererRef.current?.held() ?? null,
    );
    layoutRef.current = run;
    queueMicrotask(() => setLayout(run ? { iterations: 0, settled: false, elapsedMs: 0 } : null));
    return () => {
      run?.stop();
      layoutRef.current = null;
    };
  }, [graph, arrangement, layoutMayStart]);

  // One renderer per graph, its code (sigma.js) loaded with the first: it cannot load at all without WebGL.
  useEffect(() => {
    const container = containerRef.current;
    if (!container || support === 'none') return;
    let renderer: ChartRenderer | null = null;
    let cancelled = false;
    loadRenderer()
      .then(({ createChartRenderer }) => {
        if (cancelled) return;
        renderer = createChartRenderer(
          container,
          graph,
          {
            open: (node) => callbacks.current.onOpen(node),
            dragging: (node, { x, y }) => layoutRef.current?.pin(node, x, y),
            dropped: (node, { x, y }) => {
              layoutRef.current?.pin(node, x, y);
              callbacks.current.onPositionsChange?.(chartPositions(graph));
              // While the layout runs, the others are still on their way: only the entity dropped is kept now.
              const changed = arrangement.drop(graph, node, layoutRef.current !== null);
              if (changed) callbacks.current.onArrange?.(changed);
            },
          },
          { software: support === 'software', labelDensity: appearance.current.labelDensity, places: placesRef.current },
        );
        rendererRef.current = renderer;
        renderer.sigma.once('afterRender', () => {
          setDrawn(true);
          callbacks.current.onFirstDraw?.();
        });
        renderer.setAppearance(appearance.current);
      })
      .catch((error: unknown) => {
        // The code could not load, or the browser refused a WebGL context: the still picture takes its place.
        if (!cancelled) setFailed(explainError(error));
      });
    return () => {
      cancelled = true;
      rendererRef.current = null;
      renderer?.kill();
    };
  }, [graph, arrangement, support]);

  useEffect(() => rendererRef.current?.setAppearance({ shown, highlight }), [graph, shown, highlight]);
  // A new focus or path brings its entities into view; leaving it shows the whole chart again.
  const framed = pathFound ? pathFound.nodes : focused ? shown.nodes : null;
  const framedKey = pathFound ? `path ${pathFound.nodes.join(' ')}` : focused ? `focus ${focused.node} ${focused.steps}` : 'all';
  const framedNodes = useRef(framed);
  useEffect(() => {
    framedNodes.current = framed;
  });
  const firstFrame = useRef(true);
  useEffect(() => {
    if (firstFrame.current) {
      firstFrame.current = false;
      return;
    }
    rendererRef.current?.fit(framedNodes.current);
  }, [framedKey]);
  // A chart opened on an entity's neighbourhood starts framed on it.
  useEffect(() => {
    if (drawn && framedNodes.current) rendererRef.current?.fit(framedNodes.current);
  }, [drawn]);
  useEffect(() => rendererRef.current?.setLabelDensity(labelDensity), [graph, labelDensity]);

  useImperativeHandle(
    ref,
    () => ({
      drawing,
      moveView: async (to, durationMs) => {
        const camera = rendererRef.current?.sigma.getCamera();
        if (camera) await camera.animate(to, { duration: durationMs });
      },
    }),
    [drawing],
  );

  const stopLayout = () => {
    layoutRef.current?.stop();
    layoutRef.current = null;
    setLayout((progress) => progress && { ...progress, settled: true });
    onPositionsChange?.(chartPositions(graph));
  };

  const save = async (kind: 'png' | 'svg' | 'json') => {
    setMessage(null);
    try {
      const bytes = await exportBytes(kind, graph, shown, highlight, rendererRef.current);
      const names = { png: 'PNG picture', svg: 'SVG picture', json: 'JSON graph' } as const;
      const result = await host.saveFile({ suggestedName: `${fileName}.${kind}`, filters: [{ name: names[kind], extensions: [kind] }], bytes });
      if (result.saved) setMessage({ text: `Exported the chart as ${names[kind]} (${shown.nodes.size.toLocaleString('en')} entities).`, failed: false });
    } catch (error) {
      setMessage({ text: `The chart could not be exported: ${explainError(error)}`, failed: true });
    }
  };

  const label = (node: string) => (graph.hasNode(node) ? graph.getNodeAttribute(node, 'label') : node);

  return (
    <section className="link-chart" aria-label="Link chart" aria-busy={busy}>
      <div className="link-chart-toolbar" role="group" aria-label="Link chart tools">
        <ChartFilters graph={graph} filters={filters} onChange={setFilters} />
        <label className="link-chart-field">
          <span>Highlight</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Find entities by name" />
        </label>
        <label className="link-chart-field">
          <span>Names</span>
          <select value={labelDensity} onChange={(event) => setLabelDensity(event.target.value as LabelDensity)}>
            {Object.entries(LABEL_DENSITIES).map(([value, density]) => (
              <option key={value} value={value}>
                {density.label}
              </option>
            ))}
          </select>
        </label>
        <span className="link-chart-group" role="group" aria-label="View">
          <button type="button" onClick={() => void rendererRef.current?.sigma.getCamera().animatedZoom({ duration: 200 })} disabled={drawing === 'picture'}>
            Zoom in
          </button>
          <button type="button" onClick={() => void rendererRef.current?.sigma.getCamera().animatedUnzoom({ duration: 200 })} disabled={drawing === 'picture'}>
            Zoom out
          </button>
          <button type="button" onClick={() => rendererRef.current?.fit(framed)} disabled={drawing === 'picture'}>
            Fit
          </button>
        </span>
        <span className="link-chart-group" role="group" aria-label="Export">
          <button type="button" onClick={() => void save('png')} disabled={drawing === 'picture'} title="Save the chart as drawn on screen">
            PNG
          </button>
          <button type="button" onClick={() => void save('svg')} title="Save the entities and relationships shown as an SVG picture">
            SVG
          </button>
          <button type="button" onClick={() => void save('json')} title="Save the entities and relationships shown, with their attributes, as JSON">
            JSON
          </button>
        </span>
      </div>
      <div className="link-chart-toolbar" role="group" aria-label="Neighbourhood and path">
        <EntityChoices id={listId} choices={choices} />
        <FocusForm listId={listId} choices={choices} focus={focus} initialNode={initialFocus} onFocus={setFocus} />
        <PathForm listId={listId} choices={choices} active={path !== null} onFind={setPath} />
      </div>

      <p className="link-chart-status muted small" role="status">
        {shown.nodes.size.toLocaleString('en')} of {graph.order.toLocaleString('en')} entities, {shown.edges.size.toLocaleString('en')} of{' '}
        {graph.size.toLocaleString('en')} relationships shown
        {focused && ` · within ${focused.steps} ${focused.steps === 1 ? 'step' : 'steps'} of ${label(focused.node)}`}
        {focusHidden && ` · ${label(focus.node)} is hidden by the filters, so the whole chart is shown`}
        {query.trim() && ` · ${matches.size.toLocaleString('en')} ${matches.size === 1 ? 'entity matches' : 'entities match'} “${query.trim()}”`}
        {pathFound && pathWords && ` · path of ${pathFound.edges.length} ${pathFound.edges.length === 1 ? 'step' : 'steps'}: ${pathSentence(pathWords)}`}
        {path && !pathFound && ` · no path between ${label(path.from)} and ${label(path.to)} among the relationships shown`}
        {layout && !layout.settled && ` · arranging (${layout.iterations.toLocaleString('en')} steps)`}
        {built.skippedEdges.length > 0 && ` · ${built.skippedEdges.length.toLocaleString('en')} relationships left out: an end is missing`}
        {drawing === 'picture' && ' · a still picture: this computer cannot draw the interactive chart (no WebGL)'}
      </p>
      {layout && !layout.settled && (
        <button type="button" className="link-chart-stop" onClick={stopLayout}>
          Stop arranging
        </button>
      )}
      {pathWords && (
        <ol className="link-chart-path" aria-label="Shortest path, step by step">
          <li>
            <button type="button" className="link-button" onClick={() => onOpen(pathFound!.nodes[0]!)}>
              {pathWords.start}
            </button>
          </li>
          {pathWords.steps.map((step, index) => (
            <li key={index}>
              <span className="muted">→ {step.words} →</span>{' '}
              <button type="button" className="link-button" onClick={() => onOpen(step.node)}>
                {step.label}
              </button>
            </li>
          ))}
        </ol>
      )}
      {message && (
        <p className={message.failed ? 'field-error' : 'muted small'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}

      {drawing === 'picture' ? (
        <StillChart graph={graph} shown={shown} highlight={highlight} arranged={!layout || layout.settled} onLoad={() => callbacks.current.onFirstDraw?.()} />
      ) : (
        <div className="link-chart-stage" aria-hidden="true">
          <div ref={containerRef} className="link-chart-canvas" data-drawing={drawing} />
          <div ref={placesRef} className="link-chart-places" />
        </div>
      )}

      <details className="link-chart-list">
        <summary>The entities shown, as a list ({shown.nodes.size.toLocaleString('en')})</summary>
        <ShownList graph={graph} shown={shown} onOpen={onOpen} onFocus={(node) => setFocus({ node, steps: focus?.steps ?? 1 })} />
      </details>
    </section>
  );
}

function toChartFilter(filters: FilterState): ChartFilter {
  return {
    ...(filters.hiddenNodeTypes.size ? { nodeTypes: except(filters.hiddenNodeTypes) } : {}),
    ...(filters.hiddenEdgeTypes.size ? { edgeTypes: except(filters.hiddenEdgeTypes) } : {}),
    ...(filters.hiddenConfidences.size ? { confidences: except(filters.hiddenConfidences) } : {}),
    ...(filters.tags.size ? { tags: filters.tags } : {}),
    ...(isPartialDate(filters.from) ? { from: filters.from.trim() } : {}),
    ...(isPartialDate(filters.to) ? { to: filters.to.trim() } : {}),
  };
}

/** Everything but the hidden ones, so a type that appears later is shown. */
function except<T>(hidden: ReadonlySet<T>): Allowed<T> {
  return { has: (value: T) => !hidden.has(value) };
}

async function exportBytes(kind: 'png' | 'svg' | 'json', graph: ChartGraph, shown: ChartView, highlight: ChartView | null, renderer: ChartRenderer | null) {
  if (kind === 'json') return new TextEncoder().encode(JSON.stringify(chartJson(graph, shown), null, 2));
  if (kind === 'svg') return new TextEncoder().encode(chartSvg(graph, shown, { labelled: renderer?.labelled() ?? busiest(graph, shown), ...(highlight ? { highlight } : {}) }));
  if (!renderer) throw new Error('the chart is not drawn.');
  const { chartPng } = await loadRenderer();
  return new Uint8Array(await (await chartPng(renderer.sigma)).arrayBuffer());
}

/** Without a renderer to say which names fit, the picture names the most connected entities. */
function busiest(graph: ChartGraph, shown: ChartView, count = 50): Set<string> {
  return new Set([...shown.nodes].sort((a, b) => graph.degree(b) - graph.degree(a)).slice(0, count));
}

interface FocusFormProps {
  listId: string;
  choices: Choices;
  focus: { node: string; steps: Steps } | null;
  /** The entity the chart was opened on, named in the picker to begin with. */
  initialNode: string | null;
  onFocus(focus: { node: string; steps: Steps } | null): void;
}

function FocusForm({ listId, choices, focus, initialNode, onFocus }: FocusFormProps) {
  const [initialText] = useState(() => choices.texts.find((text) => choices.byText.get(text) === initialNode) ?? '');
  const [node, setNode] = useState<string | null>(initialText ? initialNode : null);
  const [steps, setSteps] = useState<Steps>(1);
  return (
    <form
      className="link-chart-group"
      aria-label="Neighbourhood"
      onSubmit={(event) => {
        event.preventDefault();
        if (node) onFocus({ node, steps });
      }}
    >
      <EntityPicker label="Neighbourhood of" listId={listId} choices={choices} initialText={initialText} onChange={setNode} />
      <label className="link-chart-field">
        <span>within</span>
        <select value={steps} onChange={(event) => setSteps(Number(event.target.value) as Steps)}>
          <option value={1}>1 step</option>
          <option value={2}>2 steps</option>
          <option value={3}>3 steps</option>
        </select>
      </label>
      <button type="submit" disabled={!node}>
        Focus
      </button>
      <button type="button" onClick={() => onFocus(null)} disabled={!focus}>
        Show all
      </button>
    </form>
  );
}

function PathForm({ listId, choices, active, onFind }: { listId: string; choices: Choices; active: boolean; onFind(path: { from: string; to: string } | null): void }) {
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  return (
    <form
      className="link-chart-group"
      aria-label="Shortest path"
      onSubmit={(event) => {
        event.preventDefault();
        if (from && to) onFind({ from, to });
      }}
    >
      <EntityPicker label="Path from" listId={listId} choices={choices} onChange={setFrom} />
      <EntityPicker label="Path to" listId={listId} choices={choices} onChange={setTo} />
      <button type="submit" disabled={!from || !to}>
        Find path
      </button>
      <button type="button" onClick={() => onFind(null)} disabled={!active}>
        Clear path
      </button>
    </form>
  );
}

interface StillChartProps {
  graph: ChartGraph;
  shown: ChartView;
  highlight: ChartView | null;
  /** False while the layout runs: the picture is drawn again once it has settled. */
  arranged: boolean;
  onLoad(): void;
}

/** Where there is no WebGL: the SVG export of what is shown, as a still picture (the list below stands in for clicks). */
function StillChart({ graph, shown, highlight, arranged, onLoad }: StillChartProps) {
  const url = useMemo(() => {
    const svg = chartSvg(graph, shown, { labelled: busiest(graph, shown), ...(highlight ? { highlight } : {}) });
    return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    // `arranged` stands for the positions the layout wrote into the graph.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, shown, highlight, arranged]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img className="link-chart-still" src={url} alt="" onLoad={onLoad} />;
}

function ShownList({ graph, shown, onOpen, onFocus }: { graph: ChartGraph; shown: ChartView; onOpen(node: string): void; onFocus(node: string): void }) {
  const rows = useMemo(
    () =>
      [...shown.nodes]
        .map((id) => ({ id, label: graph.getNodeAttribute(id, 'label'), type: graph.getNodeAttribute(id, 'type'), links: graph.degree(id) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'en')),
    [graph, shown],
  );
  return (
    <VirtualList
      items={rows}
      label="Entities shown in the chart"
      getKey={(row) => row.id}
      renderRow={(row) => (
        <span className="link-chart-row">
          <button type="button" className="link-button" onClick={() => onOpen(row.id)}>
            {row.label}
          </button>
          <span className="muted small">
            {row.type}, {row.links} {row.links === 1 ? 'relationship' : 'relationships'}
          </span>
          <button type="button" className="small" onClick={() => onFocus(row.id)} aria-label={`Focus on ${row.label}`}>
            Focus
          </button>
        </span>
      )}
    />
  );
}
