import type { Tag } from './domain';

/**
 * The case's codebook as a tree: reads over a case's tags that the domain (no tag its own ancestor), the codebook
 * view (counts including sub-tags) and the excerpts view (a parent's filter includes its sub-tags) share.
 */

type TagNode = Pick<Tag, 'id' | 'parentId'>;

/** The tags under each tag (null: the top of the codebook), in the order given. */
export function childrenByParent<T extends TagNode>(tags: readonly T[]): Map<string | null, T[]> {
  const children = new Map<string | null, T[]>();
  for (const tag of tags) {
    const siblings = children.get(tag.parentId);
    if (siblings) siblings.push(tag);
    else children.set(tag.parentId, [tag]);
  }
  return children;
}

/** A tag's id with the ids of every tag under it, at any depth. */
export function withDescendants(tags: readonly TagNode[], tagId: string): Set<string> {
  const children = childrenByParent(tags);
  const found = new Set<string>();
  const stack = [tagId];
  while (stack.length) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    for (const child of children.get(id) ?? []) stack.push(child.id);
  }
  return found;
}

/** The tags above a tag, nearest first; stops at a cycle rather than looping (the domain refuses to make one). */
export function ancestorsOf<T extends TagNode>(tags: readonly T[], tagId: string): T[] {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const ancestors: T[] = [];
  const seen = new Set([tagId]);
  for (let parentId = byId.get(tagId)?.parentId ?? null; parentId !== null && !seen.has(parentId); ) {
    const parent = byId.get(parentId);
    if (!parent) break;
    ancestors.push(parent);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return ancestors;
}

/** Whether putting `tagId` under `parentId` would make it its own ancestor. */
export function wouldCycle(tags: readonly TagNode[], tagId: string, parentId: string | null): boolean {
  return parentId !== null && withDescendants(tags, tagId).has(parentId);
}

/** A tag's path from the top, for lists and chips: "Evidence › Arrests". */
export function tagPath(tags: readonly Pick<Tag, 'id' | 'parentId' | 'name'>[], tagId: string): string {
  const tag = tags.find((candidate) => candidate.id === tagId);
  if (!tag) return '';
  return [...ancestorsOf(tags, tagId).reverse(), tag].map((node) => node.name).join(' › ');
}

/** The paths a tag's path stands under, itself included: "Evidence › Raids" is under "Evidence" and itself. */
export function pathAndAncestors(path: string): string[] {
  const names = path.split(' › ');
  return names.map((_, index) => names.slice(0, index + 1).join(' › '));
}

/**
 * What a researcher may type between a tag and its sub-tag: the "›" that paths are shown with, or the ">" and "/"
 * that keyboards have.
 */
const TYPED_PATH_SEPARATOR = /[›>/]/;

/** The names of a typed or shown path, trimmed: "Evidence > Raids" and "Evidence › Raids" are ["Evidence", "Raids"]. */
export const splitTagPath = (path: string): string[] => path.split(TYPED_PATH_SEPARATOR).map((name) => name.trim());

/** A path folded for comparing, name by name as tag names are, whichever separators it was typed with. */
export const tagPathKey = (path: string): string =>
  splitTagPath(path)
    .filter(Boolean)
    .map(tagNameKey)
    .join('›');

/**
 * Where a tag typed as a path goes: "Evidence › Raids" is "Raids" under the tag "Evidence", "Raids" is at the top
 * (parent null). `missingParent` is the path typed for a parent that no tag has.
 */
export type TypedTagPlace<T> = { name: string; parent: T | null } | { name: string; missingParent: string };

export function placeTypedTag<T extends Pick<Tag, 'id' | 'parentId' | 'name'>>(tags: readonly T[], typed: string): TypedTagPlace<T> {
  const names = splitTagPath(typed);
  const name = names.pop() ?? '';
  const parentPath = names.filter(Boolean).join(' › ');
  if (!parentPath) return { name, parent: null };
  const wanted = tagPathKey(parentPath);
  // Compared as paths, not name by name, so a parent whose own name holds a "/" is found too.
  const parent = tags.find((tag) => tagPathKey(tagPath(tags, tag.id)) === wanted);
  return parent ? { name, parent } : { name, missingParent: parentPath };
}

/**
 * How many excerpts each tag holds, itself and with its sub-tags (an excerpt tagged with two sub-tags of one parent
 * counts once for the parent).
 */
export function tagCounts(
  tags: readonly TagNode[],
  excerptTags: Iterable<readonly string[]>,
): Map<string, { own: number; withSubTags: number }> {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const counts = new Map(tags.map((tag) => [tag.id, { own: 0, withSubTags: 0 }]));
  for (const tagIds of excerptTags) {
    const reached = new Set<string>();
    for (const id of tagIds) {
      const count = counts.get(id);
      if (!count) continue;
      count.own++;
      for (let at: TagNode | undefined = byId.get(id); at && !reached.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined)
        reached.add(at.id);
    }
    for (const id of reached) counts.get(id)!.withSubTags++;
  }
  return counts;
}

/**
 * The colours new tags take in turn, and existing excerpt tags took when the codebook arrived (schema version 7):
 * distinct from one another, and dark enough for white text on a chip.
 */
export const TAG_COLOURS = [
  '#2563eb',
  '#c2410c',
  '#15803d',
  '#9333ea',
  '#be123c',
  '#0e7490',
  '#a16207',
  '#4d7c0f',
  '#7c3aed',
  '#475569',
] as const;

/** The colour the next tag of a codebook of `count` tags takes. */
export const nextTagColour = (count: number): string => TAG_COLOURS[count % TAG_COLOURS.length]!;

/**
 * A tag's name folded for comparing (case and accents do not matter: "Arrests" and "arrests", "Ēvidence" and
 * "Evidence" are one name). Here rather than in search's folding because the schema's upgrade, which may not import
 * search, folds the names it finds too.
 */
export const tagNameKey = (name: string): string =>
  name.normalize('NFKD').replace(/\p{M}+/gu, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
