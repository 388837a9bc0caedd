import type { CommandId } from '../../../shared/commands';
import { SECTIONS } from '../features/workspace/sections';
import { defineCommand } from './types';

/** The command that opens each section of a case, by the section's path. */
const SECTION_COMMANDS: Readonly<Record<string, CommandId>> = {
  '': 'go.overview',
  documents: 'go.documents',
  excerpts: 'go.excerpts',
  entities: 'go.entities',
  timeline: 'go.timeline',
  notes: 'go.notes',
};

export function goToSectionId(path: string): CommandId {
  const id = SECTION_COMMANDS[path];
  if (!id) throw new Error(`The section “${path}” has no command that opens it`);
  return id;
}

/** Alt+1 … Alt+6: a section of the open case, with the focus moved to its content. */
export const goToSections = SECTIONS.map((section) =>
  defineCommand(goToSectionId(section.path), {
    // Alt and a digit types nothing in a field (and Option+digit's "¡" on a Mac is not what anyone meant here).
    inTextFields: true,
    enabled: ({ route }) => route.caseId !== null,
    perform: ({ route, navigate }) => {
      navigate(`/case/${route.caseId}${section.path ? `/${section.path}` : ''}`);
      requestAnimationFrame(() => document.getElementById('main')?.focus());
    },
    whenUnavailable: 'Open a case first: the sections belong to a case.',
  }),
);

export const goToLibrary = defineCommand('go.library', {
  enabled: ({ route }) => route.caseId !== null,
  perform: ({ navigate }) => navigate('/'),
  whenUnavailable: 'The list of all cases is already open.',
});
