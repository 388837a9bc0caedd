import { useEffect, useState } from 'react';
import type { CaseDocument } from '../../../../shared/domain';
import { queries } from '../../app/casebook';
import { suggestionsClient } from '../../app/suggestions';
import { SUGGESTION_TYPES, type BatchDocument, type BatchSuggestion, type KnownEntity, type Suggestion } from '../../suggestions/types';
import { isBuiltInEntityType } from '../../../../shared/entities';

/** What the suggestions panel reads: the text's names once the worker has read it, or why it could not. */
export type SuggestionsState<S> =
  | { status: 'reading' }
  | { status: 'ready'; suggestions: S[]; workerMs: number }
  | { status: 'failed'; message: string };

/** A document as the suggester reads it. */
export type SuggestedDocument = Pick<CaseDocument, 'id' | 'title' | 'text' | 'language' | 'kind' | 'publishedAt'>;

const asBatchDocument = (document: SuggestedDocument): BatchDocument => ({
  documentId: document.id,
  text: document.text,
  language: document.language,
  publishedDate: document.publishedAt,
  // A web page's text is the article taken from it: its byline and date above the story are the site's.
  extracted: document.kind === 'html',
});

/** The case's entities and dismissals as the engine takes them, read once when the text is read. */
async function caseKnowledge(caseId: string) {
  const [entities, dismissed] = await Promise.all([queries.entitiesByName(caseId), queries.dismissedSuggestionsOf(caseId)]);
  const knownEntities: KnownEntity[] = entities.map((entity) => ({
    id: entity.id,
    name: entity.name,
    aliases: entity.aliases.map((alias) => alias.name),
    type: isBuiltInEntityType(entity.type) ? entity.type : 'other',
  }));
  return { knownEntities, dismissed: dismissed.map(({ key, type }) => ({ key, type: SUGGESTION_TYPES.find((known) => known === type) ?? 'other' })) };
}

/**
 * Reads one document's text for names in the suggestions worker, again when its text changes (a clean-up) or when
 * `attempt` changes (Try again). What the researcher does with the suggestions afterwards needs no new reading.
 */
export function useDocumentSuggestions(caseId: string, document: SuggestedDocument & { textVersion: number }, attempt: number): SuggestionsState<Suggestion> {
  return useSuggestionsRun(
    async () => {
      const [client, known] = await Promise.all([suggestionsClient(), caseKnowledge(caseId)]);
      const { documentId: _documentId, text, ...options } = asBatchDocument(document);
      return client.suggest(text, { ...options, ...known });
    },
    [caseId, document.id, document.textVersion, attempt],
  );
}

/** Reads the documents of an import batch together: the names counted over all of them. */
export function useBatchSuggestions(caseId: string, documents: readonly SuggestedDocument[] | undefined, attempt: number): SuggestionsState<BatchSuggestion> {
  const ids = documents?.map((document) => document.id).join(' ');
  return useSuggestionsRun(
    async () => {
      if (!documents) return null;
      const [client, known] = await Promise.all([suggestionsClient(), caseKnowledge(caseId)]);
      return client.suggestForBatch(documents.map(asBatchDocument), known);
    },
    [caseId, ids, attempt],
  );
}

function useSuggestionsRun<S>(read: () => Promise<{ suggestions: S[]; workerMs: number } | null>, deps: unknown[]): SuggestionsState<S> {
  // The answer is kept with the request it answers: another request shows "reading" until its own answer comes.
  const request = JSON.stringify(deps);
  const [answered, setAnswered] = useState<{ request: string; state: SuggestionsState<S> } | null>(null);
  useEffect(() => {
    let current = true;
    read().then(
      (answer) => {
        if (current && answer) setAnswered({ request, state: { status: 'ready', ...answer } });
      },
      (error: unknown) => {
        if (current) setAnswered({ request, state: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      current = false;
    };
    // `read` is rebuilt each render; what it reads is in the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  return answered?.request === request ? answered.state : { status: 'reading' };
}
