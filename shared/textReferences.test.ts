import { describe, expect, it } from 'vitest';
import type { RichText, RichTextNode } from './domain';
import { passagesMentioning, referencedNames, referencesIn, withCurrentLabels } from './textReferences';

const mention = (id: string, label: string, type = 'entity', as = 'mention'): RichTextNode => ({ type: 'recordLink', attrs: { type, id, label, as } });
const quote = (id: string, text: string): RichTextNode => ({ type: 'excerptQuote', attrs: { id, quote: text, citation: 'Port log.' } });
const text = (value: string): RichTextNode => ({ type: 'text', text: value });
const paragraph = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });

const NOTE: RichText = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Who paid')] },
    paragraph(mention('e1', 'Marta Kowal'), text(' paid '), mention('e2', 'Quayline'), text(' twice.')),
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [paragraph(text('Asked '), mention('e1', 'Marta Kowal'), { type: 'hardBreak' }, text('again.'))] }],
    },
    quote('x1', 'The cargo left the quay at dawn'),
    paragraph(mention('v1', 'Raid on the warehouse', 'event', 'dated')),
    // Stored broken: no id, an unknown type. Neither is a reference.
    paragraph({ type: 'recordLink', attrs: { type: 'entity', label: 'Nobody' } }, { type: 'recordLink', attrs: { type: 'vessel', id: 'z', label: 'Z' } }),
  ],
};

describe('referencesIn', () => {
  it('finds every record a text names, each once, in order, and nothing in broken nodes', () => {
    expect(referencesIn(NOTE)).toEqual([
      { type: 'entity', id: 'e1' },
      { type: 'entity', id: 'e2' },
      { type: 'excerpt', id: 'x1' },
      { type: 'event', id: 'v1' },
    ]);
    expect(referencesIn(null)).toEqual([]);
    expect(referencesIn({ type: 'doc' })).toEqual([]);
  });
});

describe('referencedNames', () => {
  it('gives the names the mentions were written with, for search', () => {
    expect(referencedNames(NOTE)).toEqual(['Marta Kowal', 'Quayline', 'Raid on the warehouse']);
  });
});

describe('passagesMentioning', () => {
  it('gives the text of each block holding a mention, the innermost paragraph in a list, each once', () => {
    expect(passagesMentioning(NOTE, { type: 'entity', id: 'e1' })).toEqual(['Marta Kowal paid Quayline twice.', 'Asked Marta Kowal again.']);
    expect(passagesMentioning(NOTE, { type: 'excerpt', id: 'x1' })).toEqual(['“The cargo left the quay at dawn”']);
    expect(passagesMentioning(NOTE, { type: 'entity', id: 'nobody' })).toEqual([]);
  });

  it('names the records by the titles given (the current ones)', () => {
    const titles: Record<string, string> = { e1: 'Marta Kowalska', e2: 'Quayline Logistics' };
    expect(passagesMentioning(NOTE, { type: 'entity', id: 'e2' }, (ref, node) => titles[ref.id] ?? String(node.attrs?.label))).toEqual([
      'Marta Kowalska paid Quayline Logistics twice.',
    ]);
  });
});

describe('withCurrentLabels', () => {
  it('brings titles and quotes up to date, keeps a gone record’s, and returns the same text when nothing changed', () => {
    const updated = withCurrentLabels(NOTE, (ref, field) =>
      ref.id === 'e1' ? 'Marta Kowalska' : ref.id === 'x1' && field === 'quote' ? 'The cargo left the quay at dawn.' : null,
    );
    expect(referencedNames(updated)).toContain('Marta Kowalska');
    expect(referencedNames(updated)).not.toContain('Marta Kowal');
    expect(updated.content?.[3]?.attrs?.quote).toBe('The cargo left the quay at dawn.');
    expect(updated.content?.[4]).toBe(NOTE.content?.[4]);
    expect(withCurrentLabels(NOTE, () => null)).toBe(NOTE);
  });
});
