/**
 * A model-based test of the domain layer: random sequences of operations on one case run against the real database
 * (fake-indexeddb, through Dexie) and against a plain in-memory model of the case, with storage failures injected at
 * random writes. After every step the case read back through the app's own queries equals the model:
 *  - an operation that succeeds changes exactly what the model says, and adds one history entry of the right kind
 *    naming the right records (none for a note saved again moments after the entry that tells its edit);
 *  - an operation that fails (storage refusing its n-th write, or the transaction aborted there or just after it)
 *    leaves every row of every table as it was, adds no history, and fails with an error the app explains as a
 *    storage failure;
 *  - an operation the model says the domain refuses (a name taken, a link made twice, a merge already undone) leaves
 *    every row as it was and fails with a ValidationError or NotFoundError.
 */
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIDENCES, type Confidence, type EntityType, type HistoryAction, type RecordRef } from '../../../shared/domain';
import { entityNameKey } from '../../../shared/entities';
import { RECORD_LINK_NODE } from '../../../shared/textReferences';
import { TEXT_LINK_KIND } from '../../../shared/vocabulary';
import { tagNameKey } from '../../../shared/codebook';
import { describeStorageError } from '../db/errors';
import { caseTags, documentRows, documentsByIds, entitiesByName, excerptsNewestFirst, lastHistorySeq, notesRecentFirst, recentHistory, relationshipsInCase, timeline } from '../db/queries';
import type { CasebookDB } from '../db/schema';
import { recordAttackFigure } from '../../../tests/attackFigures';
import { freshDatabase, snapshot } from '../../../tests/unit/database';
import {
  NotFoundError,
  ValidationError,
  createCase,
  createNote,
  createEntities,
  createEntity,
  createRelationship,
  createEvent,
  createExcerpt,
  createTag,
  createTextDocument,
  deleteExcerpts,
  deleteRecord,
  deleteRelationship,
  deleteTag,
  explainError,
  linkExcerpts,
  linkRecords,
  markExcerptMentioning,
  mergeEntities,
  mergeTags,
  moveTag,
  renameTag,
  splitAlias,
  tagExcerpts,
  undoMerge,
  unlinkRecords,
  untagExcerpts,
  updateDocumentMetadata,
  updateEntity,
  updateNote,
  updateEvent,
  updateExcerpt,
} from '.';

// ---- the model

interface ModelExcerpt {
  documentId: string | null;
  quote: string;
  comment: string | null;
  tags: string[];
  /** Kept as a detached quote when its document was deleted. */
  detached: boolean;
}
interface ModelEntity {
  name: string;
  type: EntityType;
  aliases: string[];
  tags: string[];
}
interface ModelEvent {
  title: string;
  participants: string[];
  evidence: string[];
}
interface ModelRelationship {
  type: 'works-for' | 'contacted';
  from: string;
  to: string;
  confidence: Confidence;
  excerptIds: string[];
}
interface ModelTag {
  name: string;
  parentId: string | null;
}
/** A history entry as the model expects it: its kind, the records it names ("type:id", sorted), what it undid. */
interface ModelEntry {
  action: HistoryAction;
  records: string[];
  undoes?: number;
}
interface Records {
  documents: Map<string, { title: string; text: string }>;
  excerpts: Map<string, ModelExcerpt>;
  entities: Map<string, ModelEntity>;
  events: Map<string, ModelEvent>;
  tags: Map<string, ModelTag>;
  /** Links by what they say: `kind|type:id|type:id`. */
  links: Set<string>;
  /** In the order they were made, which decides which of two a merge keeps. */
  relationships: Map<string, ModelRelationship>;
  /** Notes by title; the entities their text mentions are their `text-mention` links. */
  notes: Map<string, string>;
}
type MergedRecords = Pick<Records, 'entities' | 'links' | 'relationships' | 'events'>;
interface State extends Records {
  history: ModelEntry[];
  /**
   * The last merge of entities, while no entity, link, relationship or event has changed since: undoing it gives
   * those back as they were before it.
   */
  merge: { seq: number; entities: string[]; before: MergedRecords; undone: boolean } | null;
  /** The entities merged into others and not brought back, each by the entity it went into. */
  redirects: Map<string, string>;
  /** Every entity the case has had, gone or not: what a note's text may still mention. */
  known: Set<string>;
  /** The note edit the last history entry tells, while it is the last entry: saves soon after it add none. */
  lastNoteEdit: { id: string; title: string; at: number } | null;
  /** When the case last changed, as the case's `updatedAt` says. */
  changedAt: string;
}

const emptyState = (createdAt: string): State => ({
  documents: new Map(),
  excerpts: new Map(),
  entities: new Map(),
  events: new Map(),
  tags: new Map(),
  links: new Set(),
  relationships: new Map(),
  notes: new Map(),
  history: [],
  merge: null,
  redirects: new Map(),
  known: new Set(),
  lastNoteEdit: null,
  changedAt: createdAt,
});

const refString = (ref: RecordRef) => `${ref.type}:${ref.id}`;
const ref = (type: RecordRef['type'], id: string) => `${type}:${id}`;
const linkKey = (kind: string, from: string, to: string) => `${kind}|${from}|${to}`;
const linkParts = (key: string) => {
  const [kind, from, to] = key.split('|') as [string, string, string];
  return { kind, from, to, fromId: from.split(':')[1]!, toId: to.split(':')[1]! };
};
const unique = <T>(items: readonly T[]) => [...new Set(items)];
/** The entry the model expects, its records sorted: the order a history entry names records in is not its meaning. */
const entry = (action: HistoryAction, records: string[], undoes?: number): ModelEntry => ({
  action,
  records: [...records].sort(),
  ...(undoes !== undefined && { undoes }),
});

/** Takes away every link touching the records, and the deleted entities and excerpts from the events naming them. */
function forget(state: State, ids: ReadonlySet<string>): void {
  for (const key of state.links) {
    const { fromId, toId } = linkParts(key);
    if (ids.has(fromId) || ids.has(toId)) state.links.delete(key);
  }
  for (const event of state.events.values()) {
    event.participants = event.participants.filter((id) => !ids.has(id));
    event.evidence = event.evidence.filter((id) => !ids.has(id));
  }
  for (const [id, relationship] of state.relationships)
    if (ids.has(relationship.from) || ids.has(relationship.to)) state.relationships.delete(id);
    else relationship.excerptIds = relationship.excerptIds.filter((excerptId) => !ids.has(excerptId));
}

/** The notes whose text mentions any of the entities (by their `text-mention` links), as history names them. */
const notesMentioning = (state: State, entityIds: readonly string[]): string[] =>
  unique(
    [...state.links]
      .map(linkParts)
      .filter((link) => link.kind === TEXT_LINK_KIND && entityIds.includes(link.toId))
      .map((link) => link.from),
  );

/** Whether another entity of the type (not among `except`) already has one of the names as its name or an alias. */
function nameTaken(state: State, entity: Pick<ModelEntity, 'name' | 'type' | 'aliases'>, except: ReadonlySet<string>): boolean {
  const keys = new Set([entity.name, ...entity.aliases].map(entityNameKey));
  return [...state.entities].some(
    ([id, other]) => !except.has(id) && other.type === entity.type && [other.name, ...other.aliases].some((name) => keys.has(entityNameKey(name))),
  );
}

const descendants = (tags: Map<string, ModelTag>, id: string): Set<string> => {
  const found = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [tagId, tag] of tags)
      if (tag.parentId && found.has(tag.parentId) && !found.has(tagId)) {
        found.add(tagId);
        grew = true;
      }
  }
  return found;
};

const sibling = (tags: Map<string, ModelTag>, parentId: string | null, name: string, except: string | null) =>
  [...tags].find(([id, tag]) => id !== except && tag.parentId === parentId && tagNameKey(tag.name) === tagNameKey(name));

/**
 * The codebook reshaped as a merge or a deletion of tags does it: a tag goes (with the tag that inherits its records,
 * or none), its sub-tags move up, one whose name is taken where it goes merging into the tag that has it.
 */
class Reshape {
  readonly gone = new Map<string, string | null>();
  constructor(private readonly tags: Map<string, ModelTag>) {}

  remove(id: string, heir: string | null): void {
    this.tags.delete(id);
    this.gone.set(id, heir);
  }

  mergeInto(merged: string, kept: string): void {
    this.remove(merged, kept);
    this.moveChildren(merged, kept);
  }

  moveChildren(from: string, parentId: string | null): void {
    for (const [id, child] of [...this.tags].filter(([, tag]) => tag.parentId === from)) {
      const same = sibling(this.tags, parentId, child.name, id);
      if (same) this.mergeInto(id, same[0]);
      else child.parentId = parentId;
    }
  }

  heir(id: string): string | null {
    let current: string | null = id;
    while (current !== null && this.gone.has(current)) current = this.gone.get(current)!;
    return current;
  }

  /** Retags the records carrying a tag gone; returns the excerpts that changed. */
  retag(state: State): string[] {
    const changed: string[] = [];
    const retagged = (tags: string[]) => unique(tags.map((id) => this.heir(id)).filter((id): id is string => id !== null));
    for (const [id, excerpt] of state.excerpts)
      if (excerpt.tags.some((tag) => this.gone.has(tag))) {
        excerpt.tags = retagged(excerpt.tags);
        changed.push(ref('excerpt', id));
      }
    for (const entity of state.entities.values()) if (entity.tags.some((tag) => this.gone.has(tag))) entity.tags = retagged(entity.tags);
    return changed;
  }
}

// ---- reading the real case back, in the model's terms

const commentText = (comment: { content?: { content?: { text?: string }[] }[] } | null) => comment?.content?.[0]?.content?.[0]?.text ?? null;
const richText = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const sorted = (items: readonly string[]) => [...items].sort();

/** What the model says the case holds, in the shape compared. */
function viewOf(state: State) {
  return {
    documents: Object.fromEntries([...state.documents].map(([id, document]) => [id, document.title])),
    excerpts: Object.fromEntries(
      [...state.excerpts].map(([id, excerpt]) => [id, { ...excerpt, tags: sorted(excerpt.tags) }]),
    ),
    entities: Object.fromEntries(
      [...state.entities].map(([id, entity]) => [id, { ...entity, aliases: sorted(entity.aliases), tags: sorted(entity.tags) }]),
    ),
    events: Object.fromEntries(
      [...state.events].map(([id, event]) => [id, { title: event.title, participants: sorted(event.participants), evidence: sorted(event.evidence) }]),
    ),
    tags: Object.fromEntries(state.tags),
    links: sorted([...state.links]),
    relationships: Object.fromEntries(
      [...state.relationships].map(([id, relationship]) => [id, { ...relationship, excerptIds: sorted(relationship.excerptIds) }]),
    ),
    notes: Object.fromEntries(state.notes),
    history: state.history,
  };
}

/** What the case holds, read through the queries the views use. */
async function readCase(db: CasebookDB, caseId: string): Promise<ReturnType<typeof viewOf>> {
  const [documents, excerpts, entities, events, tags, links, relationships, notes, history] = await Promise.all([
    documentRows(db, caseId),
    excerptsNewestFirst(db, caseId),
    entitiesByName(db, caseId),
    timeline(db, caseId),
    caseTags(db, caseId),
    db.links.where('caseId').equals(caseId).toArray(),
    relationshipsInCase(db, caseId),
    notesRecentFirst(db, caseId),
    recentHistory(db, caseId, 100_000),
  ]);
  return {
    documents: Object.fromEntries(documents.map((document) => [document.id, document.title])),
    excerpts: Object.fromEntries(
      excerpts.map((excerpt) => [
        excerpt.id,
        {
          documentId: excerpt.documentId,
          quote: excerpt.quote,
          comment: commentText(excerpt.comment),
          tags: sorted(excerpt.tags),
          detached: excerpt.detachedFrom !== null,
        },
      ]),
    ),
    entities: Object.fromEntries(
      entities.map((entity) => [
        entity.id,
        { name: entity.name, type: entity.type as EntityType, aliases: sorted(entity.aliases.map((alias) => alias.name)), tags: sorted(entity.tags) },
      ]),
    ),
    events: Object.fromEntries(
      events.map((event) => [event.id, { title: event.title, participants: sorted(event.participantIds), evidence: sorted(event.evidenceIds) }]),
    ),
    tags: Object.fromEntries(tags.map((tag) => [tag.id, { name: tag.name, parentId: tag.parentId }])),
    links: sorted(links.map((link) => linkKey(link.kind, refString(link.from), refString(link.to)))),
    relationships: Object.fromEntries(
      relationships.map((relationship) => [
        relationship.id,
        {
          type: relationship.type as ModelRelationship['type'],
          from: relationship.from,
          to: relationship.to,
          confidence: relationship.confidence,
          excerptIds: sorted(relationship.excerptIds),
        },
      ]),
    ),
    notes: Object.fromEntries(notes.map((note) => [note.id, note.title])),
    // Oldest first, without the case's creation.
    history: history
      .reverse()
      .slice(1)
      .map((line) => entry(line.action, line.records.map(refString), line.undoes)),
  };
}

/**
 * What must hold of the stored case whatever happened: no link points at nothing, every document keeps its original
 * file, every quote of a document is where its anchor says, and the case was last changed by the last operation that
 * wrote.
 */
async function checkInvariants(db: CasebookDB, caseId: string, stored: ReturnType<typeof viewOf>, changedAt: string): Promise<void> {
  const records = new Set([
    ...Object.keys(stored.documents).map((id) => ref('document', id)),
    ...Object.keys(stored.excerpts).map((id) => ref('excerpt', id)),
    ...Object.keys(stored.entities).map((id) => ref('entity', id)),
    ...Object.keys(stored.events).map((id) => ref('event', id)),
    ...Object.keys(stored.notes).map((id) => ref('note', id)),
  ]);
  expect(stored.links.filter((key) => !records.has(linkParts(key).from) || !records.has(linkParts(key).to)), 'links pointing at nothing').toEqual([]);
  const pointless = Object.values(stored.relationships).filter(
    (relationship) =>
      !records.has(ref('entity', relationship.from)) ||
      !records.has(ref('entity', relationship.to)) ||
      relationship.excerptIds.some((id) => !records.has(ref('excerpt', id))),
  );
  expect(pointless, 'relationships pointing at nothing').toEqual([]);
  const ids = Object.keys(stored.documents);
  const [documents, files, excerpts, caseFile] = await Promise.all([
    documentsByIds(db, ids),
    db.documentFiles.where('caseId').equals(caseId).primaryKeys(),
    excerptsNewestFirst(db, caseId),
    db.cases.get(caseId),
  ]);
  expect(sorted(files), 'each document with its original file, and no other').toEqual(sorted(ids));
  const texts = new Map(documents.map((document) => [document.id, document.text]));
  for (const excerpt of excerpts)
    if (excerpt.documentId) expect(texts.get(excerpt.documentId)?.slice(excerpt.anchor!.start, excerpt.anchor!.end)).toBe(excerpt.quote);
  expect(caseFile?.updatedAt, 'the case’s last change').toBe(changedAt);
}

// ---- failures injected into storage

type Fault = { at: number; how: 'reject' | 'abort' | 'after' } | null;

/**
 * Dexie middleware that fails the armed operation's `at`-th write request: `reject` fails the request as a full disk
 * does; `abort` aborts the whole transaction there, as the browser does when it gives up on one; `after` lets the
 * write succeed and then aborts the transaction, as when the disk fills while it commits.
 */
class FaultyStorage {
  private fault: Fault = null;
  private writes = 0;
  fired = false;

  install(db: CasebookDB): void {
    db.use({
      stack: 'dbcore',
      name: 'injected-faults',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: (request: DBCoreMutateRequest) => this.mutate(request, () => table.mutate(request)) };
        },
      }),
    });
  }

  private mutate<T>(request: DBCoreMutateRequest, write: () => Promise<T>): Promise<T> {
    if (!this.fault || ++this.writes !== this.fault.at) return write();
    this.fired = true;
    const transaction = request.trans as unknown as IDBTransaction;
    if (this.fault.how === 'after')
      return write().then((result) => {
        transaction.abort();
        return result;
      });
    if (this.fault.how === 'abort') {
      transaction.abort();
      return Promise.reject(new DOMException('The transaction was aborted.', 'AbortError'));
    }
    return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  }

  arm(fault: Fault): void {
    this.fault = fault;
    this.writes = 0;
    this.fired = false;
  }
}

// ---- the commands

interface Real {
  db: CasebookDB;
  caseId: string;
  faults: FaultyStorage;
}

/** What the model expects of one command: refused with nothing changed, or done with this state and history entry. */
type Plan =
  | { call: (real: Real) => Promise<unknown>; refused: true }
  | { call: (real: Real) => Promise<unknown>; refused: false; after: (result: unknown, state: State, seq: number) => ModelEntry | typeof QUIET | null };

/** What `after` returns for a change written without a history entry (one the last entry already tells); null: no change. */
const QUIET = 'written, without a history entry';

/** What the runs did, printed at the end: a property that passes by doing little proves little. */
const stats = { runs: 0, commands: 0, injected: 0, refused: 0, done: new Map<string, number>() };

/** Picks the n-th item (counting round), or undefined when there is none; `nths` several, each once. */
const nth = <T>(items: Iterable<T>, n: number): T | undefined => {
  const list = [...items];
  return list.length ? list[n % list.length] : undefined;
};
const nths = <T>(items: Iterable<T>, picks: readonly number[]): T[] => {
  const list = [...items];
  return list.length ? unique(picks.map((n) => list[n % list.length]!)) : [];
};
const clone = (state: State): State => structuredClone(state);
const mergedRecordsOf = ({ entities, links, relationships, events }: State): MergedRecords =>
  structuredClone({ entities, links, relationships, events });

/**
 * The commands that change no entity, link, relationship or event: after them a merge can still be undone (those
 * it wrote are as it left them).
 */
const LEAVE_MERGE_UNDOABLE = new Set(['addDocument', 'renameDocument', 'addExcerpt', 'editExcerpt', 'addTag', 'renameSomeTag', 'moveSomeTag', 'tagSomeExcerpts']);

class Step implements fc.AsyncCommand<{ state: State }, Real> {
  constructor(
    /** The command, for the counts printed at the end. */
    private readonly name: string,
    private readonly label: string,
    private readonly fault: Fault,
    private readonly plan: (state: State) => Plan | null,
  ) {}

  check(model: { state: State }): boolean {
    return this.plan(model.state) !== null;
  }

  async run(model: { state: State }, real: Real): Promise<void> {
    const plan = this.plan(model.state)!;
    const { db, caseId, faults } = real;
    stats.commands++;
    vi.setSystemTime(Date.now() + 1000);
    // Every row of every table, to compare after an operation that must change nothing.
    const before = this.fault || plan.refused ? await snapshot(db) : null;
    faults.arm(this.fault);
    let result: unknown;
    let failure: unknown = null;
    try {
      result = await plan.call(real);
    } catch (error) {
      failure = error;
    }
    const fired = faults.fired;
    faults.arm(null);
    if (fired) {
      stats.injected++;
      // All or nothing: not a row changed, and the researcher is told it was storage, and that nothing was saved.
      expect(failure, 'an injected failure must fail the operation').not.toBeNull();
      expect(describeStorageError(failure), `a storage failure explained as such, not: ${explainError(failure)}`).not.toBeNull();
      expect(await snapshot(db), 'the database after a failed write').toEqual(before);
    } else if (plan.refused) {
      if (failure === null) throw new Error(`${this.toString()}: the model expected a refusal, but it succeeded.`);
      if (!(failure instanceof ValidationError || failure instanceof NotFoundError)) throw failure;
      stats.refused++;
      expect(await snapshot(db), 'the database after a refused operation').toEqual(before);
    } else {
      if (failure !== null) throw failure;
      const next = clone(model.state);
      const seq = await lastHistorySeq(db, caseId);
      const made = plan.after(result, next, seq);
      if (made) next.changedAt = new Date().toISOString();
      if (made && made !== QUIET) {
        next.history.push(made);
        if (this.name !== 'editNote' && this.name !== 'saveNoteAgain') next.lastNoteEdit = null;
        if (made.action !== 'merge' && made.action !== 'undo' && !LEAVE_MERGE_UNDOABLE.has(this.name)) next.merge = null;
      }
      for (const id of next.entities.keys()) next.known.add(id);
      model.state = next;
      const done = made === QUIET ? `${this.name} (told by the last entry)` : this.name;
      stats.done.set(done, (stats.done.get(done) ?? 0) + 1);
    }
    const stored = await readCase(db, caseId);
    expect(stored).toEqual(viewOf(model.state));
    await checkInvariants(db, caseId, stored, model.state.changedAt);
  }

  toString(): string {
    return `${this.label}${this.fault ? ` [fail write ${this.fault.at} by ${this.fault.how}]` : ''}`;
  }
}

const TEXTS = [
  'The ferry Nordlys left the quay at dawn with the charter signed.',
  'Marta Kowal paid the harbour fee in cash on the second morning.',
  'The board met at noon and nobody asked about the missing ledger.',
];
const TITLES = ['Harbour log', 'Fee receipts', 'Board minutes'];
const ENTITY_NAMES = ['Marta Kowal', 'MARTA KOWAL', 'M. Kowal', 'Nordlys Shipping', 'Quayline', 'Ilse Maren', 'Harbour Board'];
const ENTITY_TYPES = ['person', 'organisation'] as const;
const TAG_NAMES = ['Charter', 'charter', 'Payment', 'Witness', 'Ledger'];
const COMMENTS = ['Check the date.', 'Second source needed.', 'Contradicts the minutes.'];
const EVENT_TITLES = ['Charter signed', 'Fee paid', 'Board met'];
const UNSOURCED = ['Heard at the quay', 'Said by a deckhand', 'Rumour of a second ledger'];

const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ at: fc.integer({ min: 1, max: 7 }), how: fc.constantFrom('reject' as const, 'abort' as const, 'after' as const) }) },
);
const pick = fc.nat({ max: 50 });
const picks = (max: number) => fc.array(pick, { minLength: 1, maxLength: max });
/** Words of a text long enough to quote, as they stand in it. */
const wordsOf = (text: string) => text.split(/[\s.]+/).filter((word) => word.length >= 4);

const addDocument = fc.record({ text: fc.nat({ max: TEXTS.length - 1 }), title: pick, fault }).map(
  ({ text: index, title: titleIndex, fault }) =>
    new Step('addDocument', `add document ${index}`, fault, (state) => {
      const text = TEXTS[index]!;
      const title = TITLES[titleIndex % TITLES.length]!;
      const call = ({ db, caseId }: Real) => createTextDocument(db, caseId, { title, text });
      if ([...state.documents.values()].some((document) => document.text === text)) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (result, next) => {
          const { id } = result as { id: string };
          next.documents.set(id, { title, text });
          return entry('create', [ref('document', id)]);
        },
      };
    }),
);

const addExcerpt = fc.record({ document: fc.option(pick), word: pick, tags: fc.array(pick, { maxLength: 2 }), fault }).map(
  ({ document, word, tags, fault }) =>
    new Step('addExcerpt', `add excerpt of ${document ?? 'no document'}`, fault, (state) => {
      const documentId = document === null ? null : (nth(state.documents.keys(), document) ?? null);
      const quote = documentId ? nth(wordsOf(state.documents.get(documentId)!.text), word)! : UNSOURCED[word % UNSOURCED.length]!;
      const tagIds = nths(state.tags.keys(), tags);
      return {
        call: ({ db, caseId }) => createExcerpt(db, caseId, { documentId, quote, tags: tagIds }),
        refused: false,
        after: (result, next) => {
          const { id } = result as { id: string };
          next.excerpts.set(id, { documentId, quote, comment: null, tags: tagIds, detached: false });
          return entry('create', [ref('excerpt', id)]);
        },
      };
    }),
);

const editExcerpt = fc.record({ excerpt: pick, comment: pick, quote: pick, tags: fc.array(pick, { maxLength: 2 }), fault }).map(
  ({ excerpt, comment: commentIndex, quote: quoteIndex, tags, fault }) =>
    new Step('editExcerpt', `edit excerpt ${excerpt}`, fault, (state) => {
      const id = nth(state.excerpts.keys(), excerpt);
      if (!id) return null;
      const existing = state.excerpts.get(id)!;
      // Only a quote recorded without a source is the researcher's to retype.
      const quote = existing.documentId || existing.detached ? existing.quote : UNSOURCED[quoteIndex % UNSOURCED.length]!;
      const comment = COMMENTS[commentIndex % COMMENTS.length]!;
      const tagIds = nths(state.tags.keys(), tags);
      return {
        call: ({ db }) => updateExcerpt(db, id, { documentId: existing.documentId, quote, comment: richText(comment), tags: tagIds }),
        refused: false,
        after: (_result, next) => {
          next.excerpts.set(id, { ...existing, quote, comment, tags: tagIds });
          return entry('update', [ref('excerpt', id)]);
        },
      };
    }),
);

/**
 * Deletes the n-th record of a kind whose deletion reaches no further than the links to it (`forget`): one step for
 * excerpts, entities, events and notes alike.
 */
function deleteOne<Table extends 'excerpts' | 'entities' | 'events' | 'notes'>(
  name: string,
  type: 'excerpt' | 'entity' | 'event' | 'note',
  table: Table,
) {
  return fc.record({ record: pick, fault }).map(
    ({ record, fault }) =>
      new Step(name, `delete ${type} ${record}`, fault, (state) => {
        const id = nth(state[table].keys(), record);
        if (!id) return null;
        return {
          call: ({ db }) => deleteRecord(db, { type, id }),
          refused: false,
          after: (_result, next) => {
            next[table].delete(id);
            forget(next, new Set([id]));
            return entry('delete', [ref(type, id)]);
          },
        };
      }),
  );
}

const deleteExcerpt = deleteOne('deleteExcerpt', 'excerpt', 'excerpts');

const deleteSomeExcerpts = fc.record({ excerpts: picks(3), fault }).map(
  ({ excerpts, fault }) =>
    new Step('deleteSomeExcerpts', `delete excerpts ${excerpts.join(',')}`, fault, (state) => {
      const ids = nths(state.excerpts.keys(), excerpts);
      if (!ids.length) return null;
      return {
        call: ({ db, caseId }) => deleteExcerpts(db, caseId, { excerptIds: ids }),
        refused: false,
        after: (_result, next) => {
          for (const id of ids) next.excerpts.delete(id);
          forget(next, new Set(ids));
          return entry('delete', ids.map((id) => ref('excerpt', id)));
        },
      };
    }),
);

const addEntity = fc.record({ name: pick, type: fc.constantFrom(...ENTITY_TYPES), alias: fc.option(pick), tags: fc.array(pick, { maxLength: 2 }), fault }).map(
  ({ name: nameIndex, type, alias: aliasIndex, tags, fault }) =>
    new Step('addEntity', `add ${type} ${nameIndex}`, fault, (state) => {
      const name = ENTITY_NAMES[nameIndex % ENTITY_NAMES.length]!;
      const alias = aliasIndex === null ? null : ENTITY_NAMES[aliasIndex % ENTITY_NAMES.length]!;
      const aliases = alias && entityNameKey(alias) !== entityNameKey(name) ? [alias] : [];
      const tagIds = nths(state.tags.keys(), tags);
      const call = ({ db, caseId }: Real) => createEntity(db, caseId, { name, type, aliases: alias ? [alias] : [], tags: tagIds });
      if (nameTaken(state, { name, type, aliases }, new Set())) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (result, next) => {
          const { id } = result as { id: string };
          next.entities.set(id, { name, type, aliases, tags: tagIds });
          return entry('create', [ref('entity', id)]);
        },
      };
    }),
);

const editEntity = fc
  .record({ entity: pick, name: pick, type: fc.option(fc.constantFrom(...ENTITY_TYPES)), alias: fc.oneof(fc.constant('keep' as const), fc.constant('none' as const), pick), tags: fc.option(fc.array(pick, { maxLength: 2 })), fault })
  .map(
    ({ entity, name: nameIndex, type: newType, alias: aliasChoice, tags, fault }) =>
      new Step('editEntity', `edit entity ${entity}`, fault, (state) => {
        const id = nth(state.entities.keys(), entity);
        if (!id) return null;
        const existing = state.entities.get(id)!;
        const name = ENTITY_NAMES[nameIndex % ENTITY_NAMES.length]!;
        const type = newType ?? existing.type;
        // Left out, the aliases stay (but the one that is now its name); given, they are replaced.
        const given = aliasChoice === 'keep' ? undefined : aliasChoice === 'none' ? [] : [ENTITY_NAMES[aliasChoice % ENTITY_NAMES.length]!];
        const aliases = (given ?? existing.aliases).filter((alias) => entityNameKey(alias) !== entityNameKey(name));
        const tagIds = tags === null ? undefined : nths(state.tags.keys(), tags);
        const call = ({ db }: Real) => updateEntity(db, id, { name, type, ...(given && { aliases: given }), ...(tagIds && { tags: tagIds }) });
        if (nameTaken(state, { name, type, aliases }, new Set([id]))) return { call, refused: true };
        return {
          call,
          refused: false,
          after: (_result, next) => {
            next.entities.set(id, { name, type, aliases, tags: tagIds ?? existing.tags });
            // A rename reaches the notes that mention the entity: search reads them again.
            return entry('update', [ref('entity', id), ...(existing.name !== name ? notesMentioning(next, [id]) : [])]);
          },
        };
      }),
  );

const deleteEntity = deleteOne('deleteEntity', 'entity', 'entities');

/** The ends each kind of link the test makes joins, and which event field it mirrors. */
const LINKS = {
  mentions: { from: 'excerpts', to: 'entities' },
  involves: { from: 'events', to: 'entities' },
  evidence: { from: 'events', to: 'excerpts' },
  'works-for': { from: 'entities', to: 'entities' },
} as const;
const TYPE_OF = { excerpts: 'excerpt', entities: 'entity', events: 'event' } as const;

const link = fc.record({ kind: fc.constantFrom(...(Object.keys(LINKS) as (keyof typeof LINKS)[])), from: pick, to: pick, fault }).map(
  ({ kind, from, to, fault }) =>
    new Step('link', `link ${kind} ${from}→${to}`, fault, (state) => {
      const ends = LINKS[kind];
      const fromId = nth(state[ends.from].keys(), from);
      const toId = nth(state[ends.to].keys(), to);
      if (!fromId || !toId) return null;
      const fromRef = { type: TYPE_OF[ends.from], id: fromId };
      const toRef = { type: TYPE_OF[ends.to], id: toId };
      const key = linkKey(kind, refString(fromRef), refString(toRef));
      const call = ({ db, caseId }: Real) => linkRecords(db, caseId, { from: fromRef, to: toRef, kind });
      if (state.links.has(key) || (kind === 'works-for' && fromId === toId)) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (_result, next) => {
          next.links.add(key);
          const event = kind === 'involves' || kind === 'evidence' ? next.events.get(fromId)! : null;
          if (kind === 'involves' && !event!.participants.includes(toId)) event!.participants.push(toId);
          if (kind === 'evidence' && !event!.evidence.includes(toId)) event!.evidence.push(toId);
          return entry('link', [refString(fromRef), refString(toRef)]);
        },
      };
    }),
);

const unlink = fc.record({ link: pick, fault }).map(
  ({ link, fault }) =>
    new Step('unlink', `unlink ${link}`, fault, (state) => {
      const key = nth([...state.links].filter((candidate) => linkParts(candidate).kind !== TEXT_LINK_KIND), link);
      if (!key) return null;
      const { kind, from, to, fromId, toId } = linkParts(key);
      return {
        call: async ({ db }) => {
          const found = (await db.links.where('ends').equals(fromId).toArray()).find(
            (candidate) => linkKey(candidate.kind, refString(candidate.from), refString(candidate.to)) === key,
          );
          return unlinkRecords(db, found!.id);
        },
        refused: false,
        after: (_result, next) => {
          next.links.delete(key);
          const event = next.events.get(fromId);
          if (kind === 'involves') event!.participants = event!.participants.filter((id) => id !== toId);
          if (kind === 'evidence') event!.evidence = event!.evidence.filter((id) => id !== toId);
          return entry('unlink', [from, to]);
        },
      };
    }),
);

const linkSomeExcerpts = fc.record({ excerpts: picks(3), toEvent: fc.boolean(), target: pick, fault }).map(
  ({ excerpts, toEvent, target, fault }) =>
    new Step('linkSomeExcerpts', `link excerpts ${excerpts.join(',')} to ${toEvent ? 'event' : 'entity'} ${target}`, fault, (state) => {
      const ids = nths(state.excerpts.keys(), excerpts);
      const targetId = nth((toEvent ? state.events : state.entities).keys(), target);
      if (!ids.length || !targetId) return null;
      const to = { type: toEvent ? ('event' as const) : ('entity' as const), id: targetId };
      return {
        call: ({ db, caseId }) => linkExcerpts(db, caseId, { excerptIds: ids, to }),
        refused: false,
        after: (_result, next) => {
          // An excerpt linked to the record in any way already is left as it is.
          const linked = new Set([...next.links].flatMap((key) => {
            const { fromId, toId } = linkParts(key);
            return fromId === targetId || toId === targetId ? [fromId, toId] : [];
          }));
          const added = ids.filter((id) => !linked.has(id));
          for (const id of added) {
            if (toEvent) {
              next.links.add(linkKey('evidence', ref('event', targetId), ref('excerpt', id)));
              const event = next.events.get(targetId)!;
              if (!event.evidence.includes(id)) event.evidence.push(id);
            } else next.links.add(linkKey('mentions', ref('excerpt', id), ref('entity', targetId)));
          }
          return entry('link', [refString(to), ...added.map((id) => ref('excerpt', id))]);
        },
      };
    }),
);

/** An event's fields and the links that mirror them, as writing the event leaves them. */
function writeEvent(next: State, id: string, event: ModelEvent, before: ModelEvent | null): void {
  for (const [kind, wanted, had, type] of [
    ['involves', event.participants, before?.participants ?? [], 'entity'],
    ['evidence', event.evidence, before?.evidence ?? [], 'excerpt'],
  ] as const) {
    for (const other of had) if (!wanted.includes(other)) next.links.delete(linkKey(kind, ref('event', id), ref(type, other)));
    for (const other of wanted) next.links.add(linkKey(kind, ref('event', id), ref(type, other)));
  }
  next.events.set(id, event);
}

const eventFields = { title: pick, participants: fc.array(pick, { maxLength: 3 }), evidence: fc.array(pick, { maxLength: 3 }), fault };

const addEvent = fc.record(eventFields).map(
  ({ title: titleIndex, participants, evidence, fault }) =>
    new Step('addEvent', 'add event', fault, (state) => {
      const title = EVENT_TITLES[titleIndex % EVENT_TITLES.length]!;
      const participantIds = nths(state.entities.keys(), participants);
      const evidenceIds = nths(state.excerpts.keys(), evidence);
      return {
        call: ({ db, caseId }) =>
          createEvent(db, caseId, { title, participants: participantIds.map((entityId) => ({ entityId, role: null })), evidenceIds }),
        refused: false,
        after: (result, next) => {
          const { id } = result as { id: string };
          writeEvent(next, id, { title, participants: participantIds, evidence: evidenceIds }, null);
          return entry('create', [ref('event', id)]);
        },
      };
    }),
);

const editEvent = fc.record({ event: pick, ...eventFields }).map(
  ({ event, title: titleIndex, participants, evidence, fault }) =>
    new Step('editEvent', `edit event ${event}`, fault, (state) => {
      const id = nth(state.events.keys(), event);
      if (!id) return null;
      const title = EVENT_TITLES[titleIndex % EVENT_TITLES.length]!;
      const participantIds = nths(state.entities.keys(), participants);
      const evidenceIds = nths(state.excerpts.keys(), evidence);
      return {
        call: ({ db }) => updateEvent(db, id, { title, participants: participantIds.map((entityId) => ({ entityId, role: null })), evidenceIds }),
        refused: false,
        after: (_result, next) => {
          writeEvent(next, id, { title, participants: participantIds, evidence: evidenceIds }, next.events.get(id)!);
          return entry('update', [ref('event', id)]);
        },
      };
    }),
);

const deleteEvent = deleteOne('deleteEvent', 'event', 'events');

const addTag = fc.record({ name: pick, parent: fc.option(pick), fault }).map(
  ({ name: nameIndex, parent, fault }) =>
    new Step('addTag', `add tag ${nameIndex} under ${parent ?? 'top'}`, fault, (state) => {
      const name = TAG_NAMES[nameIndex % TAG_NAMES.length]!;
      const parentId = parent === null ? null : (nth(state.tags.keys(), parent) ?? null);
      const call = ({ db, caseId }: Real) => createTag(db, caseId, { name, parentId });
      if (sibling(state.tags, parentId, name, null)) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (result, next) => {
          next.tags.set((result as { id: string }).id, { name, parentId });
          return entry('create', []);
        },
      };
    }),
);

const renameSomeTag = fc.record({ tag: pick, name: pick, fault }).map(
  ({ tag, name: nameIndex, fault }) =>
    new Step('renameSomeTag', `rename tag ${tag}`, fault, (state) => {
      const id = nth(state.tags.keys(), tag);
      if (!id) return null;
      const name = TAG_NAMES[nameIndex % TAG_NAMES.length]!;
      const call = ({ db }: Real) => renameTag(db, id, name);
      if (sibling(state.tags, state.tags.get(id)!.parentId, name, id)) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (_result, next) => {
          next.tags.get(id)!.name = name;
          return entry('update', [...next.excerpts].filter(([, excerpt]) => excerpt.tags.includes(id)).map(([excerptId]) => ref('excerpt', excerptId)));
        },
      };
    }),
);

const mergeSomeTags = fc.record({ merged: pick, kept: pick, fault }).map(
  ({ merged, kept, fault }) =>
    new Step('mergeSomeTags', `merge tag ${merged} into ${kept}`, fault, (state) => {
      const mergedId = nth(state.tags.keys(), merged);
      const keptId = nth(state.tags.keys(), kept);
      if (!mergedId || !keptId || mergedId === keptId) return null;
      const call = ({ db }: Real) => mergeTags(db, mergedId, keptId);
      const mergedTag = state.tags.get(mergedId)!;
      // A kept tag under the merged one takes its place first, unless a tag of its name is there.
      const under = descendants(state.tags, mergedId).has(keptId);
      if (under && sibling(state.tags, mergedTag.parentId, state.tags.get(keptId)!.name, mergedId)) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (_result, next) => {
          if (under) next.tags.get(keptId)!.parentId = mergedTag.parentId;
          const reshape = new Reshape(next.tags);
          reshape.mergeInto(mergedId, keptId);
          return entry('update', reshape.retag(next));
        },
      };
    }),
);

const deleteSomeTag = fc.record({ tag: pick, toParent: fc.boolean(), fault }).map(
  ({ tag, toParent, fault }) =>
    new Step('deleteSomeTag', `delete tag ${tag}${toParent ? ', its excerpts to its parent' : ''}`, fault, (state) => {
      const id = nth(state.tags.keys(), tag);
      if (!id) return null;
      const { parentId } = state.tags.get(id)!;
      const call = ({ db }: Real) => deleteTag(db, id, toParent ? 'parent' : 'remove');
      if (toParent && parentId === null) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (_result, next) => {
          const reshape = new Reshape(next.tags);
          reshape.remove(id, toParent ? parentId : null);
          reshape.moveChildren(id, parentId);
          return entry('delete', reshape.retag(next));
        },
      };
    }),
);

const tagSomeExcerpts = fc.record({ excerpts: picks(3), tag: pick, untag: fc.boolean(), fault }).map(
  ({ excerpts, tag, untag, fault }) =>
    new Step('tagSomeExcerpts', `${untag ? 'untag' : 'tag'} excerpts ${excerpts.join(',')} with ${tag}`, fault, (state) => {
      const ids = nths(state.excerpts.keys(), excerpts);
      const tagId = nth(state.tags.keys(), tag);
      if (!ids.length || !tagId) return null;
      return {
        call: ({ db, caseId }) => (untag ? untagExcerpts : tagExcerpts)(db, caseId, { excerptIds: ids, tagId }),
        refused: false,
        after: (_result, next) => {
          const changed = ids.filter((id) => next.excerpts.get(id)!.tags.includes(tagId) === untag);
          for (const id of changed) {
            const excerpt = next.excerpts.get(id)!;
            excerpt.tags = untag ? excerpt.tags.filter((other) => other !== tagId) : [...excerpt.tags, tagId];
          }
          return entry('update', changed.map((id) => ref('excerpt', id)));
        },
      };
    }),
);

const mergeSomeEntities = fc.record({ kept: pick, merged: picks(2), fault }).map(
  ({ kept, merged, fault }) =>
    new Step('mergeSomeEntities', `merge entities ${merged.join(',')} into ${kept}`, fault, (state) => {
      const keptId = nth(state.entities.keys(), kept);
      const ids = nths(state.entities.keys(), merged).filter((id) => id !== keptId);
      if (!keptId || !ids.length) return null;
      const keptEntity = state.entities.get(keptId)!;
      const others = ids.map((id) => state.entities.get(id)!);
      // Every name and alias of the merged ones the kept one lacks becomes its alias.
      const known = new Set([keptEntity.name, ...keptEntity.aliases].map(entityNameKey));
      const aliases = [...keptEntity.aliases];
      for (const name of others.flatMap((other) => [other.name, ...other.aliases]))
        if (!known.has(entityNameKey(name))) {
          known.add(entityNameKey(name));
          aliases.push(name);
        }
      const united = { ...keptEntity, aliases, tags: unique([...keptEntity.tags, ...others.flatMap((other) => other.tags)]) };
      const call = ({ db }: Real) => mergeEntities(db, keptId, ids);
      if (nameTaken(state, united, new Set([keptId, ...ids]))) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (_result, next, seq) => {
          const before = mergedRecordsOf(next);
          const mentioning = notesMentioning(next, ids);
          const gone = new Set(ids);
          const moved = (end: string) => (gone.has(end.split(':')[1]!) ? ref('entity', keptId) : end);
          const touched = [...next.links].filter((key) => gone.has(linkParts(key).fromId) || gone.has(linkParts(key).toId));
          for (const key of touched) next.links.delete(key);
          for (const key of touched) {
            const { kind, from, to } = linkParts(key);
            // A link that would join the kept entity to itself goes; one saying what another says is one link.
            if (moved(from) !== moved(to)) next.links.add(linkKey(kind, moved(from), moved(to)));
          }
          for (const event of next.events.values()) event.participants = unique(event.participants.map((id) => (gone.has(id) ? keptId : id)));
          mergeRelationships(next, gone, keptId);
          for (const id of ids) next.entities.delete(id);
          next.entities.set(keptId, united);
          next.merge = { seq, entities: [keptId, ...ids], before, undone: false };
          for (const id of ids) next.redirects.set(id, keptId);
          return entry('merge', [...[keptId, ...ids].map((id) => ref('entity', id)), ...mentioning]);
        },
      };
    }),
);

/** The surer of two confidences. */
const surer = (a: Confidence, b: Confidence) => (CONFIDENCES.indexOf(a) <= CONFIDENCES.indexOf(b) ? a : b);

/** Whether two relationships say the same: same type and ends, either way round for a symmetric type. */
const sameRelationship = (a: ModelRelationship, b: ModelRelationship) =>
  a.type === b.type && ((a.from === b.from && a.to === b.to) || (a.type === 'contacted' && a.from === b.to && a.to === b.from));

/**
 * The relationships of merged entities, in the order they were made: re-pointed to the kept one; gone when they
 * would join it to itself; collapsed into one saying the same, which takes their support and the surer confidence.
 */
function mergeRelationships(next: State, gone: ReadonlySet<string>, keptId: string): void {
  const touched = [...next.relationships].filter(([, relationship]) => gone.has(relationship.from) || gone.has(relationship.to));
  const survivors = new Map([...next.relationships].filter(([id]) => !touched.some(([touchedId]) => touchedId === id)));
  for (const [id, relationship] of touched) {
    next.relationships.delete(id);
    const moved = { ...relationship, from: gone.has(relationship.from) ? keptId : relationship.from, to: gone.has(relationship.to) ? keptId : relationship.to };
    if (moved.from === moved.to) continue;
    const same = [...survivors].find(([, other]) => sameRelationship(other, moved));
    if (!same) {
      survivors.set(id, moved);
      next.relationships.set(id, moved);
      continue;
    }
    const [survivorId, survivor] = same;
    const collapsed = { ...survivor, confidence: surer(survivor.confidence, moved.confidence), excerptIds: unique([...survivor.excerptIds, ...moved.excerptIds]) };
    survivors.set(survivorId, collapsed);
    next.relationships.set(survivorId, collapsed);
  }
}

const undoLastMerge = fault.map(
  (fault) =>
    new Step('undoLastMerge', 'undo the merge', fault, (state) => {
      const merge = state.merge;
      if (!merge) return null;
      const call = ({ db }: Real) => undoMerge(db, merge.seq);
      if (merge.undone) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (_result, next) => {
          // Entities, links, relationships and events as before the merge; documents, excerpts and tags as they are.
          Object.assign(next, structuredClone(merge.before));
          next.merge = { ...merge, undone: true };
          const [, ...mergedIds] = merge.entities;
          for (const id of mergedIds) next.redirects.delete(id);
          return entry('undo', [...merge.entities.map((id) => ref('entity', id)), ...notesMentioning(next, mergedIds)], merge.seq);
        },
      };
    }),
);

const deleteDocument = fc.record({ document: pick, detach: fc.boolean(), fault }).map(
  ({ document, detach, fault }) =>
    new Step('deleteDocument', `delete document ${document}${detach ? ', keeping its excerpts' : ''}`, fault, (state) => {
      const id = nth(state.documents.keys(), document);
      if (!id) return null;
      return {
        call: ({ db }) => deleteRecord(db, { type: 'document', id }, { excerpts: detach ? 'detach' : 'delete' }),
        refused: false,
        after: (_result, next) => {
          const quoting = [...next.excerpts].filter(([, excerpt]) => excerpt.documentId === id).map(([excerptId]) => excerptId);
          next.documents.delete(id);
          if (detach) for (const excerptId of quoting) next.excerpts.set(excerptId, { ...next.excerpts.get(excerptId)!, documentId: null, detached: true });
          else for (const excerptId of quoting) next.excerpts.delete(excerptId);
          forget(next, new Set([id, ...(detach ? [] : quoting)]));
          return entry('delete', [ref('document', id), ...(detach ? quoting.map((excerptId) => ref('excerpt', excerptId)) : [])]);
        },
      };
    }),
);

const addRelationship = fc
  .record({ from: pick, to: pick, type: fc.constantFrom('works-for' as const, 'contacted' as const), confidence: fc.constantFrom(...CONFIDENCES), support: fc.array(pick, { maxLength: 2 }), fault })
  .map(
    ({ from, to, type, confidence, support, fault }) =>
      new Step('addRelationship', `relate ${from} ${type} ${to}`, fault, (state) => {
        const fromId = nth(state.entities.keys(), from);
        const toId = nth(state.entities.keys(), to);
        if (!fromId || !toId) return null;
        const excerptIds = nths(state.excerpts.keys(), support);
        const relationship: ModelRelationship = { type, from: fromId, to: toId, confidence, excerptIds };
        const call = ({ db, caseId }: Real) => createRelationship(db, caseId, { from: fromId, to: toId, type, confidence, excerptIds });
        if (fromId === toId || [...state.relationships.values()].some((other) => sameRelationship(other, relationship))) return { call, refused: true };
        return {
          call,
          refused: false,
          after: (result, next) => {
            next.relationships.set((result as { id: string }).id, relationship);
            return entry('link', [ref('entity', fromId), ref('entity', toId)]);
          },
        };
      }),
  );

const deleteSomeRelationship = fc.record({ relationship: pick, fault }).map(
  ({ relationship, fault }) =>
    new Step('deleteSomeRelationship', `delete relationship ${relationship}`, fault, (state) => {
      const id = nth(state.relationships.keys(), relationship);
      if (!id) return null;
      const { from, to } = state.relationships.get(id)!;
      return {
        call: ({ db }) => deleteRelationship(db, id),
        refused: false,
        after: (_result, next) => {
          next.relationships.delete(id);
          return entry('unlink', [ref('entity', from), ref('entity', to)]);
        },
      };
    }),
);

const moveSomeTag = fc.record({ tag: pick, parent: fc.option(pick), fault }).map(
  ({ tag, parent, fault }) =>
    new Step('moveSomeTag', `move tag ${tag} under ${parent ?? 'top'}`, fault, (state) => {
      const id = nth(state.tags.keys(), tag);
      if (!id) return null;
      const parentId = parent === null ? null : (nth(state.tags.keys(), parent) ?? null);
      const call = ({ db }: Real) => moveTag(db, id, parentId);
      // No tag goes under itself or its own sub-tags, nor beside one of its name.
      if ((parentId && descendants(state.tags, id).has(parentId)) || sibling(state.tags, parentId, state.tags.get(id)!.name, id))
        return { call, refused: true };
      return {
        call,
        refused: false,
        after: (_result, next) => {
          next.tags.get(id)!.parentId = parentId;
          return entry('update', []);
        },
      };
    }),
);

const markMentioning = fc.record({ document: pick, word: pick, entity: pick, fault }).map(
  ({ document, word, entity, fault }) =>
    new Step('markMentioning', `mark excerpt of ${document} mentioning ${entity}`, fault, (state) => {
      const documentId = nth(state.documents.keys(), document);
      const entityId = nth(state.entities.keys(), entity);
      if (!documentId || !entityId) return null;
      const quote = nth(wordsOf(state.documents.get(documentId)!.text), word)!;
      return {
        call: ({ db, caseId }) => markExcerptMentioning(db, caseId, { documentId, quote }, entityId),
        refused: false,
        after: (result, next) => {
          const { id } = (result as { excerpt: { id: string } }).excerpt;
          next.excerpts.set(id, { documentId, quote, comment: null, tags: [], detached: false });
          next.links.add(linkKey('mentions', ref('excerpt', id), ref('entity', entityId)));
          return entry('create', [ref('excerpt', id), ref('entity', entityId)]);
        },
      };
    }),
);

const addEntities = fc.record({ names: fc.array(pick, { minLength: 1, maxLength: 3 }), type: fc.constantFrom(...ENTITY_TYPES), fault }).map(
  ({ names: nameIndexes, type, fault }) =>
    new Step('addEntities', `add ${nameIndexes.length} ${type}s`, fault, (state) => {
      const names = nameIndexes.map((index) => ENTITY_NAMES[index % ENTITY_NAMES.length]!);
      const call = ({ db, caseId }: Real) => createEntities(db, caseId, names.map((name) => ({ name, type })));
      // The whole list is refused if one name is taken, or is in the list twice.
      const twice = new Set(names.map(entityNameKey)).size < names.length;
      if (twice || names.some((name) => nameTaken(state, { name, type, aliases: [] }, new Set()))) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (result, next) => {
          const made = result as { id: string; name: string }[];
          for (const entity of made) next.entities.set(entity.id, { name: entity.name, type, aliases: [], tags: [] });
          expect(made.map((entity) => entity.name)).toEqual(names);
          return entry('create', made.map((entity) => ref('entity', entity.id)));
        },
      };
    }),
);

const renameDocument = fc.record({ document: pick, title: pick, fault }).map(
  ({ document, title: titleIndex, fault }) =>
    new Step('renameDocument', `rename document ${document}`, fault, (state) => {
      const id = nth(state.documents.keys(), document);
      if (!id) return null;
      const title = TITLES[titleIndex % TITLES.length]!;
      return {
        call: ({ db }) => updateDocumentMetadata(db, id, { title }),
        refused: false,
        after: (_result, next) => {
          // A title left as it was is no change: nothing written, no history.
          if (next.documents.get(id)!.title === title) return null;
          next.documents.get(id)!.title = title;
          return entry('update', [ref('document', id)]);
        },
      };
    }),
);

const splitSomeAlias = fc.record({ entity: pick, alias: pick, fault }).map(
  ({ entity, alias, fault }) =>
    new Step('splitSomeAlias', `split alias ${alias} off entity ${entity}`, fault, (state) => {
      const id = nth([...state.entities.keys()].filter((candidate) => state.entities.get(candidate)!.aliases.length), entity);
      if (!id) return null;
      const source = state.entities.get(id)!;
      const name = nth(source.aliases, alias)!;
      const call = ({ db }: Real) => splitAlias(db, id, name);
      if (nameTaken(state, { name, type: source.type, aliases: [] }, new Set([id]))) return { call, refused: true };
      return {
        call,
        refused: false,
        after: (result, next) => {
          const splitId = (result as { id: string }).id;
          next.entities.set(id, { ...source, aliases: source.aliases.filter((other) => other !== name) });
          next.entities.set(splitId, { name, type: source.type, aliases: [], tags: [] });
          return entry('create', [ref('entity', id), ref('entity', splitId)]);
        },
      };
    }),
);

/** The entity a mention stands for now: itself, or the entity it was merged into (through any chain); null if gone. */
function mentioned(state: State, id: string): string | null {
  const seen = new Set<string>();
  let current = id;
  while (!state.entities.has(current) && state.redirects.has(current) && !seen.has(current)) {
    seen.add(current);
    current = state.redirects.get(current)!;
  }
  return state.entities.has(current) ? current : null;
}

const mentionsOf = (state: State, ids: readonly string[]) => ({
  type: 'doc' as const,
  content: [
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Ask about ' }, ...ids.map((id) => ({ type: RECORD_LINK_NODE, attrs: { type: 'entity', id, label: state.entities.get(id)?.name ?? 'someone', as: 'mention' } }))],
    },
  ],
});

/** A note's mentions as its links: one `text-mention` link to each entity they stand for now, and no other. */
function mentionLinks(next: State, noteId: string, ids: readonly string[]): void {
  for (const key of next.links) if (linkParts(key).kind === TEXT_LINK_KIND && linkParts(key).fromId === noteId) next.links.delete(key);
  for (const id of ids) {
    const entityId = mentioned(next, id);
    if (entityId) next.links.add(linkKey(TEXT_LINK_KIND, ref('note', noteId), ref('entity', entityId)));
  }
}

/** Saves of one note under one title closer together than this are told by one history entry (domain/notes.ts). */
const ONE_EDIT_MS = 10 * 60_000;

const NOTE_TITLES = ['Open questions', 'Who paid?', 'Timeline gaps'];

const addNote = fc.record({ title: pick, mentions: fc.array(pick, { maxLength: 3 }), fault }).map(
  ({ title: titleIndex, mentions, fault }) =>
    new Step('addNote', `write note mentioning ${mentions.join(',')}`, fault, (state) => {
      const title = NOTE_TITLES[titleIndex % NOTE_TITLES.length]!;
      const ids = nths(state.known, mentions);
      return {
        call: ({ db, caseId }) => createNote(db, caseId, { title, body: mentionsOf(state, ids) }),
        refused: false,
        after: (result, next) => {
          const { id } = result as { id: string };
          next.notes.set(id, title);
          mentionLinks(next, id, ids);
          return entry('create', [ref('note', id)]);
        },
      };
    }),
);

const deleteNote = deleteOne('deleteNote', 'note', 'notes');

/** Saves a note with a title and mentions: through `note` (the n-th note), or the note whose edit the last entry tells. */
function noteSave(name: string, which: (state: State, note: number) => string | undefined) {
  return fc.record({ note: pick, title: pick, mentions: fc.array(pick, { maxLength: 3 }), fault }).map(
    ({ note, title: titleIndex, mentions, fault }) =>
      new Step(name, `save note ${note} mentioning ${mentions.join(',')}`, fault, (state) => {
        const id = which(state, note);
        if (!id) return null;
        const title = name === 'saveNoteAgain' ? state.notes.get(id)! : NOTE_TITLES[titleIndex % NOTE_TITLES.length]!;
        // Entities merged away or deleted too: a text keeps mentioning them.
        const ids = nths(state.known, mentions);
        return {
          call: ({ db }) => updateNote(db, id, { title, body: mentionsOf(state, ids) }),
          refused: false,
          after: (_result, next) => {
            next.notes.set(id, title);
            mentionLinks(next, id, ids);
            const at = Date.now();
            const last = next.lastNoteEdit;
            if (last && last.id === id && last.title === title && at - last.at < ONE_EDIT_MS) return QUIET;
            next.lastNoteEdit = { id, title, at };
            return entry('update', [ref('note', id)]);
          },
        };
      }),
  );
}

const editNote = noteSave('editNote', (state, note) => nth(state.notes.keys(), note));
/** The note saved again, as autosave does while the researcher types. */
const saveNoteAgain = noteSave('saveNoteAgain', (state) => (state.lastNoteEdit && state.notes.has(state.lastNoteEdit.id) ? state.lastNoteEdit.id : undefined));

/** Time passes: the next save of a note is a new edit in the history. */
class Later implements fc.AsyncCommand<{ state: State }, Real> {
  check = () => true;
  async run(): Promise<void> {
    vi.setSystemTime(Date.now() + ONE_EDIT_MS);
  }
  toString = () => 'ten minutes later';
}

/** The commands that make records from nothing: each run starts with some, for the others to work on. */
const MAKING = [addDocument, addExcerpt, addEntity, addEntities, addEvent, addTag, addRelationship, addNote];

/** Every command, those that make records more often: most of the others need records to work on. */
const COMMANDS = [
  ...[addDocument, addExcerpt, addEntity, addEvent, addTag].flatMap((command) => [command, command]),
  editExcerpt,
  deleteExcerpt,
  deleteSomeExcerpts,
  editEntity,
  deleteEntity,
  link,
  link,
  link,
  unlink,
  linkSomeExcerpts,
  editEvent,
  deleteEvent,
  renameSomeTag,
  mergeSomeTags,
  deleteSomeTag,
  tagSomeExcerpts,
  // An undo runs only after a merge (and is skipped otherwise): often drawn, it gets to run.
  ...[mergeSomeEntities, mergeSomeEntities, mergeSomeEntities].flatMap((command) => [command, undoLastMerge, undoLastMerge, undoLastMerge]),
  deleteDocument,
  addRelationship,
  addRelationship,
  deleteSomeRelationship,
  moveSomeTag,
  markMentioning,
  addEntities,
  renameDocument,
  splitSomeAlias,
  addNote,
  deleteNote,
  editNote,
  editNote,
  saveNoteAgain,
  saveNoteAgain,
  fc.constant(new Later()),
];

describe('the domain layer against a model of the case, with storage failing at random writes', () => {
  // One database for every run, emptied before each: opening one (twelve schema versions) costs more than a run.
  const db = freshDatabase();
  const faults = new FaultyStorage();
  faults.install(db);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2024-05-01T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await db.delete();
    console.log(
      `domain model: ${stats.runs} runs, ${stats.commands} commands, ${stats.injected} failures injected, ${stats.refused} refusals, all or nothing held`,
    );
    console.log(`domain model, operations done: ${[...stats.done].map(([name, count]) => `${name} ${count}`).join(', ')}`);
  });

  it('keeps every operation all or nothing, and the history true to what happened', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(MAKING, { maxCommands: 12, size: 'max' }), fc.commands(COMMANDS, { maxCommands: 40, size: 'max' }), async (making, commands) => {
        stats.runs++;
        await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
        const caseFile = await createCase(db, { name: 'Harbour charter' });
        const setup = { model: { state: emptyState(caseFile.updatedAt) }, real: { db, caseId: caseFile.id, faults } };
        await fc.asyncModelRun(() => setup, making);
        await fc.asyncModelRun(() => setup, commands);
      }),
      { numRuns: 100 },
    );
    recordAttackFigure('domain operations checked', stats.commands, 'domain model');
  }, 300_000);
});
