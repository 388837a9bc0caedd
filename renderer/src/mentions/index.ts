/** Mentions of entities in a case's documents: the matcher, the case's mentions kept current, and its worker. */
export { CaseMentions, type DocumentCount } from './caseMentions';
export { MentionsConnection } from './connection';
export { attachMentions, LiveMentions, OpenMentions } from './live';
export { MentionMatcher } from './matcher';
export type { Mention, MentionName } from './names';
export type {
  DocumentMentions,
  DocumentText,
  EntityTotal,
  MentionSnippet,
  MentionsProgress,
  MentionsStatus,
  NameOfEntity,
  WorkerTime,
} from './protocol';
