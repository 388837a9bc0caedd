import { describe, expect, it } from 'vitest';
import type { CaseRecord, Link, RecordRef } from '../../../../shared/domain';
import type { LinkedRecord } from '../../db/queries/links';
import { groupLinkedRecords } from './linkGroups';

/** A linked record as the query gives it; `null` for one deleted since. */
const linked = (other: RecordRef, createdAt: string, record: Partial<CaseRecord> | null = {}, kind: Link['kind'] = 'mentions'): LinkedRecord => ({
  link: { id: `${other.id}-link`, createdAt, kind } as Link,
  outgoing: false,
  other,
  record: (record ?? undefined) as CaseRecord | undefined,
});

describe('groupLinkedRecords', () => {
  it('groups by the type at the other end: events by date, others as linked, records gone left out', () => {
    const groups = groupLinkedRecords([
      linked({ type: 'event', id: 'later' }, '2024-01-01', { sortKey: '2023-03-13T00:00' } as Partial<CaseRecord>),
      linked({ type: 'excerpt', id: 'second' }, '2024-01-03'),
      linked({ type: 'event', id: 'earlier' }, '2024-01-02', { sortKey: '2021-00-00T00:00' } as Partial<CaseRecord>),
      linked({ type: 'excerpt', id: 'first' }, '2024-01-02'),
      linked({ type: 'note', id: 'gone' }, '2024-01-02', null),
    ]);
    expect(groups.event.map((item) => item.other.id)).toEqual(['earlier', 'later']);
    expect(groups.excerpt.map((item) => item.other.id)).toEqual(['first', 'second']);
    expect(groups.note).toEqual([]);
  });

  it('leaves out what a note’s text mentions, which the page shows with its sentences instead', () => {
    const groups = groupLinkedRecords([
      linked({ type: 'note', id: 'by-hand' }, '2024-01-01'),
      linked({ type: 'note', id: 'in-its-text' }, '2024-01-02', {}, 'text-mention'),
    ]);
    expect(groups.note.map((item) => item.other.id)).toEqual(['by-hand']);
  });
});
