/**
 * Every domain operation a view may call, each `(db, ...args)`: validates its input, then writes in one transaction.
 * `app/casebook.ts` binds them to the app's database.
 */
export { createCase, updateCase, deleteCase } from './cases';
export { deleteRecord, planDeletion } from './deletion';
export { createTextDocument } from './documents';
export { updateDocumentMetadata } from './documentDetails';
export { applyCleanup, restoreRemovedLines, undoTextChange } from './documentCleanup';
export { recordRecognisedText } from './recognisedText';
export { createEntity, createEntities, updateEntity } from './entities';
export { createEntityType, updateEntityType, deleteEntityType } from './entityTypes';
export {
  createRelationship,
  updateRelationship,
  deleteRelationship,
  createRelationshipType,
  updateRelationshipType,
  deleteRelationshipType,
  relationshipFromLink,
} from './relationships';
export { mergeEntities, undoMerge, mergeUndoProblem, splitAlias } from './merge';
export { importEntities } from './entityImport';
export { dismissSuggestion, dismissedSuggestions, saveChartLayout } from './entityChart';
export { createEvent, updateEvent } from './events';
export { markSameHappening, separateSameHappening } from './sameHappening';
export { makeEventFromSentence, dismissDateSuggestion } from './dateSuggestions';
export { createExcerpt, markExcerptMentioning, reattachExcerpt, updateExcerpt } from './excerpts';
export { tagExcerpts, untagExcerpts, linkExcerpts, deleteExcerpts } from './excerptBatch';
export { linkRecords, unlinkRecords } from './links';
export { createNote, updateNote } from './notes';
export { createTag, renameTag, recolourTag, describeTag, moveTag, mergeTags, deleteTag } from './tags';
export { createSampleCase } from '../sample/sampleCase';
export { createNoteFolder, renameNoteFolder, deleteNoteFolder, moveInNoteTree, setNotePinned } from './noteTree';
export { addNoteAttachment, pruneNoteAttachments } from './attachments';
export { saveReportOptions } from './reportOptions';
