import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { CaseFile } from '../../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { isJustCreated } from '../../components/focusNewRecord';
import { queries } from '../../app/casebook';
import { useRunCommand } from '../../commands';
import { RichTextView } from '../../editor/RichTextView';
import { formatDateTime } from '../../format';
import { ArchiveExportStatus } from '../archive/ArchiveExportStatus';
import { CaseForm } from '../library/CaseForm';
import { CaseSummary } from '../notes/CaseSummary';
import { recordPath } from '../../../../shared/vocabulary';
import { SECTIONS } from './sections';

const RECENT_ACTIVITY = 15;

/** The case at a glance: what it is about, how much it holds, and what changed lately. */
export function Overview({ caseFile }: { caseFile: CaseFile }) {
  const counts = useLiveQuery(() => queries.countCaseRecords(caseFile.id), [caseFile.id]);
  const activity = useLiveQuery(() => queries.recentActivity(caseFile.id, RECENT_ACTIVITY), [caseFile.id]);
  const [editing, setEditing] = useState(false);
  const runCommand = useRunCommand();
  const isEmpty = counts && Object.values(counts).every((n) => n === 0);
  // A case just created opens with the focus on its name, where the keyboard continues.
  const heading = useRef<HTMLHeadingElement>(null);
  const justCreated = isJustCreated(useLocation().state);
  useEffect(() => {
    if (justCreated) heading.current?.focus();
  }, [justCreated]);

  return (
    <section className="section" aria-labelledby="overview-title">
      <div className="section-header">
        <h1 id="overview-title" ref={heading} tabIndex={-1}>{caseFile.name}</h1>
        <span className="spacer" />
        <button type="button" onClick={() => setEditing(true)}>
          Rename or describe
        </button>
        <button type="button" onClick={() => runCommand('report.export')}>
          Export report…
        </button>
      </div>
      <ArchiveExportStatus caseId={caseFile.id} />
      <RichTextView value={caseFile.description} empty="No description yet: say what this investigation is about." />
      <CaseSummary caseId={caseFile.id} />

      <h2>In this case</h2>
      <ul className="counts" aria-label="Record counts">
        {SECTIONS.filter((section) => section.count).map((section) => (
          <li key={section.path}>
            <Link to={`/case/${caseFile.id}/${section.path}`}>
              <span className="number" data-testid={`count-${section.count}`}>
                {counts ? counts[section.count!].toLocaleString() : '…'}
              </span>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>

      {isEmpty && (
        <div className="empty">
          <h2>Start your case</h2>
          <p>
            Add the documents you have collected, then mark excerpts in them, record the people and organisations
            involved, and place what happened on the timeline.
          </p>
          <div className="row" style={{ justifyContent: 'center' }}>
            <Link className="button primary" to={`/case/${caseFile.id}/documents`}>
              Add a document
            </Link>
            <Link className="button" to={`/case/${caseFile.id}/entities`}>
              Add an entity
            </Link>
          </div>
        </div>
      )}

      <h2>Recent activity</h2>
      {activity && activity.length > 0 ? (
        <ol className="activity" aria-label="Recent activity">
          {activity.map(({ entry, opens }) => (
            <li key={entry.seq}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {/* A line opens the record it names; one about deleted records stays plain text. */}
              {opens ? <Link to={recordPath(caseFile.id, opens.type, opens.id)}>{entry.summary}</Link> : <span>{entry.summary}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Nothing has happened in this case yet.</p>
      )}

      {editing && (
        <Dialog title="Rename or describe case" onClose={() => setEditing(false)}>
          <CaseForm existing={caseFile} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />
        </Dialog>
      )}
    </section>
  );
}
