import { attachMentions } from '../mentions/live';
import { db } from './database';

/**
 * The open case's mentions, with the mentions worker they are found in. Apart from casebook.ts so that they load with
 * an open case's views rather than at start.
 */
const liveMentions = attachMentions(db);

/** The case's mentions, built when first asked for (the case opened) and kept current from then on. */
export const mentionsOf = (caseId: string) => liveMentions.of(caseId);
