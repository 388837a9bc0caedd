import { describe, expect, it } from 'vitest';
import { HitSources, type HitSource } from './hitSources';

const pdf: HitSource = {
  title: 'Audit 2021',
  fields: { title: 'Audit 2021', keywords: 'Anders Strand\naudit.pdf', body: 'Cover page.\n\nThe ledger shows a transfer to Øresund.' },
  pages: [
    { page: 1, start: 0, end: 13 },
    { page: 2, start: 13, end: 51 },
  ],
  textLength: 51,
};
// Characters of one, two, three and four bytes in UTF-8, a curly quote and one outside the Basic Multilingual Plane.
const entity: HitSource = {
  title: 'Łódź ’port’ 𝔄',
  fields: { title: 'Łódź ’port’ 𝔄', keywords: 'Lodz\nŁódź', body: 'Skipper from Gdańsk: “Zoë” 🚢' },
  pages: null,
  textLength: null,
};
const excerpt: HitSource = {
  title: 'the charter for the…',
  fields: { title: '', keywords: '', body: 'the charter for the vessel Nordlys' },
  pages: null,
  textLength: null,
};

describe('HitSources', () => {
  it('gives back each record’s title, fields, pages and text length as put', () => {
    const sources = new HitSources();
    sources.put('document:1', pdf);
    sources.put('entity:2', entity);
    sources.put('excerpt:3', excerpt);
    expect(sources.get('document:1')).toEqual(pdf);
    expect(sources.get('entity:2')).toEqual(entity);
    expect(sources.get('excerpt:3')).toEqual(excerpt);
    expect(sources.get('note:4')).toBeUndefined();
  });

  it('keeps the text as UTF-8, replaced when a record is put again and let go when it is deleted', () => {
    const sources = new HitSources();
    sources.put('excerpt:3', excerpt);
    expect(sources.byteLength).toBe(new TextEncoder().encode(excerpt.title + excerpt.fields.body).length);
    sources.put('excerpt:3', { ...excerpt, fields: { ...excerpt.fields, body: 'Nordlys' } });
    expect(sources.get('excerpt:3')!.fields.body).toBe('Nordlys');
    expect(sources.byteLength).toBe(new TextEncoder().encode(`${excerpt.title}Nordlys`).length);
    sources.delete('excerpt:3');
    expect(sources.get('excerpt:3')).toBeUndefined();
    expect(sources.byteLength).toBe(0);
  });

  it('encodes a text longer than its scratch room', () => {
    const sources = new HitSources();
    const body = 'Łódź harbour ledger. '.repeat(40_000);
    sources.put('document:1', { ...pdf, fields: { ...pdf.fields, body }, pages: null, textLength: body.length });
    expect(sources.get('document:1')!.fields.body).toBe(body);
  });

  it('packs for saving and unpacks to the same sources', () => {
    const sources = new HitSources();
    sources.put('document:1', pdf);
    sources.put('entity:2', entity);
    sources.put('excerpt:3', excerpt);
    const unpacked = HitSources.unpack(structuredClone(sources.pack()));
    expect(unpacked.byteLength).toBe(sources.byteLength);
    for (const key of ['document:1', 'entity:2', 'excerpt:3']) expect(unpacked.get(key)).toEqual(sources.get(key));
    unpacked.delete('entity:2');
    expect(unpacked.get('entity:2')).toBeUndefined();
    expect(unpacked.get('excerpt:3')).toEqual(excerpt);
  });
});
