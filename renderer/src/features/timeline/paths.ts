/** The query parameter that makes the new-event form start from an excerpt. */
export const FROM_EXCERPT_PARAM = 'fromExcerpt';

/** Where the new-event form opens with an excerpt as its evidence. */
export const newEventFromExcerptPath = (caseId: string, excerptId: string): string =>
  `/case/${encodeURIComponent(caseId)}/timeline/new?${FROM_EXCERPT_PARAM}=${encodeURIComponent(excerptId)}`;
