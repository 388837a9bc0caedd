// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RichText } from '../../../../../shared/domain';
import { entity, fakeCase, type FakeCase } from '../../../../../tests/unit/caseText';
import { connectCaseText } from '../../connectCaseText';
import { richTextExtensions } from '../../extensions';
import { linkOptions, looksLikeName, mentionOptions, optionText } from './options';

// jsdom lays nothing out: a caret has no rectangles, which ProseMirror asks for to scroll the caret into view.
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

const MENTION = { type: 'recordLink', attrs: { type: 'entity', id: 'e1', label: 'Marta Kowal', as: 'mention' } };
const NOTE: RichText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Seen: ' }, MENTION] }] };

/** An editor in the page holding `content`, written in `theCase` when one is given. */
function editorWith(content: RichText | string, theCase?: FakeCase) {
  editor = new Editor({ element: document.body.appendChild(document.createElement('div')), extensions: richTextExtensions, content });
  if (theCase) disconnect = connectCaseText(editor, theCase);
  return editor;
}

const mentionShown = () => editor!.view.dom.querySelector<HTMLElement>('.record-link');

/** Waits for what the suggestion plugin does after a keystroke (it asks for its options asynchronously). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function press(key: string) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  editor!.view.dom.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('RecordLink', () => {
  it('is stored by type and id with the name it had, and read back from its HTML', () => {
    const editor = editorWith(NOTE);
    expect(editor.getJSON()).toEqual(NOTE);
    const html = editor.getHTML();
    expect(html).toContain('data-record-id="e1"');
    editor.commands.setContent(html);
    expect(editor.getJSON()).toEqual(NOTE);
    expect(editor.getText()).toBe('Seen: Marta Kowal');
  });

  it('shows the entity’s current name, follows a rename, and marks a deleted one missing with the name it had', () => {
    const theCase = fakeCase([entity('e1', 'Marta Kowalska')]);
    editorWith(NOTE, theCase);
    expect(mentionShown()?.textContent).toBe('Marta Kowalska');
    theCase.change({ type: 'entity', id: 'e1' }, { title: 'M. Kowalska' });
    expect(mentionShown()?.textContent).toBe('M. Kowalska');
    theCase.change({ type: 'entity', id: 'e1' }, null);
    expect(mentionShown()?.textContent).toBe('Marta Kowal (deleted)');
    expect(mentionShown()?.classList.contains('missing')).toBe(true);
    // The stored text is not touched by what is shown.
    expect(editor!.getJSON()).toEqual(NOTE);
  });

  it('shows the title it was written with outside a case', () => {
    editorWith(NOTE);
    expect(mentionShown()?.textContent).toBe('Marta Kowal');
  });

  it('asks the case again only when a mention is added or removed, not while typing', () => {
    const theCase = fakeCase([entity('e1', 'Marta Kowal'), entity('e2', 'Quayline')]);
    const editor = editorWith(NOTE, theCase);
    expect(theCase.watches).toBe(1);
    editor.commands.insertContent(' and then some words');
    expect(theCase.watches).toBe(1);
    editor.commands.insertRecordLink({ type: 'entity', id: 'e2', label: 'Quayline', as: 'mention' });
    expect(theCase.watches).toBe(2);
  });

  it('opens the list with @, finds an entity by an accent-free part of its name, and Enter mentions it', async () => {
    const theCase = fakeCase([entity('e1', 'Łukasz Wróbel'), entity('e2', 'Quayline')]);
    const editor = editorWith('<p></p>', theCase);
    editor.commands.focus('end');
    editor.commands.insertContent({ type: 'text', text: 'Met @lukasz' });
    await settled();
    const list = document.querySelector('[role="listbox"]');
    expect(list?.getAttribute('aria-label')).toBe('Entities to mention');
    expect([...list!.querySelectorAll('[role="option"]')].map((option) => option.textContent)).toEqual([
      'Łukasz Wróbel entity',
      'Create entity “lukasz”…',
    ]);
    expect(editor.view.dom.getAttribute('aria-activedescendant')).toBe(list!.querySelector('[role="option"]')!.id);
    expect(press('Enter')).toBe(true);
    expect(editor.getText()).toBe('Met Łukasz Wróbel ');
    expect(editor.getJSON().content?.[0]?.content?.[1]).toEqual({
      type: 'recordLink',
      attrs: { type: 'entity', id: 'e1', label: 'Łukasz Wróbel', as: 'mention' },
    });
    await settled();
    expect(document.querySelector('[role="listbox"]')).toBeNull();
  });

  it('makes a new entity from what was typed, of the type chosen, and mentions it', async () => {
    const theCase = fakeCase([]);
    const editor = editorWith('<p></p>', theCase);
    editor.commands.focus('end');
    editor.commands.insertContent('@Vera Sokol');
    await settled();
    press('Enter');
    await settled();
    const list = document.querySelector('[role="listbox"]')!;
    expect(list.getAttribute('aria-label')).toBe('Type of the new entity “Vera Sokol”');
    press('ArrowDown');
    press('Enter');
    await settled();
    expect(theCase.createEntity).toHaveBeenCalledWith('Vera Sokol', 'organisation');
    expect(editor.getText()).toBe('Vera Sokol ');
  });

  it('leaves the typed text as it is on Escape', async () => {
    const editor = editorWith('<p></p>', fakeCase([entity('e1', 'Marta Kowal')]));
    editor.commands.focus('end');
    editor.commands.insertContent('@mar');
    await settled();
    expect(press('Escape')).toBe(true);
    await settled();
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(editor.getText()).toBe('@mar');
  });
});

describe('the options of the list', () => {
  const marta = { ref: { type: 'entity' as const, id: 'e1' }, title: 'Marta Kowal', detail: 'person' };
  const excerpt = { ref: { type: 'excerpt' as const, id: 'x1' }, title: 'The cargo left', detail: 'Port log', quote: 'The cargo left', citation: 'Port log.' };
  const event = { ref: { type: 'event' as const, id: 'v1' }, title: 'Raid', detail: '9 March 2021' };

  it('offer to create an entity unless one offered has that very name, accents aside', () => {
    expect(mentionOptions('Vera', [marta]).map((option) => optionText(option).text)).toEqual(['Marta Kowal', 'Create entity “Vera”…']);
    expect(mentionOptions('marta kowal', [marta])).toHaveLength(1);
    expect(mentionOptions('  ', [marta])).toHaveLength(1);
  });

  it('offer an excerpt as a link or a quote block, an event as a link or a dated line', () => {
    expect(linkOptions([marta, excerpt, event]).map((option) => optionText(option).text)).toEqual([
      'Marta Kowal',
      '“The cargo left”',
      '“The cargo left” as quote block',
      'Raid',
      'Raid as dated line',
    ]);
  });

  it('stop once the words typed read as a sentence rather than a name', () => {
    expect(looksLikeName('Vera Sokol')).toBe(true);
    expect(looksLikeName('Vera Sokol met him. Then')).toBe(false);
    expect(looksLikeName('one two three four five six seven')).toBe(false);
  });
});
