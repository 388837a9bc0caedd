import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ChartPosition } from '../../../../shared/domain';
import { operations, queries } from '../../app/casebook';
import { PositionMemory } from '../../chart/arrangement';
import { caseChartData } from '../../chart/caseChart';
import { explainError } from '../../components/useOperation';
import { useRangeFilter } from '../range/useRangeFilter';
import { RangeChip, rangeCount } from '../range/RangeChip';
import { LinkChart } from './LinkChart';

/**
 * The case's link chart, as a page of Entities: its entities and relationships read live from the case, arranged as
 * the researcher left them. `?focus=<entity id>` opens it on that entity's neighbourhood.
 */
export function LinkChartSection({ caseId }: { caseId: string }) {
  const allRecords = useLiveQuery(() => queries.chartRecordsOf(caseId), [caseId]);
  // The case's time range, set on the timeline: the entities in it and the relationships dated in it (inRange.ts).
  const timeRange = useRangeFilter(caseId);
  const inRange = timeRange.inRange;
  const records = useMemo(() => {
    if (!allRecords || !timeRange.range) return allRecords;
    if (!inRange) return undefined;
    return {
      ...allRecords,
      entities: allRecords.entities.filter((entity) => inRange.entities.has(entity.id)),
      relationships: allRecords.relationships.filter((relationship) => inRange.relationships.has(relationship.id)),
    };
  }, [allRecords, timeRange.range, inRange]);
  // The arrangement is read once: it changes with every drop, and the chart has those positions already.
  const [saved, setSaved] = useState<Record<string, ChartPosition> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    queries.chartLayoutOf(caseId).then(
      (layout) => current && setSaved(layout?.positions ?? {}),
      (error: unknown) => current && setFailure(`The chart’s arrangement could not be read: ${explainError(error)}`),
    );
    return () => {
      current = false;
    };
  }, [caseId]);
  // Where each entity is now, so a chart drawn again after a change in the case keeps every entity in its place.
  const [memory] = useState(() => new PositionMemory());
  // Drawn again, the chart starts each entity where it was last seen; what is saved is what the researcher arranged.
  const chart = useMemo(
    () => (records && saved ? { data: caseChartData(records, memory.over(saved)), kept: memory.keptOver(saved) } : null),
    [records, saved, memory],
  );
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const focus = search.get('focus');

  const arrange = async (changed: Record<string, ChartPosition>) => {
    memory.kept(changed);
    try {
      await operations.saveChartLayout(caseId, changed);
      const ids = Object.keys(changed);
      const name = ids.length === 1 ? records?.entities.find((entity) => entity.id === ids[0])?.name : undefined;
      setNotice({
        text: name ? `Arrangement kept: “${name}” stays where you put it.` : `Arrangement kept (${ids.length.toLocaleString('en')} entities placed).`,
        failed: false,
      });
    } catch (error) {
      setNotice({ text: `The arrangement could not be kept: ${explainError(error)}`, failed: true });
    }
  };

  return (
    // Not a region of its own: the chart inside is the "Link chart" region.
    <div className="section">
      <div className="section-header">
        <h1>Link chart</h1>
        <span className="spacer" />
        <Link className="button" to={`/case/${caseId}/entities`}>
          Back to entities
        </Link>
      </div>
      {timeRange.range && (
        <RangeChip
          range={timeRange.range}
          count={records && allRecords ? rangeCount(records.entities.length, allRecords.entities.length, 'entity', 'entities') : undefined}
          onClear={timeRange.clear}
        />
      )}
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : !chart ? (
        <p role="status">Reading the entities and relationships…</p>
      ) : chart.data.nodes.length === 0 && timeRange.range && allRecords?.entities.length ? (
        <p className="muted">No entity takes part in what falls in the time range.</p>
      ) : chart.data.nodes.length === 0 ? (
        <p className="muted">No entities yet. The chart draws the case’s entities and the relationships between them.</p>
      ) : (
        <>
          <LinkChart
            key={focus ?? ''}
            data={chart.data}
            kept={chart.kept}
            initialFocus={focus}
            onOpen={(id) => navigate(`/case/${caseId}/entities/${encodeURIComponent(id)}`)}
            onPositionsChange={(all) => memory.remember(all)}
            onArrange={(changed) => void arrange(changed)}
          />
          {notice && (
            <p className={notice.failed ? 'form-error' : 'muted small'} role={notice.failed ? 'alert' : 'status'}>
              {notice.text}
            </p>
          )}
        </>
      )}
    </div>
  );
}
