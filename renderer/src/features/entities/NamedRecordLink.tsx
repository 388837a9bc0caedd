import { Link } from 'react-router';
import type { RecordRef } from '../../../../shared/domain';
import { recordPath } from '../../../../shared/vocabulary';

/** Beside a refusal that names another record ("already has a person named …"), the way to open that record. */
export function NamedRecordLink({ caseId, record }: { caseId: string; record: RecordRef | undefined }) {
  if (!record) return null;
  return (
    <p className="small">
      <Link to={recordPath(caseId, record.type, record.id)}>Open it</Link>
    </p>
  );
}
