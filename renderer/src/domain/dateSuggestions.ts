/**
 * What the researcher does with a date found in a document's text: make it an event, with its sentence as the
 * evidence excerpt, in one step; or dismiss it for good in that document.
 */
import type { DismissedSuggestion, Excerpt, TextAnchor, TimelineEvent } from '../../../shared/domain';
import { eventInputSchema, excerptInputSchema, type EventInput } from '../../../shared/validation';
import { DATE_SUGGESTION_TYPE, dateSuggestionKey } from '../dates/suggestions';
import type { CasebookDB } from '../db/schema';
import { NotFoundError, ValidationError } from './errors';
import { addEvent, eventTables } from './events';
import { addExcerpt } from './excerpts';
import { now, parseInput, quoted, writeCase } from './writeCase';

/** A sentence of a document, by its words and where they are in the document's text. */
export interface SentenceInDocument {
  documentId: string;
  quote: string;
  /** Offsets in the document's text, `end` exclusive. */
  start: number;
  end: number;
}

async function documentIn(db: CasebookDB, caseId: string, documentId: string) {
  const document = await db.documents.get(documentId);
  if (!document || document.caseId !== caseId)
    throw new NotFoundError('The document this date was found in is not in this case any more (deleted in another window?).');
  return document;
}

/**
 * Makes an event of a date found in a document, in one transaction: the sentence becomes an excerpt anchored where it
 * stands (an excerpt already quoting exactly that sentence there is used instead), and the event is written with
 * it as evidence. If anything is refused (the text changed under the sentence, a participant deleted meanwhile),
 * neither is kept.
 */
export async function makeEventFromSentence(
  db: CasebookDB,
  caseId: string,
  sentence: SentenceInDocument,
  input: Omit<EventInput, 'evidenceIds'>,
): Promise<{ event: TimelineEvent; excerpt: Excerpt }> {
  const { anchor: selected, ...excerpt } = parseInput(excerptInputSchema, {
    documentId: sentence.documentId,
    quote: sentence.quote,
    anchor: { start: sentence.start, end: sentence.end, prefix: '', suffix: '', page: null },
  });
  const parsed = parseInput(eventInputSchema, { ...input, evidenceIds: [] });
  return writeCase(db, caseId, [...eventTables(parsed), 'documents'], async () => {
    const document = await documentIn(db, caseId, sentence.documentId);
    const same = (anchor: TextAnchor | null) => anchor?.start === selected!.start && anchor.end === selected!.end;
    const existing = (await db.excerpts.where('documentId').equals(document.id).toArray()).find(
      (candidate) => !candidate.orphaned && same(candidate.anchor) && candidate.quote === excerpt.quote,
    );
    const evidence = existing ?? (await addExcerpt(db, caseId, excerpt, selected));
    const event = await addEvent(db, caseId, { ...parsed, evidenceIds: [evidence.id] });
    return {
      result: { event, excerpt: evidence },
      change: {
        action: 'create',
        summary: `Added event ${quoted(event.title)} from a date in ${quoted(document.title)}, its sentence as evidence`,
        records: [
          { type: 'event', id: event.id },
          { type: 'excerpt', id: evidence.id },
        ],
      },
    };
  });
}

/**
 * Remembers that a date found in a document is not to be offered again there: kept with the dismissed names, under a
 * key of its document, words and sentence (`dateSuggestionKey`). Dismissing it twice changes nothing.
 */
export async function dismissDateSuggestion(
  db: CasebookDB,
  caseId: string,
  suggestion: { documentId: string; words: string; sentence: string },
): Promise<DismissedSuggestion> {
  const words = suggestion.words.trim();
  if (!words || !suggestion.sentence.trim())
    throw new ValidationError([{ field: 'words', message: 'A date to dismiss needs its words and its sentence.' }]);
  const key = dateSuggestionKey(suggestion.documentId, words, suggestion.sentence);
  const already = await db.dismissedSuggestions.get([caseId, key, DATE_SUGGESTION_TYPE]);
  if (already) return already;
  return writeCase(db, caseId, ['dismissedSuggestions', 'documents'], async () => {
    const document = await documentIn(db, caseId, suggestion.documentId);
    const dismissed: DismissedSuggestion = { caseId, key, type: DATE_SUGGESTION_TYPE, name: words, dismissedAt: now() };
    await db.dismissedSuggestions.put(dismissed);
    return {
      result: dismissed,
      change: {
        action: 'update',
        summary: `Dismissed the date ${quoted(words)} found in ${quoted(document.title)}: it will not be offered again`,
        records: [{ type: 'document', id: document.id }],
      },
    };
  });
}
