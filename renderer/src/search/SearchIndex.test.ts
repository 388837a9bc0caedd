import type Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseFile, PageSpan } from '../../../shared/domain';
import { CasebookDB } from '../db/schema';
import { withCase } from '../../../tests/unit/database';
import {
  createEntity,
  createEvent,
  createExcerpt,
  createTag,
  deleteTag,
  renameTag,
  createNote,
  createTextDocument,
  deleteCase,
  deleteRecord,
  importDocument,
  sha256Hex,
  mergeEntities,
  undoMerge,
  updateEntity,
  updateNote,
} from '../domain';
import { SearchConnection, type SearchEndpoint } from './connection';
import { ENGINE_FORMAT } from './engine';
import { attachSearchIndexing, searchIndexFor, type SearchIndexing } from './indexing';
import type { SearchRequest } from './protocol';
import { CaseSearchIndex, type SearchHit } from './SearchIndex';

let db: CasebookDB;
let indexing: SearchIndexing;
let caseFile: CaseFile;
const others: Dexie[] = [];

// Search indexing is Dexie middleware: it goes on before the case's creation opens the database.
withCase((fresh) => ({ db, caseFile } = fresh), {
  beforeOpen: (fresh) => (indexing = attachSearchIndexing(fresh)),
});
afterEach(() => {
  for (const other of others.splice(0)) other.close();
});

/** The case's index, open and with every committed change in it. */
async function openIndex(): Promise<CaseSearchIndex> {
  const index = searchIndexFor(db, caseFile.id);
  await index.flush();
  return index;
}

const titles = (hits: SearchHit[]) => hits.map((hit) => hit.title);
const marked = (hit: SearchHit) => hit.snippet.highlights.map(([start, end]) => hit.snippet.text.slice(start, end));

async function search(query: string) {
  const index = searchIndexFor(db, caseFile.id);
  await index.flush();
  return index.search(query);
}

/** Another window: the same database, without this window's indexing. */
function otherWindow(): CasebookDB {
  const other = new CasebookDB(db.name);
  others.push(other);
  return other;
}

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('indexing every kind of record', () => {
  beforeEach(async () => {
    const document = await createTextDocument(db, caseFile.id, {
      title: 'Harbour master’s log',
      text: 'Zoë Müller signed the charter for the vessel Nordlys on 9 March 2021.',
    });
    const kelp = await createTag(db, caseFile.id, { name: 'kelp' });
    await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'the charter for the vessel Nordlys', tags: [kelp.id] });
    await createEntity(db, caseFile.id, {
      name: 'Zoë Müller',
      type: 'person',
      aliases: ['Zuzanna Mylerowa'],
      description: paragraph('Skipper from Gdańsk.'),
    });
    await createEvent(db, caseFile.id, {
      title: 'Charter signed',
      start: { value: '2021-03-09', precision: 'day' },
      description: paragraph('At the quay in Tromsø.'),
    });
    await createNote(db, caseFile.id, { title: 'Open questions', body: paragraph('Who paid the broker in Reykjavík?') });
  });

  it('finds documents by text, excerpts by quote and tag, entities by name, alias and description', async () => {
    expect((await search('nordlys')).map((hit) => hit.ref.type).sort()).toEqual(['document', 'excerpt']);
    expect((await search('kelp')).map((hit) => hit.ref.type)).toEqual(['excerpt']);
    expect(titles(await search('Mylerowa'))).toEqual(['Zoë Müller']);
    expect(titles(await search('skipper'))).toEqual(['Zoë Müller']);
  });

  it('finds events by title, date and description, and notes by title and body', async () => {
    expect(titles(await search('tromso'))).toEqual(['Charter signed']);
    expect(titles(await search('2021 03 09'))).toEqual(['Charter signed']);
    expect(titles(await search('broker reykjavik'))).toEqual(['Open questions']);
    expect(titles(await search('questions'))).toEqual(['Open questions']);
  });

  it('needs every word of the query in a result', async () => {
    expect(titles(await search('charter gdansk '))).toEqual([]);
    expect(titles(await search('skipper gdansk '))).toEqual(['Zoë Müller']);
  });

  it('finds with or without diacritics, whichever way they were written', async () => {
    expect(titles(await search('Zoe Muller'))).toContain('Zoë Müller');
    expect(titles(await search('GDANSK'))).toEqual(['Zoë Müller']);
    await createEntity(db, caseFile.id, { name: 'Frederic Lodz', type: 'person' });
    expect(titles(await search('Frédéric Łódź'))).toEqual(['Frederic Lodz']);
    // With nothing else to show, the snippet is the name, its match highlighted where it is written without accents.
    expect(marked((await search('Frédéric Łódź'))[0]!)).toEqual(['Frederic', 'Lodz']);
  });

  it('finds records by the start of the word being typed', async () => {
    expect(titles(await search('Harb'))).toEqual(['Harbour master’s log']);
    expect(titles(await search('charter sig')).sort()).toEqual(['Charter signed', 'Harbour master’s log']);
    // A finished word is matched whole.
    expect(titles(await search('harb '))).toEqual([]);
  });

  it('matches a quoted phrase only where its words follow one another', async () => {
    expect(titles(await search('"signed the charter"'))).toEqual(['Harbour master’s log']);
    // Both words are in the log, but apart.
    expect(titles(await search('"charter Nordlys"'))).toEqual([]);
    expect(titles(await search('"charter signed"'))).toEqual(['Charter signed']);
  });

  it('highlights the matches in the snippet', async () => {
    const [hit] = await search('Muller "the charter"');
    expect(hit!.ref.type).toBe('document');
    expect(hit!.snippet.text).toBe('Zoë Müller signed the charter for the vessel Nordlys on 9 March 2021.');
    expect(marked(hit!)).toEqual(['Müller', 'the charter']);
  });

  it('finds nothing for words too common to index, and for an empty query', async () => {
    expect(await search('the')).toEqual([]);
    expect(await search('  ')).toEqual([]);
  });
});

describe('ranking', () => {
  it('ranks a name above a mention, and many mentions above one', async () => {
    await createTextDocument(db, caseFile.id, { title: 'Crew list', text: 'Also aboard: Okafor, the cook.' });
    await createTextDocument(db, caseFile.id, {
      title: 'Interview',
      text: 'Okafor said Okafor had never met the broker. Okafor left the ship in June.',
    });
    await createEntity(db, caseFile.id, { name: 'Dario Okafor', type: 'person' });
    expect(titles(await search('okafor'))).toEqual(['Dario Okafor', 'Interview', 'Crew list']);
  });

  it('ranks an exact word above a word it begins', async () => {
    await createNote(db, caseFile.id, { title: 'Portfolio', body: paragraph('Shares.') });
    await createNote(db, caseFile.id, { title: 'Port', body: paragraph('Quays.') });
    expect(titles(await search('port'))).toEqual(['Port', 'Portfolio']);
  });
});

describe('keeping up with changes made through the domain layer', () => {
  it('adds, re-indexes and removes records as they are created, edited and deleted', async () => {
    const index = await openIndex();
    const entity = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' });
    expect(titles(await search('kowal'))).toEqual(['Marta Kowal']);

    await updateEntity(db, entity.id, { name: 'Marta Nowak', type: 'person', aliases: ['M. Kowalska'] });
    expect(titles(await search('nowak'))).toEqual(['Marta Nowak']);
    expect(titles(await search('kowal '))).toEqual([]);
    expect(titles(await search('kowalska'))).toEqual(['Marta Nowak']);

    await deleteRecord(db, { type: 'entity', id: entity.id });
    expect(await search('nowak')).toEqual([]);
    expect(index.recordCount).toBe(0);
    expect(index.origin).toEqual({ from: 'built', reason: 'no saved index' });
  });

  it('cuts the snippet of an edited record from its new text, not from the one read before', async () => {
    await openIndex();
    const note = await createNote(db, caseFile.id, { title: 'Kelp', body: paragraph('The kelp went to Bergen.') });
    expect((await search('kelp bergen'))[0]!.snippet.text).toBe('The kelp went to Bergen.');
    await updateNote(db, note.id, { title: 'Kelp', body: paragraph('The kelp went to Bergen by rail.') });
    expect((await search('kelp bergen'))[0]!.snippet.text).toBe('The kelp went to Bergen by rail.');
  });

  it('finds an excerpt by its tag’s new name once the tag is renamed, and no longer by a deleted tag', async () => {
    const tag = await createTag(db, caseFile.id, { name: 'Seaweed' });
    const other = await createTag(db, caseFile.id, { name: 'Harbour' });
    await createExcerpt(db, caseFile.id, { quote: 'a shipment', tags: [tag.id, other.id] });
    await openIndex();
    expect(await search('seaweed')).toHaveLength(1);
    await renameTag(db, tag.id, 'Kelp');
    expect(await search('seaweed')).toEqual([]);
    expect(await search('kelp')).toHaveLength(1);
    await deleteTag(db, other.id, 'remove');
    expect(await search('harbour')).toEqual([]);
  });

  describe('a note that mentions an entity', () => {
    const mentioning = (entity: { id: string; name: string }, before: string, after = '') => ({
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: before },
            { type: 'recordLink', attrs: { type: 'entity', id: entity.id, label: entity.name, as: 'mention' } },
            ...(after ? [{ type: 'text', text: after }] : []),
          ],
        },
      ],
    });
    const notesFound = async (query: string) => titles((await search(query)).filter((hit) => hit.ref.type === 'note'));

    it('is found by the entity’s new name as soon as it is renamed, without being saved again', async () => {
      const marta = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' });
      const note = await createNote(db, caseFile.id, { title: 'Courier', body: mentioning(marta, 'Paid by ') });
      // Another note holds the old name in its own words: it keeps being found by them.
      await createNote(db, caseFile.id, { title: 'Old letters', body: mentioning(marta, 'Signed Kowal: ') });
      await openIndex();
      expect((await notesFound('kowal')).sort()).toEqual(['Courier', 'Old letters']);

      await updateEntity(db, marta.id, { name: 'Marta Nowak', type: 'person' });
      expect((await notesFound('nowak')).sort()).toEqual(['Courier', 'Old letters']);
      expect(await notesFound('kowal')).toEqual(['Old letters']);
      // The note's text was not rewritten: it still holds the name it was saved with, and its time.
      expect(await db.notes.get(note.id)).toEqual(note);
    });

    it('is found by the kept entity’s name once the one it mentions is merged, and by its own again once undone', async () => {
      const kept = await createEntity(db, caseFile.id, { name: 'Quayline Holdings', type: 'organisation' });
      const merged = await createEntity(db, caseFile.id, { name: 'QH Shipping', type: 'organisation' });
      await createNote(db, caseFile.id, { title: 'Money trail', body: mentioning(merged, 'Paid through ', '.') });
      await openIndex();
      expect(await notesFound('quayline')).toEqual([]);

      await mergeEntities(db, kept.id, [merged.id]);
      expect(await notesFound('quayline')).toEqual(['Money trail']);
      expect(await notesFound('"qh shipping"')).toEqual([]);

      const merge = (await db.history.orderBy('seq').last())!;
      await undoMerge(db, merge.seq!);
      expect(await notesFound('"qh shipping"')).toEqual(['Money trail']);
      expect(await notesFound('quayline')).toEqual([]);
    });

    it('is found by the new name in a saved index opened after another window renamed the entity', async () => {
      const marta = await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' });
      await createNote(db, caseFile.id, { title: 'Courier', body: mentioning(marta, 'Paid by ') });
      const index = await openIndex();
      await index.save();
      indexing.close();

      const other = new CasebookDB(db.name);
      others.push(other);
      await updateEntity(other, marta.id, { name: 'Marta Nowak', type: 'person' });
      const opened = searchIndexFor(db, caseFile.id);
      await opened.flush();
      expect(opened.origin).toMatchObject({ from: 'saved' });
      expect(await notesFound('nowak')).toEqual(['Courier']);
      expect(await notesFound('kowal')).toEqual([]);
    });
  });

  it('finds an entity by its tags’ names (the new one once renamed) and by its attributes’ values', async () => {
    const tag = await createTag(db, caseFile.id, { name: 'Seaweed' });
    await createEntity(db, caseFile.id, {
      name: 'MV Corran Bay',
      type: 'vessel',
      tags: [tag.id],
      attributes: [{ key: 'IMO number', value: 'IMO 9123456' }],
    });
    await openIndex();
    expect(titles(await search('seaweed'))).toEqual(['MV Corran Bay']);
    expect(titles(await search('9123456'))).toEqual(['MV Corran Bay']);
    await renameTag(db, tag.id, 'Kelp');
    expect(await search('seaweed')).toEqual([]);
    expect(titles(await search('kelp'))).toEqual(['MV Corran Bay']);
  });

  it('takes the excerpts deleted with their document out too', async () => {
    const document = await createTextDocument(db, caseFile.id, { title: 'Log', text: 'The kelp shipment.' });
    await createExcerpt(db, caseFile.id, { documentId: document.id, quote: 'kelp shipment' });
    await openIndex();
    expect(await search('kelp')).toHaveLength(2);
    await deleteRecord(db, { type: 'document', id: document.id });
    expect(await search('kelp')).toEqual([]);
  });

  it('leaves an index alone when its transaction fails', async () => {
    await openIndex();
    await createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' });
    await expect(createEntity(db, caseFile.id, { name: 'Marta Kowal', type: 'person' })).rejects.toThrow();
    await expect(
      db.transaction('rw', db.entities, async () => {
        await db.entities.put({ ...(await db.entities.toCollection().first())!, name: 'Rolled back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(titles(await search('kowal'))).toEqual(['Marta Kowal']);
    expect(await search('rolled')).toEqual([]);
  });

  it('drops a record another window deleted once a search finds it, and says so', async () => {
    await createNote(db, caseFile.id, { title: 'Kelp prices' });
    const note = await createNote(db, caseFile.id, { title: 'Kelp routes' });
    const index = await openIndex();
    await deleteRecord(otherWindow(), { type: 'note', id: note.id });
    const changed = new Promise<void>((resolve) => index.subscribe(resolve));
    // This window did not see the deletion: the first answer still has the note, the index then finds it gone.
    expect(titles(await index.search('kelp')).sort()).toEqual(['Kelp prices', 'Kelp routes']);
    await changed;
    expect(titles(await index.search('kelp'))).toEqual(['Kelp prices']);
  });

  it('tells subscribers when the indexed records change', async () => {
    const index = await openIndex();
    let calls = 0;
    index.subscribe(() => calls++);
    await createNote(db, caseFile.id, { title: 'Kelp' });
    await index.flush();
    expect(calls).toBeGreaterThan(0);
  });

  it('forgets the index of a deleted case', async () => {
    await createNote(db, caseFile.id, { title: 'Kelp' });
    const index = await openIndex();
    await deleteCase(db, caseFile.id);
    await indexing.writesForwarded();
    expect(await db.searchIndexes.count()).toBe(0);
    expect(searchIndexFor(db, caseFile.id)).not.toBe(index);
  });
});

describe('saving and reopening', () => {
  /** This window again after a reload: a new connection with its own indexing. */
  function reload(): CasebookDB {
    const reloaded = new CasebookDB(db.name);
    attachSearchIndexing(reloaded);
    others.push(reloaded);
    return reloaded;
  }

  beforeEach(async () => {
    for (let index = 0; index < 30; index++)
      await createTextDocument(db, caseFile.id, { title: `Report ${index}`, text: `Shipment ${index} of kelp to Bergen.` });
  });

  it('saves the index once built, and a reloaded window opens it without rebuilding', async () => {
    const built = await openIndex();
    expect(built.origin).toEqual({ from: 'built', reason: 'no saved index' });
    const saved = await db.searchIndexes.get(caseFile.id);
    expect(saved).toMatchObject({ caseId: caseFile.id, format: ENGINE_FORMAT, schemaVersion: db.verno });

    const reloaded = reload();
    const opened = searchIndexFor(reloaded, caseFile.id);
    await opened.flush();
    expect(opened.origin).toEqual({ from: 'saved', caughtUp: 0 });
    expect(opened.recordCount).toBe(30);
    expect(titles(await opened.search('shipment 17 '))).toEqual(['Report 17']);
  });

  it('catches up on what another window changed since the save, without rebuilding', async () => {
    await openIndex();
    const other = otherWindow();
    await createEntity(other, caseFile.id, { name: 'Ilse Venn', type: 'person' });
    const note = await createNote(other, caseFile.id, { title: 'Draft' });
    await updateNote(other, note.id, { title: 'Kelp prices' });
    const report = await other.documents.filter((document) => document.title === 'Report 3').first();
    await deleteRecord(other, { type: 'document', id: report!.id });

    const reloaded = reload();
    const opened = searchIndexFor(reloaded, caseFile.id);
    await opened.flush();
    expect(opened.origin).toEqual({ from: 'saved', caughtUp: 3 });
    expect(titles(await opened.search('venn'))).toEqual(['Ilse Venn']);
    expect(titles(await opened.search('prices'))).toEqual(['Kelp prices']);
    expect(await opened.search('draft')).toEqual([]);
    expect(await opened.search('shipment 3 ')).toEqual([]);
  });

  it('does not claim in its save what another window changed while it was open', async () => {
    const index = await openIndex();
    await createNote(otherWindow(), caseFile.id, { title: 'Written elsewhere' });
    await createNote(db, caseFile.id, { title: 'Written here' });
    await index.save();
    const saved = await db.searchIndexes.get(caseFile.id);
    const entries = await db.history.where('caseId').equals(caseFile.id).primaryKeys();
    // The save stops before the other window's entry, so reopening reads it.
    expect(saved!.fingerprint.seq).toBe(entries.at(-3));

    const opened = searchIndexFor(reload(), caseFile.id);
    await opened.flush();
    expect(opened.origin).toMatchObject({ from: 'saved' });
    expect(titles(await opened.search('written')).sort()).toEqual(['Written elsewhere', 'Written here']);
  });

  it('rebuilds a saved index that is too far behind, or from another format', async () => {
    await openIndex();
    const other = otherWindow();
    for (let index = 0; index < 60; index++) await createNote(other, caseFile.id, { title: `Note ${index}` });
    const behind = searchIndexFor(reload(), caseFile.id);
    await behind.flush();
    expect(behind.origin).toEqual({ from: 'built', reason: 'saved index too far behind' });

    await db.searchIndexes.update(caseFile.id, { format: ENGINE_FORMAT + 1 });
    const outdated = searchIndexFor(reload(), caseFile.id);
    await outdated.flush();
    expect(outdated.origin).toEqual({ from: 'built', reason: 'saved by another index format' });
    expect(outdated.recordCount).toBe(90);
  });

  it('saves again after enough changes, and when the window is hidden', async () => {
    const index = await openIndex();
    const before = (await db.searchIndexes.get(caseFile.id))!.savedAt;
    await createNote(db, caseFile.id, { title: 'One more' });
    await index.flush();
    await indexing.saveAll();
    const after = await db.searchIndexes.get(caseFile.id);
    expect(after!.savedAt >= before).toBe(true);
    expect(after!.fingerprint.counts).toMatchObject({ documents: 30, notes: 1 });
    const opened = searchIndexFor(reload(), caseFile.id);
    await opened.flush();
    expect(opened.origin).toEqual({ from: 'saved', caughtUp: 0 });
  });
});

describe('paged documents', () => {
  it('says on which page of a PDF the match is', async () => {
    const pageTexts = ['Cover page of the audit.', 'Contents and summary.', 'The ledger shows a transfer to Øresund Holdings.'];
    let text = '';
    const pages: PageSpan[] = pageTexts.map((pageText, index) => {
      const start = text.length;
      text += `${pageText}\n\n`;
      return { page: index + 1, start, end: text.length };
    });
    const bytes = new TextEncoder().encode(text);
    await importDocument(db, caseFile.id, {
      fileName: 'audit.pdf',
      mimeType: 'application/pdf',
      bytes,
      sha256: await sha256Hex(bytes),
      extracted: {
        kind: 'pdf',
        title: 'Audit 2021',
        text,
        html: null,
        charset: null,
        authors: ['Anders Strand'],
        publishedAt: null,
        sourceUrl: null,
        siteName: null,
        language: 'en',
        pages,
        pageCount: pages.length,
        textLayer: true,
        warnings: [],
        cleanup: null,
      },
    });
    const [hit] = await search('oresund transfer');
    expect(hit).toMatchObject({ title: 'Audit 2021', page: 3, offset: text.indexOf('transfer') });
    expect(marked(hit!)).toEqual(['transfer', 'Øresund']);
    // Found by its author, the document has no page to open.
    const [byAuthor] = await search('strand');
    expect(byAuthor!.page).toBeUndefined();
  });
});

describe('the search worker', () => {
  /** A worker that takes requests and never answers, then stops as a crashed worker does. */
  function crashingWorker() {
    const received: SearchRequest[] = [];
    const listeners: ((event: Event) => void)[] = [];
    const endpoint: SearchEndpoint = {
      postMessage: (message) => received.push(message),
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === 'error') listeners.push(listener as (event: Event) => void);
      },
      terminate: () => {},
    };
    const crash = () => listeners.forEach((listener) => listener(Object.assign(new Event('error'), { message: 'out of memory' })));
    return { endpoint, received, crash };
  }

  it('is told which database to open, and each index is opened with its case', () => {
    const worker = crashingWorker();
    const index = new CaseSearchIndex(db, caseFile.id, { connection: new SearchConnection(db, () => worker.endpoint) });
    expect(worker.received).toEqual([
      { type: 'connect', database: db.name },
      expect.objectContaining({ type: 'open', caseId: caseFile.id }),
    ]);
    index.close();
  });

  it('fails the index and its questions when it stops, with a message that says what to do', async () => {
    const worker = crashingWorker();
    const index = new CaseSearchIndex(db, caseFile.id, { connection: new SearchConnection(db, () => worker.endpoint) });
    const asked = index.search('kelp');
    worker.crash();
    await expect(asked).rejects.toThrow('The search worker stopped unexpectedly (out of memory). Reload the window');
    await expect(index.ready).rejects.toThrow('stopped unexpectedly');
    expect(index.status).toMatchObject({ state: 'failed', message: expect.stringContaining('Reload the window') });
    await expect(index.search('kelp')).rejects.toThrow('stopped unexpectedly');
  });
});
