/** The query parameter that makes the new-event form start from an excerpt. */
export const FROM_EXCERPT_PARAM = 'fromExcerpt';

/** The query parameter that proposes a date (as the date field reads it) to the new-event form. */
export const PROPOSED_DATE_PARAM = 'date';

/** Where the new-event form opens with an excerpt as its evidence, and a date to propose if one was chosen already. */
export const newEventFromExcerptPath = (caseId: string, excerptId: string, proposedDate?: string): string =>
  `/case/${encodeURIComponent(caseId)}/timeline/new?${FROM_EXCERPT_PARAM}=${encodeURIComponent(excerptId)}${
    proposedDate === undefined ? '' : `&${PROPOSED_DATE_PARAM}=${encodeURIComponent(proposedDate)}`
  }`;
