/**
 * A case for editor tests to write in, without a database: its records kept in a map the test changes, every watcher
 * told at once, as the live query would tell them. Only tests import this module.
 */
import { vi } from 'vitest';
import type { RecordRef } from '../../shared/domain';
import { refKey } from '../../shared/textReferences';
import type { CaseText, RecordChoice, ShownRecord } from '../../renderer/src/editor/caseText';
import { fold } from '../../renderer/src/search/fold';

export interface FakeCase extends CaseText {
  /** The records as the case has them now, by `refKey`. */
  records: Map<string, ShownRecord>;
  /** Changes (or, with null, deletes) a record and tells every watcher. */
  change(ref: RecordRef, record: Partial<ShownRecord> | null): void;
  /** How many live queries were started. */
  watches: number;
}

export function fakeCase(records: ShownRecord[] = []): FakeCase {
  const byKey = new Map(records.map((record) => [refKey(record.ref), record]));
  const watchers = new Set<{ refs: readonly RecordRef[]; onChange: (shown: ReadonlyMap<string, ShownRecord>) => void }>();
  const answer = (refs: readonly RecordRef[]) =>
    new Map(refs.map((ref) => [refKey(ref), byKey.get(refKey(ref)) ?? { ref, title: '', missing: true, path: `/gone/${ref.id}` }]));
  const choices = (typed: string, type?: RecordRef['type']): RecordChoice[] =>
    [...byKey.values()]
      .filter((record) => (!type || record.ref.type === type) && fold(record.title).includes(fold(typed.trim())))
      .map((record) => ({ ref: record.ref, title: record.title, detail: record.ref.type, quote: record.quote, citation: record.citation }));
  const fake: FakeCase = {
    caseId: 'case-1',
    records: byKey,
    watches: 0,
    findEntities: async (typed) => choices(typed, 'entity'),
    findRecords: async (typed) => choices(typed),
    entityTypes: async () => [
      { value: 'person', label: 'person' },
      { value: 'organisation', label: 'organisation' },
    ],
    createEntity: vi.fn(async (name: string) => {
      const ref = { type: 'entity' as const, id: `new-${name}` };
      byKey.set(refKey(ref), { ref, title: name, missing: false, path: `/entities/${ref.id}` });
      return { ref, title: name, detail: 'person' };
    }),
    describe: async (ref) => byKey.get(refKey(ref)) ?? null,
    watch(refs, onChange) {
      fake.watches++;
      const watcher = { refs, onChange };
      watchers.add(watcher);
      onChange(answer(refs));
      return () => watchers.delete(watcher);
    },
    open: vi.fn(),
    change(ref, record) {
      if (record === null) byKey.delete(refKey(ref));
      else byKey.set(refKey(ref), { ...byKey.get(refKey(ref))!, ...record });
      for (const watcher of watchers) watcher.onChange(answer(watcher.refs));
    },
  };
  return fake;
}

export const entity = (id: string, title: string): ShownRecord => ({ ref: { type: 'entity', id }, title, missing: false, path: `/entities/${id}` });
