import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { queries } from '../../app/casebook';
import { RichTextView } from '../../editor/RichTextView';

/** The case's pinned summary note on its overview, read-only, with the way to open it. Nothing when none is pinned. */
export function CaseSummary({ caseId }: { caseId: string }) {
  const summary = useLiveQuery(() => queries.caseSummaryNote(caseId), [caseId]);
  if (!summary) return null;
  return (
    <section aria-labelledby="case-summary-title" className="case-summary">
      <h2 id="case-summary-title">Case summary</h2>
      <p className="small">
        <Link to={`/case/${caseId}/notes/${summary.id}`}>{summary.title}</Link>
      </p>
      <RichTextView value={summary.body} empty="The summary note is empty so far." />
    </section>
  );
}
