import { defineCommand } from './types';

/** The case's codebook, where its tags are made and reshaped; it opens from the Excerpts section. */
export const openCodebook = defineCommand('codebook.open', {
  enabled: ({ route }) => route.caseId !== null,
  perform: ({ route, navigate }) => {
    navigate(`/case/${route.caseId}/excerpts/codebook`);
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  },
  whenUnavailable: 'Open a case first: the codebook belongs to a case.',
});
