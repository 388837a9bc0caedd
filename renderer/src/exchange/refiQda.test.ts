// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { CasebookDB } from '../db/schema';
import type { Excerpt, Tag } from '../../../shared/domain';
import { createExcerpt, createTag, createTextDocument } from '../domain';
import { codebookRecords } from '../db/queries/exchange';
import { seedRepresentativeCase, withDatabase, type SeededCase } from '../../../tests/unit/database';
import { QDA_NAMESPACE, buildQdpx, codePointOffsets } from './refiQda';

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('the codebook as a REFI-QDA project', () => {
  let db: CasebookDB;
  let seeded: SeededCase;
  let tags: Record<'money' | 'payments' | 'cash', Tag>;
  let excerpts: Record<'chinese' | 'polish' | 'uncoded' | 'orphaned', Excerpt>;
  withDatabase((fresh) => (db = fresh));

  beforeEach(async () => {
    seeded = await seedRepresentativeCase(db);
    const caseId = seeded.caseFile.id;
    const money = await createTag(db, caseId, { name: 'Money & <payments>', colour: '#aa3300', description: 'Where the money went: "cash" & transfers.' });
    const payments = await createTag(db, caseId, { name: 'Payments', parentId: money.id });
    const cash = await createTag(db, caseId, { name: 'Gotówka 现金', parentId: payments.id });
    tags = { money, payments, cash };
    // A ship (outside the Basic Multilingual Plane: two UTF-16 units, one character) before the quotes.
    const text = '🚢 港口记录：张伟在2021年3月9日签署了租船合同。\nŁódź, żółć — Marta Kowal zapłaciła gotówką 🚢 w porcie.';
    const document = await createTextDocument(db, caseId, { title: 'Dziennik portu 港口', text, sourceUrl: 'https://example.org/port' });
    const quote = async (words: string, more: { tags: string[]; comment?: ReturnType<typeof paragraph> }) => {
      const start = text.indexOf(words);
      return createExcerpt(db, caseId, {
        documentId: document.id,
        quote: words,
        anchor: { start, end: start + words.length, prefix: '', suffix: '', page: null },
        ...more,
      });
    };
    excerpts = {
      chinese: await quote('张伟在2021年3月9日签署了租船合同', { tags: [cash.id, seeded.excerpt.tags[0]!], comment: paragraph('Who is 张伟? <check> & verify') }),
      polish: await quote('Marta Kowal zapłaciła gotówką 🚢 w porcie', { tags: [payments.id] }),
      uncoded: await quote('Łódź, żółć', { tags: [] }),
      orphaned: await quote('港口记录', { tags: [money.id] }),
    };
    // The text changed under this one and its quote was not found again.
    await db.excerpts.update(excerpts.orphaned.id, { orphaned: true });
  });

  const exported = async () => {
    const records = await codebookRecords(db, seeded.caseFile.id);
    const file = await buildQdpx({ ...records!, appVersion: '0.1.0', exportedAt: new Date('2026-03-14T09:30:00Z') });
    const entries = unzipSync(file.bytes);
    const xml = new TextDecoder().decode(entries['project.qde']);
    const project = new DOMParser().parseFromString(xml, 'application/xml');
    return { file, entries, xml, project };
  };
  const all = (parent: Document | Element, name: string) => [...parent.getElementsByTagNameNS(QDA_NAMESPACE, name)];
  const children = (parent: Element, name: string) => [...parent.children].filter((child) => child.namespaceURI === QDA_NAMESPACE && child.localName === name);

  it('writes a project.qde that parses, with the codebook nested as the tags are', async () => {
    const { file, project, xml } = await exported();
    expect(project.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const root = project.documentElement;
    expect([root.namespaceURI, root.localName]).toEqual([QDA_NAMESPACE, 'Project']);
    expect(root.getAttribute('name')).toBe('Harbour charter');
    expect(root.getAttribute('origin')).toBe('Casebook 0.1.0');
    const [user] = all(project, 'User');
    expect(root.getAttribute('creatingUserGUID')).toBe(user!.getAttribute('guid'));
    // The schema's order: Users, CodeBook, Sources, Notes.
    expect([...root.children].map((child) => child.localName)).toEqual(['Users', 'CodeBook', 'Sources', 'Notes']);

    const [codes] = all(project, 'Codes');
    const tree = (parent: Element): unknown[] =>
      children(parent, 'Code').map((code) => ({ name: code.getAttribute('name'), codes: tree(code) }));
    expect(tree(codes!)).toEqual(
      expect.arrayContaining([
        { name: 'Charter', codes: [] },
        { name: 'Money & <payments>', codes: [{ name: 'Payments', codes: [{ name: 'Gotówka 现金', codes: [] }] }] },
      ]),
    );
    const money = all(project, 'Code').find((code) => code.getAttribute('name') === 'Money & <payments>')!;
    expect(money.getAttribute('guid')).toBe(tags.money.id);
    expect(money.getAttribute('color')).toBe('#aa3300');
    expect(money.getAttribute('isCodable')).toBe('true');
    expect(children(money, 'Description')[0]!.textContent).toBe('Where the money went: "cash" & transfers.');
    expect(file).toMatchObject({ codes: 4, sources: 2, selections: 3, leftOut: 1 });
  });

  it('cuts out exactly each excerpt’s quote, counting characters as REFI-QDA does, and codes it with its tags', async () => {
    const { project, entries } = await exported();
    const codeGuids = new Set(all(project, 'Code').map((code) => code.getAttribute('guid')));
    const noteTexts = new Map(all(project, 'Note').map((note) => [note.getAttribute('guid'), children(note, 'PlainTextContent')[0]!.textContent]));
    const quotes = new Map<string, { quote: string; codes: number; comment: string | null }>();
    const sources = all(project, 'TextSource');
    expect(sources.map((source) => source.getAttribute('name')).sort()).toEqual(['Dziennik portu 港口', 'Harbour master’s log']);
    for (const source of sources) {
      const path = source.getAttribute('plainTextPath')!;
      expect(path).toMatch(/^internal:\/\/[0-9a-f-]{36}\.txt$/);
      const bytes = entries[`sources/${path.slice('internal://'.length)}`];
      expect(bytes, path).toBeDefined();
      const characters = Array.from(new TextDecoder().decode(bytes));
      for (const selection of children(source, 'PlainTextSelection')) {
        const start = Number(selection.getAttribute('startPosition'));
        const end = Number(selection.getAttribute('endPosition'));
        const codings = children(selection, 'Coding');
        for (const coding of codings) expect(codeGuids.has(children(coding, 'CodeRef')[0]!.getAttribute('targetGUID'))).toBe(true);
        const noteRef = children(selection, 'NoteRef')[0];
        expect(noteRef ? noteTexts.get(noteRef.getAttribute('targetGUID')) : null).toBe(children(selection, 'Description')[0]?.textContent ?? null);
        quotes.set(selection.getAttribute('guid')!, {
          quote: characters.slice(start, end).join(''),
          codes: codings.length,
          comment: children(selection, 'Description')[0]?.textContent ?? null,
        });
      }
    }
    expect(Object.fromEntries(quotes)).toEqual({
      [seeded.excerpt.id]: { quote: 'Zoë Müller signed the charter', codes: 1, comment: null },
      [excerpts.chinese.id]: { quote: '张伟在2021年3月9日签署了租船合同', codes: 2, comment: 'Who is 张伟? <check> & verify' },
      [excerpts.polish.id]: { quote: 'Marta Kowal zapłaciła gotówką 🚢 w porcie', codes: 1, comment: null },
    });
    const document = (await db.documents.get(excerpts.polish.documentId!))!;
    const source = sources.find((candidate) => candidate.getAttribute('guid') === document.id)!;
    expect(new TextDecoder().decode(entries[`sources/${document.id}.txt`])).toBe(document.text);
    expect(children(source, 'Description')[0]!.textContent).toContain('https://example.org/port');
  });

  it('gives the same GUIDs and bytes when exported twice', async () => {
    const first = await exported();
    const second = await exported();
    expect(second.xml).toBe(first.xml);
    expect(second.file.bytes).toEqual(first.file.bytes);
  });

  it('counts code points, not UTF-16 units', () => {
    const text = 'a🚢b😀c';
    expect(Object.fromEntries(codePointOffsets(text, [0, 1, 3, 4, 6, 7]))).toEqual({ 0: 0, 1: 1, 3: 2, 4: 3, 6: 4, 7: 5 });
  });
});
