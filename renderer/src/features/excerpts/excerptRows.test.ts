import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Excerpt, Tag } from '../../../../shared/domain';
import type { ExcerptTableData } from '../../db/queries/excerptTable';
import { excerptsCsv, CSV_HEADER } from './excerptCsv';
import { ExcerptTableModel, NO_FILTER } from './excerptRows';

const tag = (id: string, name: string, parentId: string | null): Tag => ({
  id, caseId: 'c', parentId, name, nameKey: name, colour: '#336699', description: '', createdAt: '', updatedAt: '',
});
const excerpt = (id: string, quote: string, more: Partial<Excerpt> = {}): Excerpt => ({
  id, caseId: 'c', documentId: 'doc', quote, anchor: null, orphaned: false, detachedFrom: null, comment: null, tags: [],
  createdAt: `2024-01-0${id.length}T00:00:00.000Z`, updatedAt: '', ...more,
});

const data: ExcerptTableData = {
  excerpts: [
    excerpt('a', 'Raid at the Émile dock', { tags: ['raids'], anchor: { start: 0, end: 1, prefix: '', suffix: '', page: 2 } }),
    excerpt('bb', 'Payment of =SUM(1)', { tags: ['payments', 'old name'], comment: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Paid twice' }] }] } }),
    excerpt('ccc', 'Nothing coded', { orphaned: true, documentId: null }),
  ],
  sources: new Map([['doc', { id: 'doc', title: 'Harbour log', kind: 'text', authors: ['Ilse Maren'], siteName: null, publishedAt: '2021', sourceUrl: null, importedAt: '2024-05-09T00:00:00.000Z', ocr: null, pageCount: null }]]),
  tags: [tag('evidence', 'Evidence', null), tag('raids', 'Raids', 'evidence'), tag('payments', 'Payments', 'evidence'), tag('people', 'People', null)],
  links: new Map([['bb', { entities: [{ ref: { type: 'entity', id: 'p' }, title: 'Zoë Müller' }], events: [] }]]),
};
const model = new ExcerptTableModel(data);
const ids = (excerpts: Excerpt[]) => excerpts.map((found) => found.id);

describe('the excerpts table', () => {
  it('filters by a parent tag with its sub-tags, a tag name, an entity, a document, orphaned and folded text', () => {
    expect(ids(model.filter({ ...NO_FILTER, tag: 'evidence' }))).toEqual(['a', 'bb']);
    expect(ids(model.filter({ ...NO_FILTER, tag: 'raids' }))).toEqual(['a']);
    expect(ids(model.filter({ ...NO_FILTER, tag: 'old name' }))).toEqual(['bb']);
    expect(ids(model.filter({ ...NO_FILTER, entityId: 'p' }))).toEqual(['bb']);
    expect(ids(model.filter({ ...NO_FILTER, documentId: 'doc' }))).toEqual(['a', 'bb']);
    expect(ids(model.filter({ ...NO_FILTER, orphanedOnly: true }))).toEqual(['ccc']);
    expect(ids(model.filter({ ...NO_FILTER, text: 'emile' }))).toEqual(['a']);
    expect(ids(model.filter({ ...NO_FILTER, text: 'zoe paid' }))).toEqual(['bb']);
    expect(ids(model.filter({ ...NO_FILTER, text: 'evidence › raids' }))).toEqual(['a']);
  });

  it('sorts by any column either way, empty cells last', () => {
    expect(ids(model.sort(data.excerpts, { column: 'quote', descending: false }))).toEqual(['ccc', 'bb', 'a']);
    expect(ids(model.sort(data.excerpts, { column: 'page', descending: true }))).toEqual(['a', 'ccc', 'bb']);
    expect(ids(model.sort(data.excerpts, { column: 'added', descending: true }))).toEqual(['ccc', 'bb', 'a']);
    expect(ids(model.sort(data.excerpts, { column: 'tags', descending: false }))).toEqual(['bb', 'a', 'ccc']);
    expect(ids(model.sort(data.excerpts, { column: 'links', descending: false }))[0]).toBe('bb');
  });

  it('shows tags by path and colour, an unknown one as it is, and offers both to filter by', () => {
    expect(model.chips(data.excerpts[1]!)).toEqual([
      { key: 'payments', label: 'Evidence › Payments', colour: '#336699' },
      { key: 'old name', label: 'old name', colour: null },
    ]);
    expect(model.tagChoices().map((choice) => choice.label)).toEqual(['Evidence', 'Evidence › Payments', 'Evidence › Raids', 'People', 'old name']);
    expect(model.linkedChoices('entities')).toEqual([{ value: 'p', label: 'Zoë Müller' }]);
  });

  it('exports the rows as CSV with citations, tags, comments as text and links, formulas escaped', () => {
    const csv = excerptsCsv(model, data.excerpts.slice(0, 2));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, first, second] = Papa.parse<string[]>(csv.slice(1)).data;
    expect(header).toEqual(CSV_HEADER);
    expect(first!.slice(0, 5)).toEqual(['Raid at the Émile dock', 'Ilse Maren. Harbour log. 2021, p. 2. Accessed 9 May 2024.', 'Harbour log', '2', 'Evidence › Raids']);
    expect(second![0]).toBe('Payment of =SUM(1)');
    const formula = new ExcerptTableModel({ ...data, excerpts: [excerpt('d', '=HYPERLINK("x")')] });
    expect(Papa.parse<string[]>(excerptsCsv(formula, formula.data.excerpts).slice(1)).data[1]![0]).toBe(`'=HYPERLINK("x")`);
    expect(second!.slice(4, 8)).toEqual(['Evidence › Payments; old name', 'Paid twice', 'Zoë Müller', '']);
  });
});
