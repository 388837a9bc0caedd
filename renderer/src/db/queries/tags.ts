import type { Excerpt, Tag } from '../../../../shared/domain';
import { tagCounts, withDescendants } from '../../../../shared/codebook';
import type { CasebookDB } from '../schema';

/** The case's codebook, its tags in name order (the tree is built from their parents). */
export async function caseTags(db: CasebookDB, caseId: string): Promise<Tag[]> {
  const tags = await db.tags.where('caseId').equals(caseId).toArray();
  return tags.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

export interface TagWithCounts extends Tag {
  /** Excerpts with this tag itself. */
  own: number;
  /** Excerpts with this tag or any tag under it, each counted once. */
  withSubTags: number;
}

/** The codebook with each tag's excerpt counts, its own and including its sub-tags. */
export async function codebookWithCounts(db: CasebookDB, caseId: string): Promise<TagWithCounts[]> {
  const [tags, excerptTags] = await Promise.all([
    caseTags(db, caseId),
    db.excerpts
      .where('caseId')
      .equals(caseId)
      .toArray((excerpts) => excerpts.map((excerpt) => excerpt.tags)),
  ]);
  const counts = tagCounts(tags, excerptTags);
  return tags.map((tag) => ({ ...tag, ...(counts.get(tag.id) ?? { own: 0, withSubTags: 0 }) }));
}

/** The excerpts coded with a tag or any tag under it, newest first. */
export async function excerptsWithTag(db: CasebookDB, caseId: string, tagId: string): Promise<Excerpt[]> {
  const tags = await db.tags.where('caseId').equals(caseId).toArray();
  const excerpts = await db.excerpts
    .where('tags')
    .anyOf([...withDescendants(tags, tagId)])
    .distinct()
    .filter((excerpt) => excerpt.caseId === caseId)
    .toArray();
  return excerpts.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
