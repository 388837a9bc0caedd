import { beforeEach, describe, expect, it } from 'vitest';
import { CasebookDB } from '../../renderer/src/db/schema';
import { DATE_SUGGESTION_TYPE as APP_DATE_SUGGESTION_TYPE, dateKeyPrefix } from '../../renderer/src/dates/suggestions';
import { withDatabase } from '../../tests/unit/database';
import { archivedRows, copyOf, seedFullerCase } from '../../tests/unit/archive';
import { DATE_KEY_SEPARATOR, DATE_SUGGESTION_TYPE } from './ids';
import { ARCHIVED_TABLES, binaryFields, parseArchivedRow, type ArchivedTable } from './records';

let db: CasebookDB;
withDatabase((fresh) => (db = fresh));

let rows: Record<ArchivedTable, unknown[]>;
beforeEach(async () => {
  await seedFullerCase(db);
  rows = await archivedRows(db);
});

/** The row of a table whose field has this value (or the table's first row). */
function rowOf(table: ArchivedTable, match: (row: Record<string, unknown>) => boolean = () => true): Record<string, unknown> {
  const row = (rows[table] as Record<string, unknown>[]).find(match);
  if (!row) throw new Error(`No ${table} row matches.`);
  return copyOf(row);
}

const problemOf = (table: ArchivedTable, row: unknown): string => {
  const parsed = parseArchivedRow(table, row);
  if ('ok' in parsed) throw new Error(`The ${table} row passed.`);
  return parsed.problem;
};

describe('the tables an archive holds', () => {
  it('are every table the database keeps a case’s rows in but the search index, and the case itself', () => {
    // The database as declared (not opened): each table keyed or indexed by caseId holds rows of a case.
    const declared = new CasebookDB('declared-only');
    const byCase = declared.tables
      .filter((table) => table.schema.primKey.name === 'caseId' || table.schema.indexes.some((index) => index.name === 'caseId'))
      .map((table) => table.name);
    expect([...ARCHIVED_TABLES].sort()).toEqual([...byCase.filter((table) => table !== 'searchIndexes'), 'cases'].sort());
  });

  it('name the dismissed dates as the app keeps them', () => {
    expect(DATE_SUGGESTION_TYPE).toBe(APP_DATE_SUGGESTION_TYPE);
    expect(dateKeyPrefix('doc-1')).toBe(`doc-1${DATE_KEY_SEPARATOR}`);
  });

  it('keep document files’ and attachments’ bytes as references to file entries', () => {
    expect(binaryFields('documentFiles')).toEqual(['bytes']);
    expect(binaryFields('attachments')).toEqual(['bytes']);
    expect(binaryFields('documents')).toEqual([]);
    expect(rowOf('attachments').bytes).toEqual({ file: expect.stringMatching(/^[0-9a-f]{64}$/), size: 4, type: 'image/png' });
  });
});

describe('parseArchivedRow', () => {
  it('passes every row of a lived-in case, as it is, in every table', () => {
    for (const table of ARCHIVED_TABLES) {
      expect(rows[table].length, `${table} rows`).toBeGreaterThan(0);
      for (const row of rows[table]) expect(parseArchivedRow(table, row), table).toEqual({ ok: row });
    }
    // The case holds what the schemas must know: a merge's undo, a detached excerpt, a mention in rich text.
    expect(rows.history.some((entry) => (entry as { undo?: unknown }).undo)).toBe(true);
    expect(rows.excerpts.some((excerpt) => (excerpt as { detachedFrom: unknown }).detachedFrom)).toBe(true);
  });

  it('names the record, its quote and the field of a number given as text', () => {
    const excerpt = rowOf('excerpts', (row) => row.documentId !== null);
    (excerpt.anchor as Record<string, unknown>).start = '12';
    expect(problemOf('excerpts', excerpt)).toBe(`Excerpt ${String(excerpt.id).slice(0, 8)}… (“Zoë Müller signed the…”): anchor.start must be a number`);
  });

  it('says which id is missing, and which is empty', () => {
    const { id: _id, ...entity } = rowOf('entities');
    expect(problemOf('entities', entity)).toMatch(/^Entity without an id \(“.+”\): id is missing$/);
    const event = rowOf('events');
    (event.evidenceIds as string[]).push('');
    expect(problemOf('events', event)).toMatch(/^Event .+: evidenceIds\[\d\] cannot be empty$/);
  });

  it('refuses a word outside the vocabulary, listing the words allowed', () => {
    const event = rowOf('events');
    event.status = 'rumoured';
    expect(problemOf('events', event)).toMatch(/: status must be one of: undisputed, disputed, unverified$/);
    const link = rowOf('links');
    link.kind = 'knows';
    expect(problemOf('links', link)).toMatch(/^Link .+: kind must be one of: mentions, text-mention, /);
  });

  it('refuses rich text that is not a TipTap document, and a node without its type', () => {
    const note = rowOf('notes', (row) => row.title === 'Open questions');
    note.body = '<p>Who paid?</p>';
    expect(problemOf('notes', note)).toMatch(/^Note .+ \(“Open questions”\): body must be rich text \(a TipTap document object\)$/);
    const entity = rowOf('entities');
    entity.description = { type: 'doc', content: [{ content: [] }] };
    expect(problemOf('entities', entity)).toMatch(/: description\.content\[0\]\.type is missing$/);
  });

  it('refuses times that are not ISO 8601, dates that do not exist, and numbers that are not finite', () => {
    const tag = rowOf('tags', (row) => row.name === 'Charter');
    tag.createdAt = '30/11/2026';
    expect(problemOf('tags', tag)).toMatch(/^Tag .+ \(“Charter”\): createdAt must be an ISO 8601 time/);
    const entity = rowOf('entities', (row) => (row.attributes as unknown[]).length > 0);
    (entity.attributes as { start: { value: string } }[])[0]!.start.value = '2019-02-30';
    expect(problemOf('entities', entity)).toMatch(/: attributes\[0\]\.start\.value must be a real date/);
    const page = rowOf('recognisedPages');
    page.width = null;
    expect(problemOf('recognisedPages', page)).toMatch(/^Recognised page .+: width must be a number$/);
  });

  it('refuses bytes inlined where the archive holds a reference to a file entry', () => {
    const file = rowOf('documentFiles');
    file.bytes = [137, 80, 78, 71];
    expect(problemOf('documentFiles', file)).toMatch(/^Original file .+: bytes must be a reference to a file of the archive/);
    const attachment = rowOf('attachments');
    attachment.bytes = { file: 'quay.png', size: 4 };
    expect(problemOf('attachments', attachment)).toMatch(/: bytes\.file must be a SHA-256 hash/);
    attachment.bytes = { file: 'a'.repeat(64), size: 4 };
    expect(problemOf('attachments', attachment)).toMatch(/^Attachment .+ \(“quay\.png”\): bytes must be the file the attachment’s sha256 and size name$/);
  });

  it('refuses a link whose index of ends says otherwise than its ends', () => {
    const link = rowOf('links');
    link.ends = [...(link.ends as string[])].reverse();
    expect(problemOf('links', link)).toMatch(/: ends must hold the two ends’ ids, from then to$/);
  });

  it('drops keys no stored type names, and refuses them in a file reference', () => {
    const tag = rowOf('tags');
    const parsed = parseArchivedRow('tags', { ...tag, legacyField: 'from an older Casebook' });
    expect(parsed).toEqual({ ok: tag });
    const file = rowOf('documentFiles');
    (file.bytes as Record<string, unknown>).path = '../../etc/passwd';
    expect(problemOf('documentFiles', file)).toMatch(/: bytes has fields Casebook does not know: path$/);
  });

  it('names a history entry by its place and summary, and a row that is not an object by its table', () => {
    const entry = rowOf('history', (row) => row.action === 'merge');
    entry.action = 'rename';
    expect(problemOf('history', entry)).toMatch(/^History entry \d+ \(“Merged .+”\): action must be one of: /);
    expect(problemOf('excerpts', 'Quayline paid')).toBe('A row of excerpt records is not an object.');
  });
});
