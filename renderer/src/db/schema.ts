import Dexie, { type ChromeTransactionDurability, type Table, type Transaction } from 'dexie';
import type {
  Alias,
  Attachment,
  CaseDocument,
  CaseEntityType,
  CaseFile,
  CaseRelationshipType,
  ChartLayout,
  DismissedSuggestion,
  DocumentFile,
  DocumentVersion,
  Entity,
  Excerpt,
  HistoryEntry,
  Link,
  Note,
  NoteFolder,
  PartialDate,
  RecognisedPage,
  Relationship,
  Tag,
  TimelineEvent,
} from '../../../shared/domain';
import { entityNameKey } from '../../../shared/entities';
import { nextTagColour, tagNameKey } from '../../../shared/codebook';
import { eventSortKey } from '../../../shared/eventOrder';
import type { StoredReportOptions } from '../report/options';

/**
 * One version of the database's shape. Dexie applies them in order: a database written by an older version is
 * upgraded step by step, each step's `upgrade` rewriting the rows it must. Never edit a released version: add one.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}

/** The whole schema history, oldest first. Each new version arrives with its test in `migrations.test.ts`. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Case files; nameKey is unique so two cases cannot share a name.
      cases: 'id, &nameKey, updatedAt',
      // Document metadata and extracted text, listed by import time; sha256 finds duplicates within a case.
      documents: 'id, caseId, [caseId+importedAt], [caseId+sha256], [caseId+kind]',
      // The original bytes, apart from `documents` so that lists never load them.
      documentFiles: 'id, caseId',
      // Quotes from documents, by document and by time of marking.
      excerpts: 'id, caseId, documentId, [caseId+createdAt], *tags',
      // People, organisations, places...; listed by name, filtered by type, found by alias.
      entities: 'id, caseId, [caseId+nameKey], [caseId+type], *aliases',
      // The timeline, in date order.
      events: 'id, caseId, [caseId+sortKey]',
      // Typed edges between two records; `ends` holds both ids, so "what is linked to X?" is one query.
      links: 'id, caseId, *ends, [caseId+kind]',
      // Free notes, most recently edited first.
      notes: 'id, caseId, [caseId+updatedAt]',
      // The change history, in the order it happened.
      history: '++seq, caseId, [caseId+seq]',
    },
  },
  {
    // Documents learn where they came from in detail (site, charset, PDF pages, text layer, import warnings).
    version: 2,
    stores: {},
    upgrade: async (transaction) => {
      await transaction
        .table<CaseDocument, string>('documents')
        .toCollection()
        .modify((document) => {
          document.siteName ??= null;
          document.charset ??= document.kind === 'text' ? 'utf-8' : null;
          document.pages ??= null;
          document.pageCount ??= null;
          document.textLayer ??= true;
          document.warnings ??= [];
        });
    },
  },
  {
    // Each case's search index, saved so that opening a big case does not rebuild it (see renderer/src/search/).
    version: 3,
    stores: {
      searchIndexes: 'caseId',
    },
  },
  {
    // Text recognised from page images (OCR): documents say whether theirs was (`ocr`), and are found by language
    // (recognition proposes the case's usual one) without loading their text; each recognised page's words and their
    // boxes live in a table of their own, read only by the reader's Pages view.
    version: 4,
    stores: {
      documents: 'id, caseId, [caseId+importedAt], [caseId+sha256], [caseId+kind], [caseId+language]',
      recognisedPages: 'id, caseId, documentId',
    },
    upgrade: async (transaction) => {
      await transaction
        .table<CaseDocument, string>('documents')
        .toCollection()
        .modify((document) => {
          document.ocr ??= null;
        });
    },
  },
  {
    // Site text is removed at import and can be put back: documents say which lines of the text as extracted were
    // removed (cleanup) and which version of their text is current; the earlier texts are kept so a clean-up can be
    // undone (see domain/documentCleanup.ts).
    version: 5,
    stores: {
      // Earlier texts of a document, numbered from 1 (as extracted); apart from `documents`, which lists stay light.
      documentVersions: 'id, caseId, [documentId+number]',
    },
    upgrade: async (transaction) => {
      await transaction
        .table<CaseDocument, string>('documents')
        .toCollection()
        .modify((document) => {
          document.cleanup ??= null;
          document.textVersion ??= 1;
        });
    },
  },
  {
    // The evidence layer (issue 8): the case's codebook of nested tags, and excerpts that say when their quote can no
    // longer be found in their document (orphaned) or outlived their document as a detached quote with its citation.
    version: 6,
    stores: {
      // A case's tags, listed by case and found under their parent.
      tags: 'id, caseId, [caseId+parentId]',
    },
    upgrade: async (transaction) => {
      await transaction
        .table<Excerpt, string>('excerpts')
        .toCollection()
        .modify((excerpt) => {
          excerpt.orphaned ??= false;
          excerpt.detachedFrom ??= null;
        });
    },
  },
  {
    // Excerpts are coded with the case's codebook: the tag names they held become tags (one per name per case, case
    // and accents folded, at the top of the codebook, coloured in turn), and their `tags` those tags' ids.
    version: 7,
    stores: {},
    upgrade: async (transaction) => {
      const now = new Date().toISOString();
      const tagsByCase = new Map<string, Map<string, Tag>>();
      const tagFor = (caseId: string, name: string): Tag => {
        let codebook = tagsByCase.get(caseId);
        if (!codebook) tagsByCase.set(caseId, (codebook = new Map()));
        const nameKey = tagNameKey(name);
        let tag = codebook.get(nameKey);
        if (!tag) {
          const clean = name.normalize('NFC').trim().replace(/\s+/g, ' ');
          tag = {
            id: crypto.randomUUID(), caseId, parentId: null, name: clean, nameKey, colour: nextTagColour(codebook.size),
            description: '', createdAt: now, updatedAt: now,
          };
          codebook.set(nameKey, tag);
        }
        return tag;
      };
      await transaction
        .table<Excerpt, string>('excerpts')
        .toCollection()
        .modify((excerpt) => {
          const names = (excerpt.tags ?? []).filter((name) => typeof name === 'string' && name.trim());
          excerpt.tags = [...new Set(names.map((name) => tagFor(excerpt.caseId, name).id))];
        });
      await transaction.table<Tag, string>('tags').bulkAdd([...tagsByCase.values()].flatMap((codebook) => [...codebook.values()]));
    },
  },
  {
    // Entities (issue 9): aliases remember where they came from (typed, a suggestion accepted, a merge) and are found
    // by their folded names; entities get dated attributes, codebook tags, and types of the case's own; typed, dated
    // relationships between entities; the suggestions a researcher dismissed; the link chart's arrangement.
    version: 8,
    stores: {
      // Found by alias through the folded names (`*aliases` indexed names as typed; aliases are objects now), and by tag.
      entities: 'id, caseId, [caseId+nameKey], [caseId+type], *aliasKeys, *tags',
      // The case's own entity types; the unique key keeps two of one name out of a case.
      entityTypes: 'id, caseId, &[caseId+nameKey]',
      // The case's own relationship types, each with its inverse label.
      relationshipTypes: 'id, caseId, &[caseId+labelKey]',
      // Relationships are a table of their own, not links with attributes: they hold dates, a confidence, supporting
      // excerpts and a note that no other link has, their types include the case's own (links' kinds are a fixed
      // vocabulary whose allowed ends the app checks), they join entities only, and the link chart reads them alone.
      // `ends` holds both entities, so "the relationships of X" is one query, as for links; `excerptIds` finds what an
      // excerpt supports, so deleting it leaves no relationship pointing at nothing (domain/deletion.ts).
      relationships: 'id, caseId, *ends, [caseId+type], *excerptIds',
      // Suggestions turned down, one per name (folded) and type per case: the key makes dismissing twice harmless.
      dismissedSuggestions: '[caseId+key+type], caseId',
      // One arrangement of the link chart per case.
      chartLayouts: 'caseId',
    },
    upgrade: async (transaction) => {
      await transaction
        .table<Entity, string>('entities')
        .toCollection()
        .modify((entity) => {
          // Each alias once whatever its case and spacing, and none that is the entity's own name, as the domain now keeps them.
          const seen = new Set([entityNameKey(entity.name)]);
          const typed = (entity.aliases ?? []) as unknown as (string | Alias)[];
          entity.aliases = typed
            .map((alias) => (typeof alias === 'string' ? { name: alias, origin: 'typed' as const } : alias))
            .filter((alias) => {
              const key = entityNameKey(alias.name);
              if (!key || seen.has(key)) return false;
              seen.add(key);
              return true;
            });
          entity.aliasKeys = entity.aliases.map((alias) => entityNameKey(alias.name));
          entity.attributes ??= [];
          entity.tags ??= [];
        });
    },
  },
  {
    // Events (issue 10): a date that may be a range with qualifiers, or none ("undated"); a place, participants with
    // roles, evidence excerpts, tags, a confidence, a status, and the events marked as the same happening. The links an
    // event already had become its fields (the domain keeps the two in step from now on): "involves" its
    // participants, "evidence" to excerpts its evidence, its first "located in" a place its place.
    version: 9,
    stores: {
      // The timeline in order (the sort key ends with the creation time, so ties keep their order and undated events
      // come last); the events of an entity, of an excerpt, of a tag and of a place, and those marked the same, are
      // each one query.
      events: 'id, caseId, [caseId+sortKey], *participantIds, *evidenceIds, *tags, placeId, sameAs',
    },
    upgrade: async (transaction) => {
      const links = await transaction.table<Link, string>('links').toArray();
      const entities = await transaction.table<Entity, string>('entities').toArray();
      const places = new Set(entities.filter((entity) => entity.type === 'place').map((entity) => entity.id));
      const byEvent = new Map<string, Link[]>();
      for (const link of links)
        if (link.from.type === 'event') byEvent.set(link.from.id, [...(byEvent.get(link.from.id) ?? []), link]);
      await transaction
        .table<TimelineEvent, string>('events')
        .toCollection()
        .modify((event) => {
          const own = (byEvent.get(event.id) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
          const old = event as unknown as { start: PartialDate; end: PartialDate | null };
          event.start = { ...old.start, qualifier: null };
          event.end = old.end ? { ...old.end, qualifier: null } : null;
          event.sortKey = eventSortKey(event.start, event.createdAt);
          event.participants = [...new Set(own.filter((link) => link.kind === 'involves' && link.to.type === 'entity').map((link) => link.to.id))].map(
            (entityId) => ({ entityId, role: null }),
          );
          event.participantIds = event.participants.map((participant) => participant.entityId);
          event.evidenceIds = [...new Set(own.filter((link) => link.kind === 'evidence' && link.to.type === 'excerpt').map((link) => link.to.id))];
          event.placeId = own.find((link) => link.kind === 'located-in' && places.has(link.to.id))?.to.id ?? null;
          event.tags ??= [];
          event.confidence ??= 'unverified';
          event.status ??= 'unverified';
          event.sameAs ??= null;
        });
    },
  },
  {
    // Cases read typed dates in a locale of their own (issue 10); the cases made before follow the computer.
    version: 10,
    stores: {},
    upgrade: async (transaction) => {
      await transaction
        .table<CaseFile, string>('cases')
        .toCollection()
        .modify((caseFile) => {
          caseFile.locale ??= null;
        });
    },
  },
  {
    // Notes in a tree (issue 11): folders that nest, an order of their own within each folder, a pinned case summary;
    // images pasted into notes kept in the case. The notes written before stand at the top level, in the order they
    // were listed (most recently edited first), none pinned.
    version: 11,
    stores: {
      // The case's note folders, each under its parent (null at the top level), ordered by `position`.
      noteFolders: 'id, caseId',
      // Files kept for notes (pasted images), apart from `notes` so that listing notes never loads them; found by note.
      attachments: 'id, caseId, noteId',
    },
    // The upgrade loads on its own (Dexie.waitFor keeps the transaction open meanwhile): only a database written
    // before version 11 needs it, so it is not part of what every start loads.
    upgrade: async (transaction) => {
      const { placeNotesInTree } = await Dexie.waitFor(import('./upgrades/notesTree'));
      await placeNotesInTree(transaction);
    },
  },
  {
    // The case report (issue 12): the export dialog's choices, remembered per case. Nothing to rewrite: a case
    // without a row reports with the defaults.
    version: 12,
    stores: {
      // One row per case, by its id: the report options last exported with (title, sections, selection ...).
      reportOptions: 'caseId',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

/** Tables that hold a case's rows: declared with the case's vocabulary (`shared/vocabulary.ts`), which the archive shares. */
export { CASE_TABLES } from '../../../shared/vocabulary';

/**
 * A case's search index as saved: derived data, rebuilt from the records whenever it is missing, was written by
 * another index format or schema version, or is too far behind them.
 */
export interface SavedSearchIndex {
  caseId: string;
  /** The search engine's format version (`ENGINE_FORMAT` in renderer/src/search/engine.ts). */
  format: number;
  /** The schema version it was written under: an upgrade may rewrite records without the index seeing it. */
  schemaVersion: number;
  /** The case's last history entry and record counts when saved, to tell what changed since. */
  fingerprint: { seq: number; counts: Record<string, number> };
  savedAt: string;
  /** The serialised index: a header, then slices of terms, each parsed on its own. */
  parts: string[];
  /** Each record's filter of adjacent word pairs, for quoted phrases: keys, lengths, and the filters end to end. */
  pairFilters: { keys: string[]; lengths: Uint32Array; words: Uint32Array };
  /**
   * What each record's hits are cut from (renderer/src/search/hitSources.ts): keys, six numbers a record, the texts
   * end to end in UTF-8, and the page spans' numbers.
   */
  hitSources: { keys: string[]; numbers: Uint32Array; texts: Uint8Array; pages: Uint32Array };
}

/** How the case library's transactions commit (see the constructor): what the app promises, and shows in its storage view. */
export const LIBRARY_DURABILITY: ChromeTransactionDurability = 'strict';

export class CasebookDB extends Dexie {
  // Declared only: Dexie makes each table's property when the schema is declared (no field is emitted for it).
  declare cases: Table<CaseFile, string>;
  declare documents: Table<CaseDocument, string>;
  declare documentFiles: Table<DocumentFile, string>;
  declare documentVersions: Table<DocumentVersion, string>;
  declare excerpts: Table<Excerpt, string>;
  declare entities: Table<Entity, string>;
  declare events: Table<TimelineEvent, string>;
  declare links: Table<Link, string>;
  declare notes: Table<Note, string>;
  declare history: Table<HistoryEntry, number>;
  declare searchIndexes: Table<SavedSearchIndex, string>;
  declare recognisedPages: Table<RecognisedPage, string>;
  declare tags: Table<Tag, string>;
  declare entityTypes: Table<CaseEntityType, string>;
  declare relationshipTypes: Table<CaseRelationshipType, string>;
  declare relationships: Table<Relationship, string>;
  declare dismissedSuggestions: Table<DismissedSuggestion, [string, string, string]>;
  declare chartLayouts: Table<ChartLayout, string>;
  declare noteFolders: Table<NoteFolder, string>;
  declare attachments: Table<Attachment, string>;
  declare reportOptions: Table<StoredReportOptions, string>;

  /**
   * Every transaction commits with strict durability: Chromium reports a write done only once it is on the disk, so
   * what the researcher saved survives a crash or power cut that follows (Chromium's default, relaxed since version
   * 121, may lose the last writes). Dexie sets durability per database, not per transaction, so imports pay the same
   * small cost; they commit once per file, which keeps it small. `durability` is for benchmarks that measure it.
   */
  constructor(
    name = 'casebook',
    versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
    durability: ChromeTransactionDurability = LIBRARY_DURABILITY,
  ) {
    super(name, { chromeTransactionDurability: durability });
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    // Dexie 4 opens a database written by a newer Casebook anyway, without that version's schema, and this one
    // would then write rows in a shape the newer one does not expect. Refuse, as IndexedDB itself would.
    // Dexie stores version N as native version N × 10 (one more when it patches a schema in place).
    this.on(
      'ready',
      (db) => {
        const installed = Math.floor(db.backendDB().version / 10);
        if (installed > this.verno)
          throw new Dexie.VersionError(
            `The case library is at schema version ${installed}; this Casebook knows versions up to ${this.verno}.`,
          );
      },
      true,
    );
  }
}
