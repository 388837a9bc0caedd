// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { entity, fakeCase } from '../../../../../tests/unit/caseText';
import { connectCaseText } from '../../connectCaseText';
import { richTextExtensions } from '../../extensions';
import { RECORD_DRAG_TYPE, droppedRecord } from '../../recordDrag';
import { RecordDrop, droppedContent, insertDropped, refusalOf } from '.';

beforeAll(() => {
  Object.assign(Range.prototype, { getClientRects: () => [], getBoundingClientRect: () => new DOMRect() });
});

let editor: Editor | undefined;
let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  editor?.destroy();
  document.body.replaceChildren();
});

/** Drag data as a list row sets it. */
function dragData(entries: Record<string, string>): DataTransfer {
  return { getData: (type: string) => entries[type] ?? '' } as unknown as DataTransfer;
}

describe('droppedRecord', () => {
  it('reads the record a list row carries, and nothing else', () => {
    expect(droppedRecord(dragData({ [RECORD_DRAG_TYPE]: '{"type":"excerpt","id":"x1","title":" The cargo left "}' }))).toEqual({
      ref: { type: 'excerpt', id: 'x1' },
      title: 'The cargo left',
    });
    // Without a title of its own, the plain text the row carries names it.
    expect(droppedRecord(dragData({ [RECORD_DRAG_TYPE]: '{"type":"entity","id":"e1"}', 'text/plain': 'Marta Kowal' }))).toEqual({
      ref: { type: 'entity', id: 'e1' },
      title: 'Marta Kowal',
    });
    expect(droppedRecord(dragData({ 'text/plain': 'just words' }))).toBeNull();
    expect(droppedRecord(dragData({ [RECORD_DRAG_TYPE]: '{"type":"vessel","id":"x1"}' }))).toBeNull();
    expect(droppedRecord(dragData({ [RECORD_DRAG_TYPE]: 'not json' }))).toBeNull();
    expect(droppedRecord(null)).toBeNull();
  });
});

describe('a record dropped into a text', () => {
  const marta = entity('e1', 'Marta Kowal');

  it('becomes a mention for an entity, a quote block for an excerpt, a dated line for an event', () => {
    expect(droppedContent(marta.ref, marta)).toEqual([
      { type: 'recordLink', attrs: { type: 'entity', id: 'e1', label: 'Marta Kowal', as: 'mention' } },
      { type: 'text', text: ' ' },
    ]);
    const excerpt = { ref: { type: 'excerpt' as const, id: 'x1' }, title: 'The cargo…', missing: false, path: '/x1', quote: 'The cargo left', citation: 'Port log.' };
    expect(droppedContent(excerpt.ref, excerpt)).toEqual({ type: 'excerptQuote', attrs: { id: 'x1', quote: 'The cargo left', citation: 'Port log.' } });
    const event = { ref: { type: 'event' as const, id: 'v1' }, title: 'Raid', missing: false, path: '/v1', when: '9 March 2021' };
    expect(droppedContent(event.ref, event)).toEqual({
      type: 'paragraph',
      content: [{ type: 'recordLink', attrs: { type: 'event', id: 'v1', label: 'Raid', as: 'dated' } }],
    });
  });

  it('is inserted where it was dropped, or refused with a message naming it when it is gone', async () => {
    const theCase = fakeCase([marta]);
    editor = new Editor({ element: document.body.appendChild(document.createElement('div')), extensions: richTextExtensions, content: '<p>Seen: </p>' });
    disconnect = connectCaseText(editor, theCase);
    const refusals: string[] = [];
    expect(await insertDropped(editor, { ref: marta.ref, title: 'Marta Kowal' }, 7, (message) => refusals.push(message))).toBe(true);
    expect(editor.view.dom.textContent).toBe('Seen:Marta Kowal ');
    expect(await insertDropped(editor, { ref: { type: 'entity', id: 'gone' }, title: 'Jan Nowak' }, 1, (message) => refusals.push(message))).toBe(false);
    expect(await insertDropped(editor, { ref: { type: 'entity', id: 'gone' }, title: '' }, 1, (message) => refusals.push(message))).toBe(false);
    expect(refusals).toEqual([
      '“Jan Nowak” is no longer in this case, so it was not inserted.',
      'That record is no longer in this case, so it was not inserted.',
    ]);
    expect(editor.view.dom.textContent).toBe('Seen:Marta Kowal ');
  });

  it('names a long title (an excerpt’s quote) by its first words', () => {
    const quote = 'The cargo left the quay at dawn,   with no papers, and was not seen again until it reached Gdańsk.';
    expect(refusalOf(quote)).toBe('“The cargo left the quay at dawn, with no papers, and was not…” is no longer in this case, so it was not inserted.');
  });

  it('tells the editor’s host of a refused drop, through the option the editor configures', async () => {
    const refusals: string[] = [];
    editor = new Editor({
      element: document.body.appendChild(document.createElement('div')),
      extensions: [...richTextExtensions, RecordDrop.configure({ onRefused: (message) => refusals.push(message) })],
      content: '<p>Seen: </p>',
    });
    disconnect = connectCaseText(editor, fakeCase([marta]));
    // jsdom has no layout: the drop lands at the caret.
    document.elementFromPoint = () => null;
    const drop = (entries: Record<string, string>) => {
      const event = { dataTransfer: dragData(entries), clientX: 0, clientY: 0, preventDefault: () => undefined } as unknown as DragEvent;
      return editor!.view.someProp('handleDrop', (handle) => handle(editor!.view, event, Slice.empty, false));
    };
    expect(drop({ [RECORD_DRAG_TYPE]: '{"type":"entity","id":"gone","title":"Jan Nowak"}' })).toBe(true);
    await vi.waitFor(() => expect(refusals).toEqual(['“Jan Nowak” is no longer in this case, so it was not inserted.']));
    // Plain text is left to the editor.
    expect(drop({ 'text/plain': 'words' })).toBeFalsy();
    expect(drop({ [RECORD_DRAG_TYPE]: '{"type":"entity","id":"e1","title":"Marta Kowal"}' })).toBe(true);
    await vi.waitFor(() => expect(editor!.view.dom.textContent).toContain('Marta Kowal'));
    expect(refusals).toHaveLength(1);
  });
});
