// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TagWithCounts } from '../../db/queries/tags';
import { TagTree } from './TagTree';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const tag = (id: string, name: string, parentId: string | null, own = 0, withSubTags = own): TagWithCounts => ({
  id,
  caseId: 'case',
  parentId,
  name,
  nameKey: name.toLowerCase(),
  colour: '#2563eb',
  description: '',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  own,
  withSubTags,
});

// In the order the codebook query gives them, by name: Évidence › Arrests, Route; Method; People › Aliases, Suspects.
const TAGS = [
  tag('arrests', 'Arrests', 'evidence', 2),
  tag('aliases', 'Aliases', 'people'),
  tag('evidence', 'Évidence', null, 0, 3),
  tag('method', 'Method', null, 1),
  tag('people', 'People', null),
  tag('route', 'Route', 'evidence', 1),
  tag('suspects', 'Suspects', 'people'),
];

let root: Root;
let container: HTMLElement;
let chosen: string[];

/** Shows the tree as the codebook view does: the chosen tag is the view's, chosen in the tree or elsewhere (adding a tag). */
function show(tags: TagWithCounts[], chosenId: string | null) {
  const onChoose = (id: string) => {
    chosen.push(id);
    show(tags, id);
  };
  root.render(<TagTree tags={tags} chosenId={chosenId} onChoose={onChoose} />);
}

async function render(tags = TAGS, chosenId: string | null = null) {
  await act(async () => show(tags, chosenId));
}

beforeEach(() => {
  chosen = [];
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

const tree = () => container.querySelector<HTMLElement>('[role="tree"]')!;
const items = () => [...container.querySelectorAll<HTMLElement>('[role="treeitem"]')];
/** A tree item's accessible name: the text of what labels it. */
const nameOf = (element: Element | null) => (element && document.getElementById(element.getAttribute('aria-labelledby')!)?.textContent) ?? null;
const item = (name: string) => items().find((candidate) => nameOf(candidate) === name)!;
const shown = () => items().map(nameOf);
const focused = () => nameOf(document.activeElement);
const tabStops = () => items().filter((candidate) => candidate.tabIndex === 0).map(nameOf);

async function press(key: string) {
  await act(async () => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

async function focusTree() {
  await act(async () => items().find((candidate) => candidate.tabIndex === 0)!.focus());
}

async function click(element: Element) {
  await act(async () => void element.dispatchEvent(new MouseEvent('click', { bubbles: true })));
}

describe('TagTree', () => {
  it('is a named tree of levelled, numbered items, parents expanded over their groups, with one tab stop', async () => {
    await render();
    expect(tree().getAttribute('aria-label')).toBe('Tags');
    expect(shown()).toEqual(['Évidence', 'Arrests', 'Route', 'Method', 'People', 'Aliases', 'Suspects']);
    const evidence = item('Évidence');
    expect([evidence.getAttribute('aria-level'), evidence.getAttribute('aria-posinset'), evidence.getAttribute('aria-setsize')]).toEqual(['1', '1', '3']);
    expect(evidence.getAttribute('aria-expanded')).toBe('true');
    const route = item('Route');
    expect([route.getAttribute('aria-level'), route.getAttribute('aria-posinset'), route.getAttribute('aria-setsize')]).toEqual(['2', '2', '2']);
    expect(route.hasAttribute('aria-expanded')).toBe(false);
    expect(route.parentElement!.getAttribute('role')).toBe('group');
    expect(route.parentElement!.closest('[role="treeitem"]')).toBe(evidence);
    expect(tabStops()).toEqual(['Évidence']);
    expect(items().every((candidate) => candidate.getAttribute('aria-selected') === 'false')).toBe(true);
  });

  it('keeps each tag’s counts and colour', async () => {
    await render();
    const evidence = item('Évidence');
    expect(document.getElementById(evidence.getAttribute('aria-describedby')!)!.textContent).toBe('0 excerpts, 3 with sub-tags');
    expect(item('Arrests').textContent).toContain('2 excerpts');
    expect(item('Method').querySelector<HTMLElement>('.swatch')!.style.background).toBe('rgb(37, 99, 235)');
  });

  it('moves up and down the tags shown, and to the first and last', async () => {
    await render();
    await focusTree();
    await press('ArrowDown');
    expect(focused()).toBe('Arrests');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(focused()).toBe('Method');
    await press('ArrowUp');
    expect(focused()).toBe('Route');
    await press('End');
    expect(focused()).toBe('Suspects');
    await press('ArrowDown');
    expect(focused()).toBe('Suspects');
    await press('Home');
    expect(focused()).toBe('Évidence');
    expect(tabStops()).toEqual(['Évidence']);
  });

  it('folds and unfolds with Left and Right, and moves between a tag and its parent', async () => {
    await render();
    await focusTree();
    await press('ArrowRight');
    expect(focused()).toBe('Arrests');
    await press('ArrowRight');
    expect(focused()).toBe('Arrests');
    await press('ArrowLeft');
    expect(focused()).toBe('Évidence');
    await press('ArrowLeft');
    expect(item('Évidence').getAttribute('aria-expanded')).toBe('false');
    expect(shown()).toEqual(['Évidence', 'Method', 'People', 'Aliases', 'Suspects']);
    await press('ArrowDown');
    expect(focused()).toBe('Method');
    await press('ArrowUp');
    await press('ArrowRight');
    expect(item('Évidence').getAttribute('aria-expanded')).toBe('true');
    expect(focused()).toBe('Évidence');
    await press('ArrowRight');
    expect(focused()).toBe('Arrests');
  });

  it('moves to the next tag shown starting with a letter typed, whatever its case and accents', async () => {
    await render();
    await focusTree();
    await press('s');
    expect(focused()).toBe('Suspects');
    await press('e');
    expect(focused()).toBe('Évidence');
    await press('A');
    expect(focused()).toBe('Arrests');
    await press('a');
    expect(focused()).toBe('Aliases');
    await press('z');
    expect(focused()).toBe('Aliases');
  });

  it('chooses a tag with Enter or Space, which becomes the tab stop', async () => {
    await render();
    await focusTree();
    await press('End');
    await press('Enter');
    expect(chosen).toEqual(['suspects']);
    expect(item('Suspects').getAttribute('aria-selected')).toBe('true');
    await press('Home');
    await press(' ');
    expect(chosen).toEqual(['suspects', 'evidence']);
    expect(item('Suspects').getAttribute('aria-selected')).toBe('false');
    expect(tabStops()).toEqual(['Évidence']);
  });

  it('chooses by a click on the row, and folds by a click on the twisty without choosing', async () => {
    await render();
    await click(item('Route').querySelector('.codebook-row')!);
    expect(chosen).toEqual(['route']);
    await click(item('People').querySelector('.twisty')!);
    expect(item('People').getAttribute('aria-expanded')).toBe('false');
    expect(shown()).not.toContain('Suspects');
    expect(chosen).toEqual(['route']);
    await click(item('People').querySelector('.twisty')!);
    expect(shown()).toContain('Suspects');
  });

  it('keeps the tab stop on a folded tag’s parent, and on a tag chosen elsewhere, unfolded into view', async () => {
    await render();
    await focusTree();
    await press('End');
    expect(tabStops()).toEqual(['Suspects']);
    await click(item('People').querySelector('.twisty')!);
    expect(tabStops()).toEqual(['People']);
    // As when a tag is added under People in the form beside the tree, which chooses it.
    await render([...TAGS, tag('witnesses', 'Witnesses', 'people')], 'witnesses');
    expect(item('People').getAttribute('aria-expanded')).toBe('true');
    expect(tabStops()).toEqual(['Witnesses']);
    expect(item('Witnesses').getAttribute('aria-selected')).toBe('true');
  });
});
