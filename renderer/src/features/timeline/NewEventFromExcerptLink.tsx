import { Link } from 'react-router';
import { newEventFromExcerptPath } from './paths';

/** *New event from excerpt*: the event form with the excerpt as evidence and its entities offered as participants. */
export function NewEventFromExcerptLink({ caseId, excerptId }: { caseId: string; excerptId: string }) {
  return (
    <Link className="button" to={newEventFromExcerptPath(caseId, excerptId)}>
      New event from excerpt
    </Link>
  );
}
