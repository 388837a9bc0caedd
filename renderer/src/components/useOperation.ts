import { useCallback, useState } from 'react';
import { describeStorageError } from '../db/errors';
import { NotFoundError, ValidationError } from '../domain/errors';

export interface OperationState {
  busy: boolean;
  /** Messages keyed by field name, shown beside each field. */
  fieldErrors: Record<string, string>;
  /** A message for the whole form: storage failures, records gone, unexpected errors. */
  formError: string | null;
}

/** Explains any error from a domain operation in words a researcher can act on. */
export function explainError(error: unknown): string {
  if (error instanceof ValidationError || error instanceof NotFoundError) return error.message;
  const storage = describeStorageError(error);
  if (storage) return storage;
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong and nothing was saved: ${detail}`;
}

/**
 * Runs a domain operation for a form: clears old messages, puts validation messages beside their fields and any
 * other failure above the form. Resolves to the operation's result, or undefined when it failed.
 */
export function useOperation() {
  const [state, setState] = useState<OperationState>({ busy: false, fieldErrors: {}, formError: null });

  const run = useCallback(async <T,>(operation: () => Promise<T>): Promise<T | undefined> => {
    setState({ busy: true, fieldErrors: {}, formError: null });
    try {
      const result = await operation();
      setState({ busy: false, fieldErrors: {}, formError: null });
      return result;
    } catch (error) {
      if (error instanceof ValidationError) {
        const fieldErrors: Record<string, string> = {};
        const general: string[] = [];
        for (const issue of error.issues) {
          const field = issue.field.split('.')[0] ?? '';
          if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
          else if (!field) general.push(issue.message);
        }
        setState({ busy: false, fieldErrors, formError: general.join(' ') || null });
      } else {
        setState({ busy: false, fieldErrors: {}, formError: explainError(error) });
      }
      return undefined;
    }
  }, []);

  const reset = useCallback(() => setState({ busy: false, fieldErrors: {}, formError: null }), []);

  return { ...state, run, reset };
}
