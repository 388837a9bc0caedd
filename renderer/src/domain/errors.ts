import type { z } from 'zod';
import type { RecordRef } from '../../../shared/domain';
import { describeStorageError } from '../db/errors';

export interface FieldIssue {
  /** The input field the message belongs to ("name", "start.value"), or "" for the whole form. */
  field: string;
  message: string;
  /**
   * The record the message is about, when it names one ("This case already has a person named “Marta Kowal”"), so
   * a view can offer to open it, or to merge with it.
   */
  record?: RecordRef;
}

/** Input that breaks a rule. Carries one message per field so a form can show each beside its field. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => issue.message).join(' '));
  }

  static fromZod(error: z.ZodError): ValidationError {
    return new ValidationError(
      error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message })),
    );
  }

  /** The first message for a field, for showing beside it. */
  messageFor(field: string): string | undefined {
    return this.issues.find((issue) => issue.field === field)?.message;
  }

  /** The record named by the first message for a field (or any field) that names one. */
  recordFor(field?: string): RecordRef | undefined {
    return this.issues.find((issue) => issue.record && (field === undefined || issue.field === field))?.record;
  }
}

/** A record the operation needs is not there (deleted in another window, or a stale link). */
export class NotFoundError extends Error {
  // Not "NotFoundError": Dexie wraps any error of an IndexedDB error's name thrown in a transaction in its own
  // class, and callers could no longer tell this one by `instanceof`.
  override name = 'RecordNotFoundError';
}

/** Explains any error from a domain operation in words a researcher can act on. */
export function explainError(error: unknown): string {
  if (error instanceof ValidationError || error instanceof NotFoundError) return error.message;
  const storage = describeStorageError(error);
  if (storage) return storage;
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong and nothing was saved: ${detail}`;
}
