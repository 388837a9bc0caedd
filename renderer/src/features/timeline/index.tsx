/**
 * The timeline view, loaded on first use: vis-timeline stays out of the start-up bundle and out of a case's first
 * screen until the Timeline section shows it.
 */
import { lazyComponent } from '../../components/Deferred';

export const TimelineView = lazyComponent(() => import('./TimelineView'), 'TimelineView');
export const TimelineChart = lazyComponent(() => import('./TimelineChart'), 'TimelineChart');
export type { TimelineChartHandle, TimelineChartProps, TimeRange } from './TimelineChart';
export type { TimelineData, TimelineItem, LaneKind } from '../../timeline/timelineData';
