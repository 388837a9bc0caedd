import { Link } from 'react-router';
import type { Excerpt } from '../../../../shared/domain';
import { recordPath, recordTitle } from '../../../../shared/vocabulary';

/** A list of excerpts, each its quote's opening words opening the excerpt: in notices and on a tag's page. */
export function ExcerptLinkList({ caseId, excerpts }: { caseId: string; excerpts: readonly Excerpt[] }) {
  return (
    <ul>
      {excerpts.map((excerpt) => (
        <li key={excerpt.id}>
          <Link to={recordPath(caseId, 'excerpt', excerpt.id)}>{recordTitle('excerpt', excerpt)}</Link>
        </li>
      ))}
    </ul>
  );
}
