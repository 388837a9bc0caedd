/**
 * The case's codebook: nested tags that excerpts (and entities) are coded with. Each operation is one transaction with its history
 * entry; names are unique among a tag's siblings (case and accents folded), and no tag goes under itself.
 */
import type { Entity, Excerpt, RecordRef, Tag } from '../../../shared/domain';
import { nextTagColour, tagNameKey, tagPath, wouldCycle } from '../../../shared/codebook';
import {
  tagColourSchema,
  tagDeleteChoiceSchema,
  tagDescriptionSchema,
  tagInputSchema,
  tagNameSchema,
  tagParentSchema,
  type TagDeleteChoice,
  type TagInput,
} from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { NotFoundError, ValidationError } from './errors';
import { newId, now, parseInput, quoted, writeCase, type Change } from './writeCase';

const MISSING_TAG = 'This tag is no longer in the codebook. It may have been deleted in another window.';
/** History entries name at most this many excerpts, as bulk entity imports do. */
const NAMED_EXCERPTS = 100;

const fieldError = (field: string, message: string) => new ValidationError([{ field, message }]);

/** Where a tag sits, for messages: "under “Evidence”" or "at the top of the codebook". */
function placeOf(tags: readonly Tag[], parentId: string | null): string {
  return parentId ? `under ${quoted(tagPath(tags, parentId))}` : 'at the top of the codebook';
}

/** The case's tags, read inside the operation's transaction. */
const codebookOf = (db: CasebookDB, caseId: string) => db.tags.where('caseId').equals(caseId).toArray();

function sameNameSibling(tags: readonly Tag[], parentId: string | null, nameKey: string, except: string | null) {
  return tags.find((tag) => tag.parentId === parentId && tag.nameKey === nameKey && tag.id !== except);
}

function refuseDuplicate(tags: readonly Tag[], parentId: string | null, name: string, except: string | null): void {
  const same = sameNameSibling(tags, parentId, tagNameKey(name), except);
  if (same)
    throw fieldError('name', `A tag named ${quoted(same.name)} already exists ${placeOf(tags, parentId)}. Choose another name, or use that tag.`);
}

function parentIn(tags: readonly Tag[], parentId: string | null): void {
  if (parentId !== null && !tags.some((tag) => tag.id === parentId))
    throw fieldError('parentId', 'The parent tag chosen is no longer in the codebook. Choose another.');
}

const excerptRefs = (excerpts: readonly Excerpt[]): RecordRef[] =>
  excerpts.length <= NAMED_EXCERPTS ? excerpts.map((excerpt) => ({ type: 'excerpt', id: excerpt.id })) : [];

/** Excerpts carrying any of the tags. */
function excerptsTagged(db: CasebookDB, tagIds: readonly string[]): Promise<Excerpt[]> {
  return db.excerpts.where('tags').anyOf([...tagIds]).distinct().toArray();
}

/** Entities carrying any of the tags. */
function entitiesTagged(db: CasebookDB, tagIds: readonly string[]): Promise<Entity[]> {
  return db.entities.where('tags').anyOf([...tagIds]).distinct().toArray();
}

/**
 * Runs an operation on one tag of a case in one transaction (with the case's excerpts and entities, whose tags and
 * search entries follow), handing it the tag and the whole codebook as read inside it.
 */
async function editTag<R>(
  db: CasebookDB,
  tagId: string,
  edit: (tag: Tag, tags: Tag[]) => Promise<{ result: R; change: Change }>,
): Promise<R> {
  const found = await db.tags.get(tagId);
  if (!found) throw new NotFoundError(MISSING_TAG);
  return writeCase(db, found.caseId, ['tags', 'excerpts', 'entities'], async () => {
    const tags = await codebookOf(db, found.caseId);
    const tag = tags.find((candidate) => candidate.id === tagId);
    if (!tag) throw new NotFoundError(MISSING_TAG);
    return edit(tag, tags);
  });
}

export async function createTag(db: CasebookDB, caseId: string, input: TagInput): Promise<Tag> {
  const parsed = parseInput(tagInputSchema, input);
  const at = now();
  return writeCase(db, caseId, ['tags'], async () => {
    const tags = await codebookOf(db, caseId);
    parentIn(tags, parsed.parentId);
    refuseDuplicate(tags, parsed.parentId, parsed.name, null);
    const tag: Tag = {
      id: newId(),
      caseId,
      parentId: parsed.parentId,
      name: parsed.name,
      nameKey: tagNameKey(parsed.name),
      colour: parsed.colour ?? nextTagColour(tags.length),
      description: parsed.description,
      createdAt: at,
      updatedAt: at,
    };
    await db.tags.add(tag);
    return {
      result: tag,
      change: { action: 'create', summary: `Added tag ${quoted(tagPath([...tags, tag], tag.id))} to the codebook`, records: [] },
    };
  });
}

/** Renames a tag; its excerpts are written again so that search finds them by the new name. */
export async function renameTag(db: CasebookDB, tagId: string, name: string): Promise<Tag> {
  const cleaned = parseInput(tagNameSchema, name);
  return editTag(db, tagId, async (tag, tags) => {
    refuseDuplicate(tags, tag.parentId, cleaned, tag.id);
    const renamed: Tag = { ...tag, name: cleaned, nameKey: tagNameKey(cleaned), updatedAt: now() };
    await db.tags.put(renamed);
    // Putting the excerpts and entities back unchanged is what tells the search index to read them (and their tag
    // names) again.
    const tagged = await excerptsTagged(db, [tag.id]);
    await db.excerpts.bulkPut(tagged);
    await db.entities.bulkPut(await entitiesTagged(db, [tag.id]));
    return {
      result: renamed,
      change: { action: 'update', summary: `Renamed tag ${quoted(tag.name)} to ${quoted(cleaned)}`, records: excerptRefs(tagged) },
    };
  });
}

export async function recolourTag(db: CasebookDB, tagId: string, colour: string): Promise<Tag> {
  const parsed = parseInput(tagColourSchema, colour);
  return editTag(db, tagId, async (tag) => {
    const updated: Tag = { ...tag, colour: parsed, updatedAt: now() };
    await db.tags.put(updated);
    return { result: updated, change: { action: 'update', summary: `Recoloured tag ${quoted(tag.name)}`, records: [] } };
  });
}

export async function describeTag(db: CasebookDB, tagId: string, description: string): Promise<Tag> {
  const parsed = parseInput(tagDescriptionSchema, description);
  return editTag(db, tagId, async (tag) => {
    const updated: Tag = { ...tag, description: parsed, updatedAt: now() };
    await db.tags.put(updated);
    return { result: updated, change: { action: 'update', summary: `Described tag ${quoted(tag.name)}`, records: [] } };
  });
}

/** Puts a tag (with its sub-tags) under another tag, or at the top of the codebook (`parentId` null). */
export async function moveTag(db: CasebookDB, tagId: string, parentId: string | null): Promise<Tag> {
  const parsed = parseInput(tagParentSchema, parentId);
  return editTag(db, tagId, async (tag, tags) => {
    parentIn(tags, parsed);
    if (wouldCycle(tags, tag.id, parsed))
      throw fieldError(
        'parentId',
        parsed === tag.id
          ? `${quoted(tag.name)} cannot go under itself.`
          : `${quoted(tag.name)} cannot go under ${quoted(tagPath(tags, parsed!))}: that tag is one of its own sub-tags.`,
      );
    refuseDuplicate(tags, parsed, tag.name, tag.id);
    const moved: Tag = { ...tag, parentId: parsed, updatedAt: now() };
    await db.tags.put(moved);
    return {
      result: moved,
      change: { action: 'update', summary: `Moved tag ${quoted(tag.name)} ${placeOf(tags, parsed)}`, records: [] },
    };
  });
}

/**
 * The codebook as it is being reshaped: tags gone (with the tag each went into, or null when it went without heir)
 * and tags moved, kept apart until written.
 */
class Reshaping {
  readonly byId: Map<string, Tag>;
  readonly gone = new Map<string, string | null>();
  readonly moved = new Set<string>();

  constructor(tags: readonly Tag[], private readonly at: string) {
    this.byId = new Map(tags.map((tag) => [tag.id, { ...tag }]));
  }

  childrenOf(parentId: string): Tag[] {
    return [...this.byId.values()].filter((tag) => tag.parentId === parentId);
  }

  place(tag: Tag, parentId: string | null): void {
    tag.parentId = parentId;
    tag.updatedAt = this.at;
    this.moved.add(tag.id);
  }

  /**
   * Moves a tag's sub-tags under `parentId`. A sub-tag whose name is already taken there is merged into the tag that
   * has it (its own sub-tags following), so nothing is lost and no two siblings share a name.
   */
  moveChildren(fromId: string, parentId: string | null): void {
    for (const child of this.childrenOf(fromId)) {
      const same = [...this.byId.values()].find(
        (tag) => tag.parentId === parentId && tag.nameKey === child.nameKey && tag.id !== child.id,
      );
      if (same) this.mergeInto(child, same);
      else this.place(child, parentId);
    }
  }

  /** Taken out before its sub-tags move, so none of them can be merged back into it. */
  mergeInto(merged: Tag, kept: Tag): void {
    this.remove(merged, kept.id);
    this.moveChildren(merged.id, kept.id);
  }

  remove(tag: Tag, heir: string | null): void {
    this.byId.delete(tag.id);
    this.moved.delete(tag.id);
    this.gone.set(tag.id, heir);
  }

  /** What a tag on an excerpt becomes: itself, the tag it was merged into (at the end of a chain), or nothing. */
  heirOf(tagId: string): string | null {
    let id: string | null = tagId;
    while (id !== null && this.gone.has(id)) id = this.gone.get(id)!;
    return id;
  }

  /** The tags a record carries once the gone tags are replaced by their heirs (or dropped). */
  private retag<R extends { tags: string[]; updatedAt: string }>(record: R): R {
    const tags = record.tags.map((id) => this.heirOf(id)).filter((id): id is string => id !== null);
    return { ...record, tags: [...new Set(tags)], updatedAt: this.at };
  }

  /** Writes the reshaped codebook and the tags of every excerpt and entity that carried a tag now gone. */
  async write(db: CasebookDB): Promise<Excerpt[]> {
    await db.tags.bulkPut([...this.moved].map((id) => this.byId.get(id)!));
    await db.tags.bulkDelete([...this.gone.keys()]);
    const updated = (await excerptsTagged(db, [...this.gone.keys()])).map((excerpt) => this.retag(excerpt));
    await db.excerpts.bulkPut(updated);
    await db.entities.bulkPut((await entitiesTagged(db, [...this.gone.keys()])).map((entity) => this.retag(entity)));
    return updated;
  }
}

const excerptCount = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'excerpt' : 'excerpts'}`;

/**
 * Merges one tag into another: every excerpt of the merged tag gets the kept one, its sub-tags move under the kept
 * tag (merging with any of the same name there), and the merged tag goes. When the kept tag lies under the merged
 * one, it first takes the merged tag's place, so no tag ends up under itself.
 */
export async function mergeTags(db: CasebookDB, mergedId: string, keptId: string): Promise<Tag> {
  if (mergedId === keptId) throw fieldError('keptId', 'A tag cannot be merged into itself. Choose another tag to keep.');
  return editTag(db, mergedId, async (merged, tags) => {
    const kept = tags.find((tag) => tag.id === keptId);
    if (!kept || kept.caseId !== merged.caseId)
      throw fieldError('keptId', 'The tag to keep is no longer in the codebook. Choose another.');
    const reshaping = new Reshaping(tags, now());
    const keptNow = reshaping.byId.get(kept.id)!;
    if (wouldCycle(tags, merged.id, kept.id)) {
      const clash = sameNameSibling([...reshaping.byId.values()], merged.parentId, kept.nameKey, merged.id);
      if (clash)
        throw fieldError(
          'keptId',
          `${quoted(kept.name)} cannot take the place of ${quoted(merged.name)}: a tag named ${quoted(clash.name)} is already there. Merge or rename that one first.`,
        );
      reshaping.place(keptNow, merged.parentId);
    }
    reshaping.mergeInto(reshaping.byId.get(merged.id)!, keptNow);
    const excerpts = await reshaping.write(db);
    return {
      result: reshaping.byId.get(kept.id)!,
      change: {
        action: 'update',
        summary: `Merged tag ${quoted(tagPath(tags, merged.id))} into ${quoted(tagPath(tags, kept.id))} (${excerptCount(excerpts.length)})`,
        records: excerptRefs(excerpts),
      },
    };
  });
}

/**
 * Deletes a tag. Its sub-tags move up to its parent; its excerpts lose it (`remove`) or get its parent tag instead
 * (`parent`, for a tag that has one).
 */
export async function deleteTag(db: CasebookDB, tagId: string, choice: TagDeleteChoice): Promise<void> {
  const parsed = parseInput(tagDeleteChoiceSchema, choice);
  return editTag(db, tagId, async (tag, tags) => {
    if (parsed === 'parent' && tag.parentId === null)
      throw fieldError(
        'choice',
        `${quoted(tag.name)} is at the top of the codebook: there is no parent tag to give its excerpts. Choose to remove the tag from them.`,
      );
    const reshaping = new Reshaping(tags, now());
    reshaping.remove(reshaping.byId.get(tag.id)!, parsed === 'parent' ? tag.parentId : null);
    reshaping.moveChildren(tag.id, tag.parentId);
    const excerpts = await reshaping.write(db);
    const what = parsed === 'parent' ? `given ${quoted(tagPath(tags, tag.parentId!))}` : 'untagged';
    return {
      result: undefined,
      change: {
        action: 'delete',
        summary: `Deleted tag ${quoted(tagPath(tags, tag.id))} (${excerptCount(excerpts.length)} ${what})`,
        records: excerptRefs(excerpts),
      },
    };
  });
}

/** Refuses tag ids that are not in the case's codebook: what creating or editing an excerpt or an entity checks. */
export async function checkTagsInCase(db: CasebookDB, caseId: string, tagIds: readonly string[]): Promise<void> {
  if (!tagIds.length) return;
  const found = await db.tags.bulkGet([...tagIds]);
  if (found.some((tag) => !tag || tag.caseId !== caseId))
    throw fieldError('tags', 'A tag chosen is not in this case’s codebook (it may have been deleted). Choose the tags again.');
}
