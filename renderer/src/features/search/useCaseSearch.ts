import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { searchIndexOf } from '../../app/caseSearch';
import { type CaseSearchIndex, type IndexStatus, type SearchHit } from '../../search';

/** Wait after the last keystroke before searching, so typing a word reads the records once, not per letter. */
const TYPING_DELAY_MS = 80;

export interface CaseSearch {
  /** Hits for `query`, or for the query before it while the new one runs; null before any search. */
  hits: SearchHit[] | null;
  /** The query `hits` answer. */
  answered: string;
  /** True while a search for the current query is under way. */
  searching: boolean;
  status: IndexStatus;
}

const noIndex = (message: string): IndexStatus => ({ state: 'failed', message });

/**
 * Searches the case's index as `query` changes, and again whenever the index changes (records edited, building
 * progressing), so results stay current. Until `enabled`, the index is not opened at all: a case's first screens
 * load without the index's work beside them, and changes made meanwhile are caught up when it opens.
 */
export function useCaseSearch(caseId: string, query: string, limit: number, enabled = true): CaseSearch {
  const index = useMemo((): CaseSearchIndex | Error | null => {
    if (!enabled) return null;
    try {
      return searchIndexOf(caseId);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }, [caseId, enabled]);
  const subscribe = useMemo(
    () => (listener: () => void) => (index === null || index instanceof Error ? () => {} : index.subscribe(listener)),
    [index],
  );
  const version = useSyncExternalStore(subscribe, () => (index === null || index instanceof Error ? -1 : index.version));
  const [result, setResult] = useState<{ query: string; limit: number; version: number; hits: SearchHit[] } | null>(
    null,
  );
  const [failure, setFailure] = useState<string | null>(null);

  const trimmed = query.trim();
  useEffect(() => {
    if (index === null || index instanceof Error || !trimmed) return;
    let current = true;
    const timer = setTimeout(() => {
      index.search(query, { limit }).then(
        (hits) => {
          if (!current) return;
          setFailure(null);
          setResult({ query, limit, version, hits });
        },
        (error: unknown) => {
          if (current) setFailure(error instanceof Error ? error.message : String(error));
        },
      );
    }, TYPING_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [index, query, trimmed, limit, version]);

  const status: IndexStatus =
    index === null
      ? { state: 'opening' }
      : index instanceof Error
      ? noIndex(index.message)
      : failure
        ? noIndex(`The search failed: ${failure}`)
        : index.status;
  if (!trimmed) return { hits: null, answered: '', searching: false, status };
  const fresh = result?.query === query && result.limit === limit && result.version === version;
  return { hits: result?.hits ?? null, answered: result?.query ?? '', searching: !fresh, status };
}
