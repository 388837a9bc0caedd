import './codebook.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { tagPath } from '../../../../shared/codebook';
import { queries } from '../../app/casebook';
import { TagChip } from './TagChip';

/** An excerpt's colour, its first known tag's, for highlights (null while loading, or without a tag: neutral). */
export function useTagColours(caseId: string): (excerpt: { tags: readonly string[] }) => string | null {
  const tags = useLiveQuery(() => queries.caseTags(caseId), [caseId]);
  return useMemo(() => {
    const colours = new Map((tags ?? []).map((tag) => [tag.id, tag.colour]));
    return (excerpt) => {
      for (const id of excerpt.tags) {
        const colour = colours.get(id);
        if (colour) return colour;
      }
      return null;
    };
  }, [tags]);
}

/** An excerpt's tags as chips in their colours, each with its path in the codebook ("Evidence › Arrests"). */
export function ExcerptTags({ caseId, tagIds }: { caseId: string; tagIds: readonly string[] }) {
  const tags = useLiveQuery(() => queries.caseTags(caseId), [caseId]);
  if (!tagIds.length || !tags) return null;
  const known = tagIds.filter((id) => tags.some((tag) => tag.id === id));
  if (!known.length) return null;
  return (
    <ul className="tag-chips" aria-label="Tags">
      {known.map((id) => (
        <li key={id}>
          <TagChip colour={tags.find((tag) => tag.id === id)!.colour} label={tagPath(tags, id)} />
        </li>
      ))}
    </ul>
  );
}
