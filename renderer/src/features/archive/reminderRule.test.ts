import { describe, expect, it } from 'vitest';
import { isReminderDue, REMINDER_AGE_MS, REMINDER_CHANGES, reminderBaseline } from './reminderRule';

const NOW = Date.parse('2024-03-02T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MINUTE = 60_000;

describe('isReminderDue', () => {
  it('waits while there are fewer changes than the threshold, all made within the day', () => {
    expect(isReminderDue({ changes: 0, firstAt: null }, NOW)).toBe(false);
    expect(isReminderDue({ changes: 1, firstAt: ago(MINUTE) }, NOW)).toBe(false);
    expect(isReminderDue({ changes: REMINDER_CHANGES - 1, firstAt: ago(REMINDER_AGE_MS - MINUTE) }, NOW)).toBe(false);
  });

  it('reminds at the threshold of changes, however recent', () => {
    expect(isReminderDue({ changes: REMINDER_CHANGES, firstAt: ago(MINUTE) }, NOW)).toBe(true);
    expect(isReminderDue({ changes: REMINDER_CHANGES + 40, firstAt: ago(0) }, NOW)).toBe(true);
  });

  it('reminds of a single change once it is a day old', () => {
    expect(isReminderDue({ changes: 1, firstAt: ago(REMINDER_AGE_MS) }, NOW)).toBe(true);
    expect(isReminderDue({ changes: 1, firstAt: ago(3 * REMINDER_AGE_MS) }, NOW)).toBe(true);
  });
});

describe('reminderBaseline', () => {
  it('counts from the later of the last export and the last Later', () => {
    expect(reminderBaseline(null, null)).toBe(0);
    expect(reminderBaseline(12, null)).toBe(12);
    expect(reminderBaseline(null, 30)).toBe(30);
    expect(reminderBaseline(40, 30)).toBe(40);
    expect(reminderBaseline(12, 30)).toBe(30);
  });
});
