/**
 * The link chart, loaded on first use: sigma.js, graphology and the layout stay out of the start-up bundle.
 */
import { Deferred, lazyComponent } from '../../components/Deferred';

export const LinkChart = lazyComponent(() => import('./LinkChart'), 'LinkChart');
export type { LinkChartProps, LinkChartHandle } from './LinkChart';
export type { ChartData, ChartEdge, ChartNode, ChartPosition, Confidence } from '../../chart/chartData';

const LinkChartSection = lazyComponent(() => import('./LinkChartSection'), 'LinkChartSection');

/** The case's link chart page (Entities › Link chart), its code loaded when first opened. */
export function LinkChartPage({ caseId }: { caseId: string }) {
  return (
    <Deferred what="the link chart">
      <LinkChartSection caseId={caseId} />
    </Deferred>
  );
}
