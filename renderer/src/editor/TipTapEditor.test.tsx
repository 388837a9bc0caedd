// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Editor } from '@tiptap/core';
import type { RichText } from '../../../shared/domain';
import { TipTapEditor } from './TipTapEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => document.body.replaceChildren());

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

async function open(value: unknown) {
  const onChange = vi.fn();
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  await act(async () => root.render(<TipTapEditor label="Note text" value={value as RichText} onChange={onChange} />));
  return { container, onChange, close: () => act(() => root.unmount()) };
}

describe('the editor opening stored text', () => {
  it('shows a document it reads as it is, checked as it is parsed', async () => {
    const { container, close } = await open({ type: 'doc', content: [paragraph('Who paid?')] });
    expect(container.querySelector('.tiptap')!.textContent).toBe('Who paid?');
    expect(container.querySelector('[role="alert"]')).toBeNull();
    close();
  });

  it('opens a text ending in a quote block with the paragraph after it there already: a click in it saves nothing', async () => {
    const quote = { type: 'excerptQuote', attrs: { id: 'x1', quote: 'The cargo left at dawn', citation: '“Port log”.' } };
    const { container, onChange, close } = await open({ type: 'doc', content: [paragraph('As logged:'), quote] });
    const editor = (container.querySelector('.tiptap') as HTMLElement & { editor: Editor }).editor;
    expect(editor.state.doc.lastChild!.type.name).toBe('paragraph');
    act(() => void editor.commands.focus('end'));
    expect(onChange).not.toHaveBeenCalled();
    close();
  });

  it.each([
    ['a node type it does not know', { type: 'doc', content: [{ type: 'mystery', content: [{ type: 'text', text: 'The skipper paid in cash.' }] }] }, /mystery/],
    ['a broken structure', { type: 'doc', content: [{ type: 'paragraph', content: [paragraph('The skipper paid in cash.')] }] }, /cannot read/],
  ])('shows the text of a document with %s, with the reason, and saves nothing until asked', async (_, stored, reason) => {
    const { container, onChange, close } = await open(stored);
    expect(container.querySelector('.tiptap')!.textContent).toBe('The skipper paid in cash.');
    expect(container.querySelector('.recovered-text')!.textContent).toMatch(reason);
    expect(onChange).not.toHaveBeenCalled();
    close();
  });
});
