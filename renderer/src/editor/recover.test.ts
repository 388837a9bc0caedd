// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readStoredText } from './recover';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('readStoredText', () => {
  it('shows a document the editor reads as it is, and nothing as nothing', () => {
    const doc = { type: 'doc', content: [paragraph('Who paid?'), { type: 'image', attrs: { src: 'attachment:a1' } }] };
    expect(readStoredText(doc)).toEqual({ doc, problem: null });
    expect(readStoredText(null)).toEqual({ doc: null, problem: null });
  });

  it('recovers the text of a document with node types the editor does not know, saying which', () => {
    const broken = {
      type: 'doc',
      content: [
        { type: 'mystery', content: [{ type: 'text', text: 'The skipper ' }, { type: 'text', text: 'paid in cash.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Ask the harbour master.', marks: [{ type: 'sparkle' }] }] },
      ],
    };
    const { doc, problem } = readStoredText(broken);
    expect(problem).toMatch(/editor cannot read .*mystery/);
    expect(doc).toEqual({ type: 'doc', content: [paragraph('The skipper paid in cash.'), paragraph('Ask the harbour master.')] });
  });

  it('recovers what text there is from values that are no document at all', () => {
    expect(readStoredText('Line one\nLine two')).toEqual({
      doc: { type: 'doc', content: [paragraph('Line one'), paragraph('Line two')] },
      problem: 'it was stored as plain text, not as formatted text',
    });
    expect(readStoredText({ blocks: [{ words: 'Nordlys left at dawn' }] })).toEqual({
      doc: { type: 'doc', content: [paragraph('Nordlys left at dawn')] },
      problem: 'it is not a formatted-text document',
    });
    expect(readStoredText(42).doc).toEqual({ type: 'doc', content: [] });
    expect(readStoredText({ type: 'doc', content: 'oops' }).problem).not.toBeNull();
  });
});
