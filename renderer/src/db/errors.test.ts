import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../domain/errors';
import { describeStorageError } from './errors';

const DISK_FULL = /^The disk is full, or the storage this app may use is used up, so nothing was saved\./;
const NEWER_VERSION = /^This case library was written by a newer version of Casebook\. Update Casebook to open it/;

describe('describeStorageError', () => {
  it('explains a full disk from the browser’s own QuotaExceededError', () => {
    expect(describeStorageError(new DOMException('Quota exceeded.', 'QuotaExceededError'))).toMatch(DISK_FULL);
  });

  it('explains a full disk from Dexie’s QuotaExceededError', () => {
    const dexieError = new Dexie.QuotaExceededError('Quota exceeded.');
    expect(describeStorageError(dexieError)).toMatch(DISK_FULL);
  });

  it('looks inside the AbortError Dexie wraps a full disk in, and names the cause, not the abort', () => {
    const quota = new DOMException('Quota exceeded.', 'QuotaExceededError');
    const aborted = new Dexie.AbortError('Transaction aborted', quota);
    expect(aborted.inner).toBe(quota);
    expect(describeStorageError(aborted)).toMatch(DISK_FULL);
  });

  it('explains a plain abort, and an abort whose cause is not a storage failure, as an interrupted save', () => {
    const interrupted = /^Saving was interrupted and nothing was written\./;
    expect(describeStorageError(new Dexie.AbortError('Transaction aborted'))).toMatch(interrupted);
    expect(describeStorageError(new Dexie.AbortError('Transaction aborted', new TypeError('x')))).toMatch(interrupted);
  });

  it('explains a VersionError, from the browser or from Dexie, as a library written by a newer Casebook', () => {
    expect(describeStorageError(new DOMException('Lower version.', 'VersionError'))).toMatch(NEWER_VERSION);
    expect(describeStorageError(new Dexie.VersionError('Lower version.'))).toMatch(NEWER_VERSION);
  });

  it('names the VersionError behind the DatabaseClosedError of a later query', () => {
    const closed = new Dexie.DatabaseClosedError(new Dexie.VersionError('Lower version.'));
    expect(describeStorageError(closed)).toMatch(NEWER_VERSION);
  });

  it('explains a closed database and a failed open', () => {
    expect(describeStorageError(new Dexie.DatabaseClosedError())).toMatch(/^The case library was closed/);
    expect(describeStorageError(new Dexie.OpenFailedError('Could not open.'))).toMatch(
      /^The case library could not be opened/,
    );
  });

  it('leaves errors that are not storage failures to the caller', () => {
    expect(describeStorageError(new Error('Something else'))).toBeNull();
    expect(describeStorageError(new TypeError('x is undefined'))).toBeNull();
    expect(describeStorageError(new ValidationError([{ field: 'name', message: 'Too long.' }]))).toBeNull();
    expect(describeStorageError(new NotFoundError('This case no longer exists.'))).toBeNull();
    expect(describeStorageError(new Dexie.ConstraintError('Key already exists.'))).toBeNull();
    expect(describeStorageError('QuotaExceededError')).toBeNull();
    expect(describeStorageError({ name: 'QuotaExceededError' })).toBeNull();
    expect(describeStorageError(undefined)).toBeNull();
    expect(describeStorageError(null)).toBeNull();
  });
});
