import { useCallback, useState } from 'react';
import type { RecordRef } from '../../../shared/domain';
import { ValidationError, explainError } from '../domain/errors';

export { explainError };

export interface OperationState {
  busy: boolean;
  /** Messages keyed by field name, shown beside each field. */
  fieldErrors: Record<string, string>;
  /** A message for the whole form: storage failures, records gone, unexpected errors. */
  formError: string | null;
  /** The record a field's message names ("already has a person named …"), keyed like `fieldErrors`, to offer to open. */
  fieldRecords: Record<string, RecordRef>;
}

/**
 * Runs a domain operation for a form: clears old messages, puts validation messages beside their fields and any
 * other failure above the form. Resolves to the operation's result, or undefined when it failed.
 */
export function useOperation() {
  const [state, setState] = useState<OperationState>({ busy: false, fieldErrors: {}, formError: null, fieldRecords: {} });

  const run = useCallback(async <T,>(operation: () => Promise<T>): Promise<T | undefined> => {
    setState({ busy: true, fieldErrors: {}, formError: null, fieldRecords: {} });
    try {
      const result = await operation();
      setState({ busy: false, fieldErrors: {}, formError: null, fieldRecords: {} });
      return result;
    } catch (error) {
      if (error instanceof ValidationError) {
        const fieldErrors: Record<string, string> = {};
        const fieldRecords: Record<string, RecordRef> = {};
        const general: string[] = [];
        for (const issue of error.issues) {
          const field = issue.field.split('.')[0] ?? '';
          if (field && !fieldErrors[field]) {
            fieldErrors[field] = issue.message;
            if (issue.record) fieldRecords[field] = issue.record;
          } else if (!field) general.push(issue.message);
        }
        setState({ busy: false, fieldErrors, formError: general.join(' ') || null, fieldRecords });
      } else {
        setState({ busy: false, fieldErrors: {}, formError: explainError(error), fieldRecords: {} });
      }
      return undefined;
    }
  }, []);

  const reset = useCallback(() => setState({ busy: false, fieldErrors: {}, formError: null, fieldRecords: {} }), []);

  return { ...state, run, reset };
}
