import type { CaseEntityType } from '../../../../shared/domain';

/** A type of the case's own as its entities are drawn: its letter on its colour. */
export function TypeBadge({ type }: { type: Pick<CaseEntityType, 'letter' | 'colour'> }) {
  return (
    <span className="type-badge" style={{ background: type.colour }} aria-hidden="true">
      {type.letter}
    </span>
  );
}
