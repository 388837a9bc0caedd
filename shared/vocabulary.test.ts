import { describe, expect, it } from 'vitest';
import type { Excerpt } from './domain';
import {
  LINK_KINDS,
  LINK_KIND_INFO,
  RECORD_KINDS,
  RECORD_TABLES,
  RECORD_TYPES,
  countOf,
  defaultLinkKind,
  linkAllowed,
  linkEndsMessage,
  recordPath,
  recordTitle,
  recordTypeOfTable,
} from './vocabulary';

describe('record kinds', () => {
  it('give each type its own table and section, and find the type again from its table', () => {
    expect(new Set(RECORD_TABLES).size).toBe(RECORD_TYPES.length);
    expect(new Set(RECORD_TYPES.map((type) => RECORD_KINDS[type].section)).size).toBe(RECORD_TYPES.length);
    for (const type of RECORD_TYPES) expect(recordTypeOfTable(RECORD_KINDS[type].table)).toBe(type);
    expect(recordTypeOfTable('history')).toBeUndefined();
  });

  it('title a record the way lists show it, a long quote cut with an ellipsis', () => {
    const quote = 'Investigators seized 1,200 kg of cocaine hidden in a container of frozen fish at the quay.';
    const title = recordTitle('excerpt', { quote } as Excerpt);
    expect(title).toHaveLength(60);
    expect(title.endsWith('…')).toBe(true);
    expect(quote.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('count in words and route to the record', () => {
    expect(countOf('entity', 1)).toBe('1 entity');
    expect(countOf('entity', 1200)).toBe('1,200 entities');
    expect(recordPath('case 1', 'event', 'e/1')).toBe('/case/case%201/timeline/e%2F1');
  });
});

describe('link kinds', () => {
  it('each read both ways, the symmetric ones the same way', () => {
    for (const kind of LINK_KINDS) {
      const info = LINK_KIND_INFO[kind];
      expect(info.label).toBeTruthy();
      if (info.symmetric) expect(info.inverse).toBe(info.label);
      else expect(info.inverse).not.toBe(info.label);
    }
  });

  it('allow only the ends that make sense, and say which in words', () => {
    expect(linkAllowed('involves', 'event', 'entity')).toBe(true);
    expect(linkAllowed('involves', 'entity', 'event')).toBe(false);
    expect(linkAllowed('quoted-from', 'excerpt', 'document')).toBe(true);
    expect(linkAllowed('works-for', 'note', 'entity')).toBe(false);
    expect(linkAllowed('related-to', 'note', 'document')).toBe(true);
    expect(linkEndsMessage('evidence')).toBe('“evidence” links an event to an excerpt or a document.');
    expect(linkEndsMessage('related-to')).toBe('“related to” links any record to any record.');
  });

  it('propose the kind a researcher most likely means, always one the ends allow', () => {
    expect(defaultLinkKind('excerpt', 'entity')).toBe('mentions');
    expect(defaultLinkKind('event', 'excerpt')).toBe('evidence');
    expect(defaultLinkKind('event', 'entity')).toBe('involves');
    expect(defaultLinkKind('excerpt', 'document')).toBe('quoted-from');
    expect(defaultLinkKind('entity', 'entity')).toBe('related-to');
    for (const from of RECORD_TYPES)
      for (const to of RECORD_TYPES) expect(linkAllowed(defaultLinkKind(from, to), from, to)).toBe(true);
  });
});
