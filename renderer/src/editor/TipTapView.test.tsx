// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { RichText } from '../../../shared/domain';
import { testEditor } from './extensions/testing';
import { TipTapView } from './TipTapView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the read-only view', () => {
  it('shows everything the editor writes: headings, marks, highlights, lists, tasks, quotes, code, rules, tables, links', async () => {
    const editor = testEditor();
    editor.commands.setContent(
      '<h4>Crew</h4><p><strong>b</strong> <em>i</em> <u>u</u> <s>s</s> <mark>m</mark> <code>c</code> <a href="https://example.org">l</a></p>' +
        '<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol><ul data-type="taskList"><li data-type="taskItem" data-checked="true"><p>done</p></li></ul>' +
        '<blockquote><p>q</p></blockquote><pre><code>log</code></pre><hr><table><tr><th><p>h</p></th></tr><tr><td><p>d</p></td></tr></table>',
    );
    const value = editor.getJSON() as RichText;
    const container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container);
    await act(async () => root.render(<TipTapView value={value} />));
    const view = container.querySelector('.rich-text-view')!;
    for (const selector of ['h4', 'strong', 'em', 'u', 's', 'mark', 'code', 'a[href="https://example.org"]', 'ul li', 'ol li', 'blockquote', 'pre', 'hr', 'table th', 'table td'])
      expect(view.querySelector(selector), selector).not.toBeNull();
    const task = view.querySelector<HTMLInputElement>('ul[data-type="taskList"] input[type="checkbox"]')!;
    expect(task.checked).toBe(true);
    // Ticked in the editor, not here.
    expect(task.disabled).toBe(true);
    act(() => root.unmount());
  });
});
