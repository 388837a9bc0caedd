import { newEventFromExcerptPath } from '../features/timeline/paths';
import { defineCommand } from './types';

/**
 * *New event from excerpt*: the event form with the excerpt as evidence, from the excerpt's page or from the reader's
 * panel of the excerpt chosen there.
 */
export const newEventFromExcerpt = defineCommand('event.fromExcerpt', {
  enabled: ({ route, targets }) =>
    targets.excerptForEvent !== undefined || (route.section === 'excerpts' && route.recordId !== null && route.recordId !== 'new'),
  perform: ({ route, targets, navigate }) => {
    const excerptId = targets.excerptForEvent?.() ?? route.recordId;
    if (route.caseId && excerptId) navigate(newEventFromExcerptPath(route.caseId, excerptId));
  },
  whenUnavailable: 'Open an excerpt first, on its page or by choosing its highlight in a document.',
});
