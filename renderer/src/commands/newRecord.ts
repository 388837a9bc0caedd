import type { CommandId } from '../../../shared/commands';
import { defineCommand } from './types';

/** Each kind of record with the section whose form adds one. */
const NEW_RECORD_FORMS: readonly [CommandId, string][] = [
  ['new.document', 'documents'],
  ['new.excerpt', 'excerpts'],
  ['new.entity', 'entities'],
  ['new.event', 'timeline'],
  ['new.note', 'notes'],
];

/** "New entity" and the like: the section's form for a new record, from anywhere in the case. */
export const newRecordCommands = NEW_RECORD_FORMS.map(([id, section]) =>
  defineCommand(id, {
    enabled: ({ route }) => route.caseId !== null,
    perform: ({ route, navigate }) => navigate(`/case/${route.caseId}/${section}/new`),
    whenUnavailable: 'Open a case first: records belong to a case.',
  }),
);
