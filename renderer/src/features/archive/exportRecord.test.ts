// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportRecordKey, parseExportRecord, readExportRecord, recordArchiveExport, snoozeExportReminder } from './exportRecord';

const NEVER = { lastExport: null, snoozedAtSeq: null };

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('parseExportRecord', () => {
  it('reads back what was stored', () => {
    const stored = { lastExport: { at: '2024-03-01T10:00:00.000Z', seq: 41 }, snoozedAtSeq: 50 };
    expect(parseExportRecord(JSON.stringify(stored))).toEqual(stored);
  });

  it('takes nothing stored, text that is not JSON, or JSON of another shape as never exported', () => {
    for (const text of [null, '', '{', 'null', '42', '"exported"', '[]', '{}'])
      expect(parseExportRecord(text), String(text)).toEqual(NEVER);
  });

  it('drops an export whose time or position is not one, and keeps what else is sound', () => {
    const bad = [
      { at: 'yesterday', seq: 3 },
      { at: 12, seq: 3 },
      { at: '2024-03-01T10:00:00.000Z', seq: -1 },
      { at: '2024-03-01T10:00:00.000Z', seq: 2.5 },
      { at: '2024-03-01T10:00:00.000Z', seq: '3' },
      { at: '2024-03-01T10:00:00.000Z' },
      'exported',
    ];
    for (const lastExport of bad)
      expect(parseExportRecord(JSON.stringify({ lastExport, snoozedAtSeq: 7 })), JSON.stringify(lastExport)).toEqual({ lastExport: null, snoozedAtSeq: 7 });
    expect(parseExportRecord(JSON.stringify({ lastExport: { at: '2024-03-01T10:00:00.000Z', seq: 3 }, snoozedAtSeq: 'later' }))).toEqual({
      lastExport: { at: '2024-03-01T10:00:00.000Z', seq: 3 },
      snoozedAtSeq: null,
    });
  });
});

describe('the export record of a case', () => {
  it('is never exported until an export is recorded, then gives its time and position, per case', () => {
    expect(readExportRecord('case-a')).toEqual(NEVER);
    recordArchiveExport('case-a', { at: '2024-03-01T10:00:00.000Z', seq: 12 });
    expect(readExportRecord('case-a')).toEqual({ lastExport: { at: '2024-03-01T10:00:00.000Z', seq: 12 }, snoozedAtSeq: null });
    expect(readExportRecord('case-b')).toEqual(NEVER);
    // Kept under its versioned key, where the next session reads it.
    expect(parseExportRecord(localStorage.getItem(exportRecordKey('case-a')))).toEqual(readExportRecord('case-a'));
  });

  it('keeps a snooze until the next export, which clears it', () => {
    recordArchiveExport('case-a', { at: '2024-03-01T10:00:00.000Z', seq: 12 });
    snoozeExportReminder('case-a', 30);
    expect(readExportRecord('case-a')).toEqual({ lastExport: { at: '2024-03-01T10:00:00.000Z', seq: 12 }, snoozedAtSeq: 30 });
    recordArchiveExport('case-a', { at: '2024-03-02T10:00:00.000Z', seq: 35 });
    expect(readExportRecord('case-a').snoozedAtSeq).toBeNull();
  });

  it('snoozes a case never exported', () => {
    snoozeExportReminder('case-c', 4);
    expect(readExportRecord('case-c')).toEqual({ lastExport: null, snoozedAtSeq: 4 });
  });

  it('holds for the session when storage refuses the write', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    recordArchiveExport('case-d', { at: '2024-03-01T10:00:00.000Z', seq: 5 });
    expect(readExportRecord('case-d').lastExport).toEqual({ at: '2024-03-01T10:00:00.000Z', seq: 5 });
  });
});
