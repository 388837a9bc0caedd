import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { mentionsOf } from '../../app/caseMentions';
import { textFingerprint } from '../../mentions/fingerprint';
import type { DocumentMentions, EntityTotal, Mention, MentionsStatus, OpenMentions } from '../../mentions';

/** The case's mentions, opened (built in the worker) on first use. */
export function useCaseMentions(caseId: string): OpenMentions {
  return useMemo(() => mentionsOf(caseId), [caseId]);
}

/** The status of the case's mentions and their version, which changes whenever they do. */
export function useMentionsStatus(caseId: string): { status: MentionsStatus; version: number; mentions: OpenMentions } {
  const mentions = useCaseMentions(caseId);
  const subscribe = useMemo(() => (listener: () => void) => mentions.subscribe(listener), [mentions]);
  const version = useSyncExternalStore(subscribe, () => mentions.version);
  return { status: mentions.status, version, mentions };
}

/** What an answer is, with the failure that took its place if any. */
export interface Asked<T> {
  value: T | undefined;
  failure: string | null;
  status: MentionsStatus;
}

/**
 * Asks the case's mentions a question, and again whenever they change (a document or a name changed, the build went
 * on). One question at a time: changes that come while one is out are answered by one more, when it returns.
 * `key` names the question; null asks nothing.
 */
function useAsked<T>(caseId: string, key: string | null, ask: (mentions: OpenMentions) => Promise<T>): Asked<T> {
  const { status, version, mentions } = useMentionsStatus(caseId);
  const [answer, setAnswer] = useState<{ key: string; value: T } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** Whether a question is out, and the one to ask when it returns (the latest only). */
  const asking = useRef<{ busy: boolean; next: (() => void) | null }>({ busy: false, next: null });
  const latest = useRef(ask);
  useLayoutEffect(() => {
    latest.current = ask;
  });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    const state = asking.current;
    const run = () => {
      state.busy = true;
      latest.current(mentions)
        .then(
          (value) => {
            if (!current) return;
            setFailure(null);
            setAnswer({ key, value });
          },
          (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
        )
        .finally(() => {
          state.busy = false;
          const next = state.next;
          state.next = null;
          next?.();
        });
    };
    if (state.busy) state.next = run;
    else run();
    return () => {
      current = false;
    };
  }, [mentions, key, version]);
  return { value: answer?.key === key ? answer.value : undefined, failure, status };
}

/** A document's mentions, in its text's offsets. */
export function useMentionsIn(caseId: string, documentId: string | null): Asked<Mention[]> {
  return useAsked(caseId, documentId, (mentions) => mentions.mentionsIn(documentId!));
}

/** The mentions in a text as the page has it (a reader's rendered text); `text` null asks nothing. */
export function useMentionsInText(caseId: string, text: string | null): Asked<Mention[]> {
  // The text itself is the question, named by its fingerprint (a few milliseconds for a long text, once per change).
  const key = useMemo(() => (text === null ? null : `text:${textFingerprint(text)}`), [text]);
  return useAsked(caseId, key, (mentions) => mentions.mentionsInText(text!));
}

/** For each entity mentioned, in how many documents and how many times. */
export function useEntityTotals(caseId: string): Asked<EntityTotal[]> {
  return useAsked(caseId, 'totals', (mentions) => mentions.entityTotals());
}

/** The documents mentioning an entity, most first, each with a few snippets. */
export function useDocumentsMentioning(caseId: string, entityId: string, perDocument = 3): Asked<DocumentMentions[]> {
  return useAsked(caseId, `${entityId}:${perDocument}`, (mentions) => mentions.entityMentions(entityId, perDocument));
}

/** "Finding mentions… 40%" while they are built, the failure if they could not be; null when ready. */
export function mentionsStatusText(status: MentionsStatus): string | null {
  if (status.state === 'ready') return null;
  if (status.state === 'failed') return status.message;
  return status.total ? `Finding mentions… ${Math.floor((status.done / status.total) * 100)}%` : 'Finding mentions…';
}
