// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from '../../extensions';
import { testEditor } from '../testing';
import { DrawOnce } from '.';

const mention = '<p>Met <span data-record-type="entity" data-record-id="e1" data-label="Marta Kowal" data-as="mention">Marta Kowal</span> at the quay.</p>';

describe('the text drawn when the editor appears', () => {
  it('is drawn once: handing the node views over again keeps what is drawn, node views included', () => {
    const editor = testEditor(`${mention}<p>Second paragraph.</p>`, [...richTextExtensions, DrawOnce]);
    const [first, second] = [...editor.view.dom.children];
    const link = editor.view.dom.querySelector('.record-link');
    expect(link?.textContent).toBe('Marta Kowal');
    editor.createNodeViews();
    expect([...editor.view.dom.children]).toEqual([first, second]);
    expect(editor.view.dom.querySelector('.record-link')).toBe(link);
  });

  it('is drawn again without it (what the extension saves)', () => {
    const editor = testEditor(`${mention}<p>Second paragraph.</p>`, richTextExtensions);
    const first = editor.view.dom.firstElementChild;
    editor.createNodeViews();
    expect(editor.view.dom.firstElementChild).not.toBe(first);
  });
});
