import { describe, expect, it } from 'vitest';
import type { CasebookDB } from '../db/schema';
import { timelineRecordsOf } from '../db/queries/timelineView';
import { createEntity, createEvent, linkRecords } from '../domain';
import { refTo, seedRepresentativeCase, withDatabase } from '../../../tests/unit/database';
import { timelineDataOf } from './fromEvents';

let db: CasebookDB;
withDatabase((fresh) => (db = fresh));

describe('timelineDataOf(timelineRecordsOf(case))', () => {
  it('gives each event its dates, its participants and place (links made into fields), its standing, and its documents through its evidence', async () => {
    const seeded = await seedRepresentativeCase(db);
    const caseId = seeded.caseFile.id;
    const harbour = await createEntity(db, caseId, { name: 'Marlow Quay', type: 'place' });
    await linkRecords(db, caseId, { from: refTo(seeded.event), to: refTo(seeded.person), kind: 'involves' });
    await linkRecords(db, caseId, { from: refTo(seeded.event), to: refTo(harbour), kind: 'located-in' });
    const later = await createEvent(db, caseId, {
      title: 'Ship leaves',
      start: { value: '2022', precision: 'year' },
      end: { value: '2022-03-04', precision: 'day' },
    });

    const data = timelineDataOf(await timelineRecordsOf(db, caseId));
    const event = data.items.find((item) => item.id === seeded.event.id)!;
    expect(event.lanes).toEqual({ participants: [seeded.person.id], place: harbour.id, tags: [], documents: [seeded.document.id] });
    expect(event.start).toEqual({ ...seeded.event.start, qualifier: null });
    expect(data.names[seeded.person.id]).toBe(seeded.person.name);
    expect(data.names[harbour.id]).toBe('Marlow Quay');
    expect(data.names[seeded.document.id]).toBe(seeded.document.title);
    expect(data.items.find((item) => item.id === later.id)).toMatchObject({
      start: { value: '2022', precision: 'year', qualifier: null },
      end: { value: '2022-03-04', precision: 'day', qualifier: null },
      lanes: { participants: [], place: null, tags: [], documents: [] },
      confidence: later.confidence,
      status: later.status,
    });
  });
});
