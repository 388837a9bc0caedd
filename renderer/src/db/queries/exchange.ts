import type { CaseDocument, CaseEntityType, CaseFile, CaseRelationshipType, Entity, Excerpt, Relationship, Tag } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';

/**
 * What the exports to other tools' formats read of a case (renderer/src/exchange/): the entities and their
 * relationships with the excerpts and documents that support them (FollowTheMoney), and the codebook with the coded
 * excerpts and the documents they quote (REFI-QDA).
 */

export interface EntityGraphRecords {
  caseFile: CaseFile;
  entities: Entity[];
  relationships: Relationship[];
  entityTypes: CaseEntityType[];
  relationshipTypes: CaseRelationshipType[];
  tags: Tag[];
  /** The excerpts relationships cite as support. */
  excerpts: Excerpt[];
  /** The documents those excerpts quote, without their text. */
  documents: Pick<CaseDocument, 'id' | 'title' | 'sourceUrl' | 'siteName' | 'publishedAt'>[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

export async function entityGraphRecords(db: CasebookDB, caseId: string): Promise<EntityGraphRecords | null> {
  return db.transaction('r', [db.cases, db.entities, db.relationships, db.entityTypes, db.relationshipTypes, db.tags, db.excerpts, db.documents], async () => {
    const caseFile = await db.cases.get(caseId);
    if (!caseFile) return null;
    const [entities, relationships, entityTypes, relationshipTypes, tags] = await Promise.all([
      db.entities.where('caseId').equals(caseId).toArray(),
      db.relationships.where('caseId').equals(caseId).toArray(),
      db.entityTypes.where('caseId').equals(caseId).toArray(),
      db.relationshipTypes.where('caseId').equals(caseId).toArray(),
      db.tags.where('caseId').equals(caseId).toArray(),
    ]);
    const excerpts = (await db.excerpts.bulkGet([...new Set(relationships.flatMap((relationship) => relationship.excerptIds))])).filter(
      (excerpt): excerpt is Excerpt => excerpt?.caseId === caseId,
    );
    const documentIds = [...new Set(excerpts.flatMap((excerpt) => (excerpt.documentId ? [excerpt.documentId] : [])))];
    const documents: EntityGraphRecords['documents'] = [];
    for (const document of await db.documents.bulkGet(documentIds))
      if (document) documents.push({ id: document.id, title: document.title, sourceUrl: document.sourceUrl, siteName: document.siteName, publishedAt: document.publishedAt });
    relationships.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { caseFile, entities: entities.sort(byName), relationships, entityTypes, relationshipTypes, tags, excerpts, documents };
  });
}

export interface CodebookRecords {
  caseFile: CaseFile;
  tags: Tag[];
  /** Every excerpt coded with at least one tag, oldest first. */
  excerpts: Excerpt[];
  /** The documents those excerpts quote, with their text. */
  documents: CaseDocument[];
}

export async function codebookRecords(db: CasebookDB, caseId: string): Promise<CodebookRecords | null> {
  return db.transaction('r', [db.cases, db.tags, db.excerpts, db.documents], async () => {
    const caseFile = await db.cases.get(caseId);
    if (!caseFile) return null;
    const [tags, excerpts] = await Promise.all([
      db.tags.where('caseId').equals(caseId).toArray(),
      db.excerpts.where('[caseId+createdAt]').between([caseId, ''], [caseId, '\uffff']).filter((excerpt) => excerpt.tags.length > 0).toArray(),
    ]);
    const documentIds = [...new Set(excerpts.flatMap((excerpt) => (excerpt.documentId ? [excerpt.documentId] : [])))];
    const documents = (await db.documents.bulkGet(documentIds)).filter((document): document is CaseDocument => document !== undefined);
    return { caseFile, tags: tags.sort(byName), excerpts, documents: documents.sort((a, b) => a.importedAt.localeCompare(b.importedAt)) };
  });
}
