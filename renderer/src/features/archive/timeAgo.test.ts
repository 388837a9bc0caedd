import { describe, expect, it } from 'vitest';
import { formatTimeAgo } from './timeAgo';

const NOW = Date.parse('2024-03-02T12:00:00.000Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

describe('formatTimeAgo', () => {
  it('says how long ago in the largest whole unit', () => {
    expect(formatTimeAgo(ago(0.5), NOW, 'en')).toBe('just now');
    expect(formatTimeAgo(ago(1), NOW, 'en')).toBe('1 minute ago');
    expect(formatTimeAgo(ago(59), NOW, 'en')).toBe('59 minutes ago');
    expect(formatTimeAgo(ago(60), NOW, 'en')).toBe('1 hour ago');
    expect(formatTimeAgo(ago(24 * 60), NOW, 'en')).toBe('yesterday');
    expect(formatTimeAgo(ago(3 * 24 * 60), NOW, 'en')).toBe('3 days ago');
    expect(formatTimeAgo(ago(65 * 24 * 60), NOW, 'en')).toBe('2 months ago');
    expect(formatTimeAgo(ago(800 * 24 * 60), NOW, 'en')).toBe('2 years ago');
  });

  it('takes a moment ahead of the clock (another computer’s) as just now', () => {
    expect(formatTimeAgo(ago(-5), NOW, 'en')).toBe('just now');
  });
});
