import { tagPath } from '../../../../shared/codebook';
import { readReportOptions, type ReportOptions } from '../../report/options';
import type { CasebookDB } from '../schema';
import { caseTags } from './tags';
import { documentChoices } from './documents';
import { entitiesByName } from './entities';

/** The options a case's report was last exported with; the defaults for a case never exported, or for what cannot be read. */
export async function reportOptionsOf(db: CasebookDB, caseId: string): Promise<ReportOptions> {
  return readReportOptions((await db.reportOptions.get(caseId))?.options);
}

export interface ReportChoice {
  id: string;
  /** As the dialog lists it: a tag by its path ("Evidence › Raids"), an entity by its name, a note or document by its title. */
  label: string;
}

/** What a report's selection can be made of: the codebook's tags, the entities, the notes and the documents, by name. */
export interface ReportChoices {
  tags: ReportChoice[];
  entities: ReportChoice[];
  notes: ReportChoice[];
  documents: ReportChoice[];
}

const byLabel = (a: ReportChoice, b: ReportChoice) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' });

export async function reportChoices(db: CasebookDB, caseId: string): Promise<ReportChoices> {
  const [tags, entities, notes, documents] = await Promise.all([
    caseTags(db, caseId),
    entitiesByName(db, caseId),
    db.notes.where('caseId').equals(caseId).toArray((rows) => rows.map(({ id, title }) => ({ id, label: title || 'Untitled note' }))),
    documentChoices(db, caseId),
  ]);
  return {
    tags: tags.map((tag) => ({ id: tag.id, label: tagPath(tags, tag.id) })).sort(byLabel),
    entities: entities.map((entity) => ({ id: entity.id, label: entity.name })),
    notes: notes.sort(byLabel),
    documents: documents.map((document) => ({ id: document.id, label: document.title })),
  };
}
