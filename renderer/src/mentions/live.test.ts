import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { withCase } from '../../../tests/unit/database';
import { createEntity, createTextDocument, deleteRecord, mergeEntities, undoMerge, updateEntity } from '../domain';
import { attachMentions, type LiveMentions } from './live';
import { snippetLine } from './snippets';

let db: CasebookDB;
let live: LiveMentions;
let caseFile: CaseFile;

// The mentions hear of writes through Dexie middleware: it goes on before the case's creation opens the database.
withCase((fresh) => ({ db, caseFile } = fresh), { beforeOpen: (fresh) => (live = attachMentions(fresh)) });

/** The open case's mentions, with every committed write in them. */
async function settled() {
  const mentions = live.of(caseFile.id);
  await mentions.settled();
  return mentions;
}

/** Each entity's totals, by name, as "documents/mentions". */
async function totals(names: Record<string, string>) {
  const found = await (await settled()).entityTotals();
  return Object.fromEntries(found.map((total) => [names[total.entityId] ?? total.entityId, `${total.documents}/${total.mentions}`]));
}

const REPORT = 'Marta Kowal met Dario Venn in Antwerp. Kowal paid; Venn’s boat left the Port of Antwerp.';

describe('live mentions of an open case', () => {
  it('are built from the database when the case opens, and report that they are ready', async () => {
    const marta = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person', aliases: ['Kowal'] });
    const document = await createTextDocument(db, caseFile.id, { title: 'Report', text: REPORT });
    const mentions = await settled();
    expect(mentions.status).toEqual({ state: 'ready' });
    expect((await mentions.mentionsIn(document.id)).map((mention) => REPORT.slice(mention.start, mention.end))).toEqual(['Marta Kowal', 'Kowal']);
    const [inReport] = await mentions.entityMentions(marta.id, 5);
    expect(inReport).toMatchObject({ documentId: document.id, title: 'Report', count: 2 });
    // About 60 characters either side, cut between words.
    expect(inReport!.snippets.map(snippetLine)).toEqual(['Marta Kowal met Dario Venn in Antwerp. Kowal paid; Venn’s boat left…', REPORT]);
    expect(inReport!.snippets[1]).toMatchObject({ text: 'Kowal', start: 39, end: 44, page: null });
  });

  it('follow a document added, edited and deleted', async () => {
    const venn = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person', aliases: ['Venn'] });
    const names = { [venn.id]: 'Venn' };
    expect(await totals(names)).toEqual({});
    const document = await createTextDocument(db, caseFile.id, { title: 'Report', text: REPORT });
    expect(await totals(names)).toEqual({ Venn: '1/2' });
    await createTextDocument(db, caseFile.id, { title: 'Note', text: 'Venn again.' });
    expect(await totals(names)).toEqual({ Venn: '2/3' });
    await deleteRecord(db, { type: 'document', id: document.id });
    expect(await totals(names)).toEqual({ Venn: '1/1' });
  });

  it('look for an alias added, drop one taken away, and follow a rename', async () => {
    const port = await createEntity(db, caseFile.id, { name: 'Antwerp', type: 'place' });
    await createTextDocument(db, caseFile.id, { title: 'Report', text: REPORT });
    const names = { [port.id]: 'port' };
    expect(await totals(names)).toEqual({ port: '1/2' });
    await updateEntity(db, port.id, { name: 'Antwerp', type: 'place', aliases: ['Port of Antwerp'] });
    // The longer name wins where the two overlap: still two mentions, one of them the port's full name.
    expect(await totals(names)).toEqual({ port: '1/2' });
    const mentions = await settled();
    const [document] = await db.documents.toArray();
    expect((await mentions.mentionsIn(document!.id)).map((mention) => REPORT.slice(mention.start, mention.end))).toEqual(['Antwerp', 'Port of Antwerp']);
    await updateEntity(db, port.id, { name: 'Marta Kowal', type: 'place', aliases: [] });
    expect(await totals(names)).toEqual({ port: '1/1' });
  });

  it('follow the kept entity through a merge, and come back when it is undone', async () => {
    const kowal = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' });
    const mk = await createEntity(db, caseFile.id, { name: 'Kowal', type: 'person' });
    await createTextDocument(db, caseFile.id, { title: 'Report', text: REPORT });
    const names = { [kowal.id]: 'Marta Kowal', [mk.id]: 'Kowal' };
    expect(await totals(names)).toEqual({ 'Marta Kowal': '1/1', Kowal: '1/1' });
    await mergeEntities(db, kowal.id, [mk.id]);
    expect(await totals(names)).toEqual({ 'Marta Kowal': '1/2' });
    const entry = (await db.history.orderBy('seq').last())!;
    await undoMerge(db, entry.seq!);
    expect(await totals(names)).toEqual({ 'Marta Kowal': '1/1', Kowal: '1/1' });
  });

  it('tell their views when they change, and export every mention as CSV', async () => {
    const venn = await createEntity(db, caseFile.id, { name: 'Dario Venn', type: 'person', aliases: ['Venn'] });
    const mentions = await settled();
    let heard = 0;
    mentions.subscribe(() => heard++);
    await createTextDocument(db, caseFile.id, { title: 'Report', text: REPORT });
    await mentions.settled();
    expect(heard).toBeGreaterThan(0);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await mentions.mentionsCsv());
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFEntity,Document,Page,Snippet',
      'Dario Venn,Report,,Marta Kowal met Dario Venn in Antwerp. Kowal paid; Venn’s boat left the Port of…',
      `Dario Venn,Report,,${REPORT}`,
    ]);
    expect(venn.id).toBeTruthy();
  });
});
