import { useLiveQuery } from 'dexie-react-hooks';
import type { Entity, Tag } from '../../../../shared/domain';
import { tagPath, withDescendants } from '../../../../shared/codebook';
import { queries } from '../../app/casebook';

/**
 * The entities list's filter by a codebook tag, which takes in its sub-tags as in the excerpts table: the case's tags
 * (empty while they load), and the test an entity passes (every entity, with no tag chosen).
 */
export function useEntityTagFilter(caseId: string, tagId: string) {
  const tags = useLiveQuery(() => queries.caseTags(caseId), [caseId]);
  const accepted = tagId && tags ? withDescendants(tags, tagId) : null;
  const passes = (entity: Pick<Entity, 'tags'>) => !accepted || entity.tags.some((id) => accepted.has(id));
  return { tags: tags ?? [], passes };
}

/** The select of the filter by tag, by each tag's path in the codebook; nothing while the codebook is empty. */
export function EntityTagSelect({ tags, value, onChange }: { tags: readonly Tag[]; value: string; onChange: (tagId: string) => void }) {
  if (!tags.length) return null;
  const choices = tags.map((tag) => ({ id: tag.id, path: tagPath(tags, tag.id) })).sort((a, b) => a.path.localeCompare(b.path));
  return (
    <select aria-label="Entity tag" value={value} onChange={(e) => onChange(e.target.value)} style={{ width: 'auto' }}>
      <option value="">All tags</option>
      {choices.map((tag) => (
        <option key={tag.id} value={tag.id}>
          {tag.path}
        </option>
      ))}
    </select>
  );
}
