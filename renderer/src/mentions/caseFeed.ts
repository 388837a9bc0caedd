/**
 * One open case's mentions fed from the database, in the mentions worker: built from every document's text and every
 * entity's name and aliases, read in slices by the worker's own connection (so 50 MB of text never passes through
 * the page), then kept current from the keys of the records the page says changed. A changed document is scanned
 * again alone, and only when its text changed; an entity's names are compared with those it had, and only the names
 * added or taken away are looked for or dropped.
 */
import type { CaseDocument, Entity } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { CaseMentions } from './caseMentions';
import { textFingerprint } from './fingerprint';
import type { MentionName } from './names';
import type { MentionsStatus } from './protocol';

/** Documents read (and scanned) at a time while building: a few MB of text, a message's worth between yields. */
const READ_BATCH = 50;

/** The names an entity gives: its name and its aliases, with its type (identifiers take no endings). */
export function namesOfEntity(entity: Pick<Entity, 'id' | 'name' | 'type' | 'aliases'>): MentionName[] {
  const names = [entity.name, ...entity.aliases.map((alias) => alias.name)];
  return [...new Set(names)].map((name) => ({ entityId: entity.id, name, entityType: entity.type as MentionName['entityType'] }));
}

const nameKey = (name: MentionName) => `${name.entityType ?? ''}\u0000${name.name}`;

export class CaseFeed {
  readonly mentions = new CaseMentions();
  status: MentionsStatus = { state: 'building', done: 0, total: 0 };
  /** Counts each change of the case's mentions. */
  version = 0;
  private readonly names = new Map<string, MentionName[]>();
  private readonly texts = new Map<string, number>();
  private readonly pending = new Set<string>();
  private work: Promise<void>;
  private closed = false;

  constructor(
    private readonly db: CasebookDB,
    readonly caseId: string,
    /** Called when the status or the mentions change. */
    private readonly changed: () => void,
  ) {
    this.work = this.build().catch((error: unknown) => {
      this.status = { state: 'failed', message: `The mentions of this case could not be found: ${error instanceof Error ? error.message : String(error)}` };
      this.changed();
    });
  }

  /** Takes in the keys ("document:…", "entity:…") of records written since; others are ignored. */
  enqueue(keys: readonly string[]): void {
    let any = false;
    for (const key of keys)
      if (key.startsWith('document:') || key.startsWith('entity:')) {
        this.pending.add(key);
        any = true;
      }
    if (any) this.work = this.work.then(() => this.drain());
  }

  /** Resolves once the build and every change taken in so far are applied. */
  async settled(): Promise<void> {
    let seen: Promise<void> | null = null;
    while (seen !== this.work) {
      seen = this.work;
      await seen;
    }
  }

  close(): void {
    this.closed = true;
  }

  private async build(): Promise<void> {
    const { db, caseId } = this;
    const entities = await db.entities.where('caseId').equals(caseId).toArray();
    const names: MentionName[] = [];
    for (const entity of entities) {
      const given = namesOfEntity(entity);
      this.names.set(entity.id, given);
      names.push(...given);
    }
    this.mentions.addNames(names);
    const ids = (await db.documents.where('caseId').equals(caseId).primaryKeys()) as string[];
    this.status = { state: 'building', done: 0, total: ids.length };
    this.changed();
    const read = (start: number) => (start < ids.length ? db.documents.bulkGet(ids.slice(start, start + READ_BATCH)) : null);
    // The next slice is read while this one is scanned: IndexedDB answers from its own thread.
    let next = read(0);
    for (let start = 0; next && !this.closed; start += READ_BATCH) {
      const documents = await next;
      next = read(start + READ_BATCH);
      for (const document of documents) if (document?.caseId === caseId) this.putDocument(document);
      this.status = { state: 'building', done: Math.min(ids.length, start + READ_BATCH), total: ids.length };
      this.version++;
      this.changed();
    }
    this.status = { state: 'ready' };
    this.version++;
    this.changed();
  }

  private putDocument(document: CaseDocument): boolean {
    const fingerprint = textFingerprint(document.text);
    if (this.texts.get(document.id) === fingerprint) return false;
    this.texts.set(document.id, fingerprint);
    this.mentions.putDocument(document.id, document.text);
    return true;
  }

  /** Reads the records named since and applies what changed in their names and texts. */
  private async drain(): Promise<void> {
    if (this.closed || this.pending.size === 0) return;
    const keys = [...this.pending];
    this.pending.clear();
    const documentIds = keys.filter((key) => key.startsWith('document:')).map((key) => key.slice('document:'.length));
    const entityIds = keys.filter((key) => key.startsWith('entity:')).map((key) => key.slice('entity:'.length));
    const [documents, entities] = await Promise.all([this.db.documents.bulkGet(documentIds), this.db.entities.bulkGet(entityIds)]);
    if (this.closed) return;
    const removed: MentionName[] = [];
    const added: MentionName[] = [];
    entityIds.forEach((entityId, at) => {
      const entity = entities[at];
      const before = this.names.get(entityId) ?? [];
      const after = entity?.caseId === this.caseId ? namesOfEntity(entity) : [];
      const had = new Set(before.map(nameKey));
      const has = new Set(after.map(nameKey));
      removed.push(...before.filter((name) => !has.has(nameKey(name))));
      added.push(...after.filter((name) => !had.has(nameKey(name))));
      if (after.length) this.names.set(entityId, after);
      else this.names.delete(entityId);
    });
    if (removed.length) this.mentions.removeNames(removed);
    if (added.length) this.mentions.addNames(added);
    let changed = removed.length > 0 || added.length > 0;
    documentIds.forEach((documentId, at) => {
      const document = documents[at];
      if (document?.caseId === this.caseId) changed = this.putDocument(document) || changed;
      else if (this.texts.delete(documentId)) {
        this.mentions.removeDocument(documentId);
        changed = true;
      }
    });
    if (changed) {
      this.version++;
      this.changed();
    }
  }
}
