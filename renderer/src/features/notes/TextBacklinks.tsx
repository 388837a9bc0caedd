import { useLiveQuery } from 'dexie-react-hooks';
import { Link as RouterLink } from 'react-router';
import type { RecordRef } from '../../../../shared/domain';
import { recordPath } from '../../../../shared/vocabulary';
import { queries } from '../../app/casebook';

/**
 * Where the case's notes mention a record (an `@` mention, a `[[` link, a quote block): "Mentioned in note …" with
 * each sentence it is mentioned in, the note opening from its title. Nothing at all while no note mentions it.
 */
export function TextBacklinks({ caseId, record }: { caseId: string; record: RecordRef }) {
  const backlinks = useLiveQuery(() => queries.textBacklinks(caseId, record), [caseId, record.type, record.id]);
  if (!backlinks?.length) return null;
  return (
    <section aria-label="Mentioned in notes" className="text-backlinks">
      <h3>Mentioned in notes</h3>
      <ul className="links">
        {backlinks.map(({ note, passages }) => (
          <li key={note.id} style={{ display: 'block' }}>
            <span>
              Mentioned in note <RouterLink to={recordPath(caseId, 'note', note.id)}>{note.title}</RouterLink>
            </span>
            {passages.map((passage) => (
              <blockquote key={passage} className="muted small" style={{ margin: '0.25rem 0 0 1rem' }}>
                {passage}
              </blockquote>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
