import { describe, expect, it } from 'vitest';
import type { CaseFile, Entity, Excerpt, RichText, RichTextNode, Tag, TimelineEvent } from '../../../shared/domain';
import type { CasebookDB } from '../db/schema';
import { withCase } from '../../../tests/unit/database';
import {
  createEntities,
  createEvent,
  createExcerpt,
  createNote,
  createTag,
  createTextDocument,
  deleteRecord,
  linkRecords,
  updateCase,
} from '../domain';
import { collectReport, planReport, renderReport, type RenderedReport, type ReportData } from './build';
import { PART_LINK_SCHEME } from './parts';
import { readReportOptions, type ReportOptions } from './options';

let db: CasebookDB;
let caseFile: CaseFile;
withCase((fresh) => ({ db, caseFile } = fresh), { name: 'Lantern <Quay>' });

const text = (...content: RichTextNode[]): RichText => ({ type: 'doc', content });
const para = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const words = (value: string): RichTextNode => ({ type: 'text', text: value });

interface Seeded {
  finance: Tag;
  shipping: Tag;
  dario: Entity;
  quayline: Entity;
  vellport: Entity;
  paid: Excerpt;
  shipped: Excerpt;
  payment: TimelineEvent;
  voyage: TimelineEvent;
  undated: TimelineEvent;
  documentSha: string;
}

/** A small fictional case, written through the domain: two documents, tagged excerpts, entities, events, a note. */
async function seed(): Promise<Seeded> {
  const id = caseFile.id;
  const finance = await createTag(db, id, { name: 'Finance' });
  const shipping = await createTag(db, id, { name: 'Shipping' });
  const ledger = await createTextDocument(db, id, {
    title: 'Quayline ledger',
    text: 'On 3 March 2021 Quayline paid 40,000 EUR to Corran Bay Shipping. Dario Venn signed the transfer.',
    sourceUrl: 'https://example.org/ledger',
  });
  const log = await createTextDocument(db, id, { title: 'Harbour log', text: 'The MV Corran Bay left Port Aster in March 2021 carrying frozen fish.' });
  const anchor = (document: { text: string }, quote: string) => {
    const start = document.text.indexOf(quote);
    return { start, end: start + quote.length, prefix: '', suffix: '', page: null };
  };
  const paidQuote = 'Quayline paid 40,000 EUR to Corran Bay Shipping';
  const paid = await createExcerpt(db, id, { documentId: ledger.id, quote: paidQuote, anchor: anchor(ledger, paidQuote), tags: [finance.id] });
  const shippedQuote = 'The MV Corran Bay left Port Aster in March 2021';
  const shipped = await createExcerpt(db, id, { documentId: log.id, quote: shippedQuote, anchor: anchor(log, shippedQuote), tags: [shipping.id] });
  const [dario, quayline, vellport] = (await createEntities(db, id, [
    { name: 'Dario Venn', type: 'person', aliases: ['Lantern'] },
    { name: 'Quayline Logistics', type: 'organisation' },
    { name: 'Vellport', type: 'place' },
  ])) as [Entity, Entity, Entity];
  await linkRecords(db, id, { from: { type: 'excerpt', id: paid.id }, to: { type: 'entity', id: dario.id }, kind: 'mentions' });
  await linkRecords(db, id, { from: { type: 'excerpt', id: shipped.id }, to: { type: 'entity', id: quayline.id }, kind: 'mentions' });
  const payment = await createEvent(db, id, {
    title: 'Payment to Corran Bay',
    start: { value: '2021-03-03', precision: 'day' },
    evidenceIds: [paid.id],
    participants: [{ entityId: dario.id, role: 'payer' }],
  } as never);
  const voyage = await createEvent(db, id, {
    title: 'Voyage from Port Aster',
    start: { value: '2021-03', precision: 'month', qualifier: 'about' },
    evidenceIds: [shipped.id],
    placeId: vellport.id,
  } as never);
  const undated = await createEvent(db, id, { title: 'First meeting', start: null } as never);
  return { finance, shipping, dario, quayline, vellport, paid, shipped, payment, voyage, undated, documentSha: ledger.sha256 };
}

const options = (changes: Partial<ReportOptions> = {}): ReportOptions => ({ ...readReportOptions({ sections: { history: true } }), ...changes });

async function report(changes: Partial<ReportOptions> = {}, pageNumbers: ReadonlyMap<string, number> | null = null): Promise<{ data: ReportData; rendered: RenderedReport }> {
  const data = await collectReport(db, caseFile.id, options(changes));
  return { data, rendered: renderReport(data, { pageNumbers, fontFaces: '' }) };
}

/** The document the report's HTML makes, as a browser parses it. */
async function parse(html: string): Promise<Document> {
  const { JSDOM } = await import('jsdom');
  return new JSDOM(html).window.document;
}

const position = (html: string, needle: string) => {
  const at = html.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return at;
};

describe('renderReport', () => {
  it('prints the sections in order, each listed in the contents, every link resolving to an element', async () => {
    await seed();
    const { rendered } = await report();
    const { html, contents } = rendered;
    const order = ['id="cover"', 'id="section-contents"', 'id="section-chronology"', 'id="section-entities"', 'id="section-excerpts"', 'id="section-sources"', 'id="section-history"'];
    const positions = order.map((needle) => position(html, needle));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(contents.filter((entry) => entry.level === 1).map((entry) => entry.title)).toEqual([
      'Chronology',
      'Entity index',
      'Excerpts',
      'Sources',
      'Appendix: change history',
    ]);
    const document = await parse(html);
    for (const entry of contents) expect(document.getElementById(entry.id), entry.id).not.toBeNull();
    const targets = [...document.querySelectorAll('a[href^="#"]')].map((anchor) => anchor.getAttribute('href')!.slice(1));
    expect(targets.length).toBeGreaterThan(10);
    for (const id of targets) expect(document.getElementById(id), `#${id}`).not.toBeNull();
    expect(html).not.toMatch(/<script/i);
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Lantern <Quay>');
  });

  it('prints the page numbers once they are known, and blanks of the same place before', async () => {
    await seed();
    const first = await report();
    const pages = new Map(first.rendered.contents.map((entry, index) => [entry.id, index + 3]));
    const second = renderReport(first.data, { pageNumbers: pages, fontFaces: '' });
    const document = await parse(second.html);
    const lines = [...document.querySelectorAll('.toc li')];
    expect(lines).toHaveLength(first.rendered.contents.length);
    expect(lines.map((line) => line.querySelector('.toc-page')!.textContent)).toEqual([...pages.values()].map(String));
    const blank = await parse(first.rendered.html);
    expect([...blank.querySelectorAll('.toc-page')].every((page) => page.textContent === '')).toBe(true);
  });

  it('dates events at their precision, with qualifiers, undated last, and cites evidence by number', async () => {
    const seeded = await seed();
    const { rendered } = await report();
    const document = await parse(rendered.html);
    const rows = [...document.querySelectorAll('table.chronology tbody tr[id]')];
    expect(rows.map((row) => row.querySelector('.event-title')!.textContent)).toEqual(['Voyage from Port Aster', 'Payment to Corran Bay', 'First meeting']);
    expect(rows.map((row) => row.querySelector('td.date')!.textContent)).toEqual(['about March 2021', '3 March 2021', 'Undated']);
    const evidence = rows[1]!.querySelector('td.evidence a')!;
    const number = document.querySelector(`#excerpt-${seeded.paid.id} .excerpt-number`)!.textContent;
    expect(evidence.textContent).toBe(number);
    expect(evidence.getAttribute('href')).toBe(`#excerpt-${seeded.paid.id}`);
    expect(rows[1]!.textContent).toContain('Dario Venn');
    expect(rows[1]!.textContent).toContain('(payer)');
    expect(rows[0]!.querySelector(`a[href="#entity-${seeded.vellport.id}"]`)).not.toBeNull();
  });

  it('cites each excerpt in full with its source entry, whose SHA-256 is printed whole', async () => {
    const seeded = await seed();
    const { rendered } = await report();
    const document = await parse(rendered.html);
    const article = document.getElementById(`excerpt-${seeded.paid.id}`)!;
    expect(article.querySelector('.citation')!.textContent).toMatch(/^Quayline ledger\. https:\/\/example\.org\/ledger Accessed \d+ \w+ \d{4}\. Source S\d$/);
    const toSource = article.querySelector('a.to-source')!.getAttribute('href')!;
    const source = document.querySelector(toSource)!;
    expect(source.querySelector('.hash')!.textContent).toBe(seeded.documentSha);
    expect(seeded.documentSha).toMatch(/^[0-9a-f]{64}$/);
    expect(source.textContent).toContain('bytes');
  });

  it('selected by tag, leaves the other excerpts out and keeps the events citing the kept ones', async () => {
    const seeded = await seed();
    const { data, rendered } = await report({ selection: { ...options().selection, tagIds: [seeded.finance.id] } });
    expect(data.excerpts.map((item) => item.excerpt.id)).toEqual([seeded.paid.id]);
    expect(data.events.map((item) => item.event.title)).toEqual(['Payment to Corran Bay']);
    const document = await parse(rendered.html);
    const excerpts = document.querySelector('.part-excerpts')!.textContent;
    expect(excerpts).toContain('Quayline paid 40,000 EUR');
    expect(excerpts).not.toContain('left Port Aster');
    // The index holds whom the kept records mention or involve; the sources, the kept excerpts' documents.
    expect(data.entities.map((item) => item.entity.name)).toEqual(['Dario Venn']);
    expect(data.sources.map((document) => document.title)).toEqual(['Quayline ledger']);
    expect(data.scope).toBe('Excerpts and events tagged Finance (or a tag under it).');
    const whole = await report();
    expect(whole.data.entities.map((item) => item.entity.name)).toEqual(['Dario Venn', 'Quayline Logistics', 'Vellport']);
  });

  it('keeps only the events overlapping a date range', async () => {
    await seed();
    const { data } = await report({ selection: { ...options().selection, from: '2021-03-02', to: '2021-03-05' } });
    // "About March 2021" overlaps the days asked for; the undated event overlaps none.
    expect(data.events.map((item) => item.event.title)).toEqual(['Voyage from Port Aster', 'Payment to Corran Bay']);
    expect(data.scope).toBe('Events from 2 March 2021 to 5 March 2021.');
  });

  it('cites a detached excerpt from its saved source, with the original’s hash', async () => {
    const seeded = await seed();
    const ledger = (await db.documents.filter((document) => document.title === 'Quayline ledger').first())!;
    await deleteRecord(db, { type: 'document', id: ledger.id }, { excerpts: 'detach' });
    const { rendered } = await report();
    const document = await parse(rendered.html);
    const article = document.getElementById(`excerpt-${seeded.paid.id}`)!;
    expect(article.textContent).toContain('Detached quote');
    expect(article.querySelector('.citation')!.textContent).toContain(`Document no longer in the case (SHA-256 ${seeded.documentSha}).`);
    expect(document.querySelectorAll('article.source')).toHaveLength(1);
  });

  it('prints a mention of a deleted entity as text, and one in the index as a link', async () => {
    const seeded = await seed();
    const mention = (entity: Entity): RichTextNode => ({ type: 'recordLink', attrs: { type: 'entity', id: entity.id, label: entity.name, as: 'mention' } });
    await createNote(db, caseFile.id, { title: 'Who paid', body: text(para(words('Paid by '), mention(seeded.dario), words(' for '), mention(seeded.quayline), words('.'))) });
    await deleteRecord(db, { type: 'entity', id: seeded.quayline.id });
    const { rendered } = await report();
    const document = await parse(rendered.html);
    const note = document.querySelector('article.note')!;
    expect(note.querySelector(`a[href="#entity-${seeded.dario.id}"]`)!.textContent).toBe('Dario Venn');
    expect(note.textContent).toContain('Quayline Logistics (no longer in the case)');
    expect(rendered.contents.find((entry) => entry.title === 'Who paid')?.level).toBe(2);
  });

  it('prints what can be recovered of a note it cannot read, says so, and warns', async () => {
    await seed();
    const note = await createNote(db, caseFile.id, { title: 'Damaged', body: text(para(words('placeholder'))) });
    await db.notes.update(note.id, { body: { type: 'doc', content: [{ type: 'mysteryNode', content: [{ type: 'text', text: 'Still legible' }] }] } as RichText });
    const { rendered } = await report();
    expect(rendered.html).toContain('Still legible');
    expect(rendered.html).toContain('could not be read as it was stored');
    expect(rendered.warnings.join('\n')).toMatch(/Note “Damaged” could not be read/);
  });

  it('prints everything from the case as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await createEntities(db, caseFile.id, [{ name: hostile, type: 'person' }]);
    await updateCase(db, caseFile.id, { name: caseFile.name, description: text(para(words(hostile))) } as never).catch(() => undefined);
    const { rendered } = await report({ title: '"}</style><script>x</script>', confidentiality: 'a"b\\c</style>' });
    expect(rendered.html).not.toContain('<img src=x');
    expect(rendered.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(rendered.html).not.toMatch(/<script/i);
    expect(rendered.html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('says what is empty for an empty case, printing the cover and that page only', async () => {
    const { data, rendered } = await report();
    expect(data.empty).toMatch(/no documents, excerpts, entities, events or notes/);
    expect(rendered.contents.map((entry) => entry.title)).toEqual(['Nothing to report']);
    expect(rendered.html).toContain(data.empty!.slice(0, 40));
    expect(rendered.html).not.toContain('section-contents');
  });

  it('says what is empty for a selection that keeps nothing', async () => {
    await seed();
    const empty = await createTag(db, caseFile.id, { name: 'Unused' });
    const { data } = await report({ selection: { ...options().selection, tagIds: [empty.id] } });
    expect(data.empty).toMatch(/selection holds no/);
  });

  it('groups excerpts by tag, untagged last, numbering them as the chronology cites them', async () => {
    const seeded = await seed();
    await createExcerpt(db, caseFile.id, { documentId: null, quote: 'A quote with no tag', anchor: null, tags: [] } as never).catch(() => undefined);
    const { rendered } = await report({ excerptsBy: 'tag' });
    const document = await parse(rendered.html);
    const groups = [...document.querySelectorAll('.part-excerpts h2')].map((heading) => heading.textContent);
    expect(groups.slice(0, 2)).toEqual(['Finance', 'Shipping']);
    const number = document.querySelector(`#excerpt-${seeded.paid.id} .excerpt-number`)!.textContent;
    expect(number).toBe('[1]');
  });

  it('stops between reads when cancelled', async () => {
    await seed();
    const controller = new AbortController();
    controller.abort();
    await expect(collectReport(db, caseFile.id, options(), controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('planReport: the report in parts', () => {
  it('prints every element once across its parts, each link across parts landing on an element its own part links to', async () => {
    await seed();
    const data = await collectReport(db, caseFile.id, options());
    // A part of one character: every block (a note, a row, an entity, an excerpt, a source) is a part of its own.
    const plan = planReport(data, 1);
    expect(plan.parts.length).toBeGreaterThan(10);
    const documents = await Promise.all(plan.parts.map((_, index) => parse(plan.document(index, { pageNumbers: null, fontFaces: '' }))));
    const idsOf = (document: Document) => [...document.querySelectorAll('[id]')].map((element) => element.id);

    const whole = await parse(renderReport(data, { pageNumbers: null, fontFaces: '' }).html);
    expect(documents.flatMap(idsOf).sort()).toEqual(idsOf(whole).sort());
    expect(whole.querySelector(`a[href^="${PART_LINK_SCHEME}"], div[hidden]`)).toBeNull();

    const partOf = new Map(documents.flatMap((document, index) => idsOf(document).map((id) => [id, index] as const)));
    let across = 0;
    documents.forEach((document, index) => {
      for (const anchor of document.querySelectorAll('a[href]')) {
        const href = anchor.getAttribute('href')!;
        if (href.startsWith('#') && href.length > 1) expect(partOf.get(href.slice(1)), href).toBe(index);
        if (!href.startsWith(PART_LINK_SCHEME)) continue;
        across++;
        const target = partOf.get(href.slice(PART_LINK_SCHEME.length));
        expect(target, href).not.toBeUndefined();
        expect(target).not.toBe(index);
        expect(documents[target!]!.querySelector(`div[hidden] a[href="#${href.slice(PART_LINK_SCHEME.length)}"]`), href).not.toBeNull();
      }
    });
    expect(across).toBeGreaterThan(10);

    // The contents, on the first part, list every entry; each entry is in the part that says it holds it.
    expect(documents[0]!.querySelectorAll('.toc li')).toHaveLength(plan.contents.length);
    plan.parts.forEach((part, index) => part.entryIds.forEach((id) => expect(partOf.get(id)).toBe(index)));
    expect(plan.parts.flatMap((part) => part.entryIds).sort()).toEqual(plan.contents.map((entry) => entry.id).sort());
    // A part going on with a section has no heading of its own.
    plan.parts.forEach((part, index) => expect(documents[index]!.querySelector('main > section:first-child h1') === null, `part ${index}`).toBe(part.continuesSection));
  });

  it('numbers a part’s pages from where it begins in the whole report', async () => {
    await seed();
    const plan = planReport(await collectReport(db, caseFile.id, options()), 1);
    const html = plan.document(2, { pageNumbers: null, fontFaces: '', pages: { first: 14, total: 230 } });
    expect(html).toContain('counter-reset: page 13;');
    expect(html).toContain('"Page " counter(page) " of " "230"');
    expect(plan.document(2, { pageNumbers: null, fontFaces: '' })).toContain('"Page " counter(page) " of " counter(pages)');
  });
});
