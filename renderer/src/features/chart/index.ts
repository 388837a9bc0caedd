/**
 * The link chart, loaded on first use: sigma.js, graphology and the layout stay out of the start-up bundle.
 * Render it inside `<Deferred what="the link chart">`.
 */
import { lazyComponent } from '../../components/Deferred';

export const LinkChart = lazyComponent(() => import('./LinkChart'), 'LinkChart');
export type { LinkChartProps, LinkChartHandle } from './LinkChart';
export type { ChartData, ChartEdge, ChartNode, ChartPosition, Confidence } from '../../chart/chartData';
