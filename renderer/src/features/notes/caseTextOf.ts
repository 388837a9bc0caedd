import type { Entity, Excerpt, RecordRef, TimelineEvent } from '../../../../shared/domain';
import { ENTITY_TYPES } from '../../../../shared/domain';
import { entityTypeLabel } from '../../../../shared/entities';
import { eventWhen } from '../../../../shared/eventDates';
import { refKey } from '../../../../shared/textReferences';
import { recordPath, recordTitle } from '../../../../shared/vocabulary';
import { operations, queries } from '../../app/casebook';
import { watchRead } from '../../app/liveRead';
import { explainError } from '../../components/useOperation';
import type { TextRecord } from '../../db/queries/textRecords';
import type { CaseText, RecordChoice, ShownRecord } from '../../editor/caseText';
import { fold } from '../../search/fold';
import { matchingEntities } from '../entities/EntityPicker';
import { sourcePath } from '../excerpts/ExcerptCitation';
import { citationText, excerptCitation } from '../excerpts/citation';

/** Most records of each other type `[[` offers besides the entities. */
const MOST_OF_A_TYPE = 5;

/** A record as a text shows it, from what the case holds now. */
function shownOf(caseId: string, { ref, record, document }: TextRecord): ShownRecord {
  const path = recordPath(caseId, ref.type, ref.id);
  if (!record) return { ref, title: '', missing: true, path };
  const shown: ShownRecord = { ref, title: recordTitle(ref.type, record), missing: false, path };
  if (ref.type === 'event') shown.when = eventWhen(record as TimelineEvent);
  if (ref.type === 'excerpt') {
    const excerpt = record as Excerpt;
    const parts = excerptCitation(excerpt, document);
    shown.quote = excerpt.quote;
    shown.citation = parts ? citationText(parts) : '';
    shown.sourcePath = sourcePath(caseId, excerpt) ?? undefined;
  }
  return shown;
}

/**
 * What every rich-text field of the open case is given to link its text to the case (editor/caseText.ts): the case's
 * records to suggest, the entity to make, each mention as the case has it now, and where it opens. Loaded with the
 * first field that asks (CaseTextProvider), not with the app.
 */
export function caseTextOf(caseId: string, open: (path: string) => void): CaseText {
  const entityChoices = async (typed: string): Promise<RecordChoice[]> => {
    const [entities, types] = await Promise.all([queries.entitiesByName(caseId), queries.entityTypesOf(caseId)]);
    return matchingEntities(entities, typed).map((entity: Entity) => ({
      ref: { type: 'entity', id: entity.id },
      title: entity.name,
      detail: entityTypeLabel(entity.type, types),
    }));
  };
  const describe = async (ref: RecordRef) => {
    const [found] = await queries.textRecords(caseId, [ref]);
    return found?.record ? shownOf(caseId, found) : null;
  };
  return {
    caseId,
    findEntities: entityChoices,
    async findRecords(typed) {
      const key = fold(typed.trim());
      const holds = (text: string) => !key || fold(text).includes(key);
      const [entities, documents, excerpts, events, notes] = await Promise.all([
        entityChoices(typed),
        queries.documentChoices(caseId),
        queries.excerptsNewestFirst(caseId),
        queries.timeline(caseId),
        queries.notesRecentFirst(caseId),
      ]);
      const titles = new Map(documents.map((document) => [document.id, document.title]));
      const choices = (type: RecordRef['type'], rows: readonly { id: string }[], detail: (row: never) => string): RecordChoice[] =>
        rows.slice(0, MOST_OF_A_TYPE).map((row) => ({ ref: { type, id: row.id }, title: recordTitle(type, row as never), detail: detail(row as never) }));
      return [
        ...entities.slice(0, MOST_OF_A_TYPE),
        ...choices('document', documents.filter((document) => holds(document.title)), () => 'document'),
        ...excerpts
          .filter((excerpt) => holds(excerpt.quote))
          .slice(0, MOST_OF_A_TYPE)
          .map((excerpt) => {
            const parts = excerptCitation(excerpt, undefined);
            return {
              ref: { type: 'excerpt' as const, id: excerpt.id },
              title: recordTitle('excerpt', excerpt),
              detail: (excerpt.documentId && titles.get(excerpt.documentId)) || 'excerpt',
              quote: excerpt.quote,
              citation: parts ? citationText(parts) : '',
            };
          }),
        ...choices('event', events.filter((event) => holds(event.title)), (event: TimelineEvent) => eventWhen(event)),
        ...choices('note', notes.filter((note) => holds(note.title)), () => 'note'),
      ];
    },
    async entityTypes() {
      const own = await queries.entityTypesOf(caseId);
      return [...ENTITY_TYPES.map((type) => ({ value: type as string, label: type as string })), ...own.map((type) => ({ value: type.id, label: type.name }))];
    },
    async createEntity(name, type) {
      const entity = await operations.createEntity(caseId, { name, type }).catch((error: unknown) => {
        throw new Error(explainError(error));
      });
      return { ref: { type: 'entity', id: entity.id }, title: entity.name, detail: type };
    },
    describe,
    watch(refs, onChange) {
      return watchRead(
        () => queries.textRecords(caseId, refs),
        (found) => onChange(new Map(found.map((item) => [refKey(item.asked), shownOf(caseId, item)]))),
      );
    },
    open,
  };
}
