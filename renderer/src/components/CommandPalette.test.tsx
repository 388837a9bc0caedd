// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandPalette, matchesFilter, type PaletteItem } from './CommandPalette';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

const ITEMS: PaletteItem[] = [
  { id: 'import', label: 'Import files', shortcut: 'Ctrl+O', ariaKeyShortcuts: 'Control+O' },
  { id: 'entity', label: 'New entity', shortcut: null, ariaKeyShortcuts: null },
  { id: 'entities', label: 'Go to Entities', shortcut: 'Alt+4', ariaKeyShortcuts: 'Alt+4' },
];

let root: Root;
let container: HTMLElement;
const onChoose = vi.fn();
const onClose = vi.fn();

beforeEach(async () => {
  onChoose.mockReset();
  onClose.mockReset();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

async function render(items = ITEMS) {
  await act(async () => root.render(<CommandPalette items={items} emptyMessage="Open a case." onChoose={onChoose} onClose={onClose} />));
}

const input = () => container.querySelector('input')!;
const selected = () => container.querySelector('[aria-selected="true"]')?.textContent;
const status = () => container.querySelector('[role="status"]')?.textContent;

async function type(text: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input(), text);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function key(name: string) {
  await act(async () => void input().dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })));
}

describe('matchesFilter', () => {
  it('finds every word typed, whatever the case and accents', () => {
    expect(matchesFilter('Go to Entities', 'ENT')).toBe(true);
    expect(matchesFilter('Go to Entities', 'go ent')).toBe(true);
    expect(matchesFilter('Go to Entities', 'ÉNTITIÉS')).toBe(true);
    expect(matchesFilter('Go to Entities', 'go notes')).toBe(false);
    expect(matchesFilter('Go to Entities', '  ')).toBe(true);
  });
});

describe('CommandPalette', () => {
  it('is a labelled modal dialog with the filter box in focus and each command’s shortcut', async () => {
    await render();
    const dialog = container.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-label')).toBe('Commands');
    expect(document.activeElement).toBe(input());
    expect(input().getAttribute('aria-activedescendant')).toBe(container.querySelector('[role="option"]')?.id);
    expect(container.querySelector('[role="option"] kbd')?.textContent).toBe('Ctrl+O');
    expect(container.querySelector('[role="option"]')?.getAttribute('aria-keyshortcuts')).toBe('Control+O');
    expect(status()).toBe('3 commands');
  });

  it('moves with the arrows, wrapping, and Home and End', async () => {
    await render();
    expect(selected()).toBe('Import filesCtrl+O');
    await key('ArrowUp');
    expect(selected()).toBe('Go to EntitiesAlt+4');
    await key('ArrowDown');
    expect(selected()).toBe('Import filesCtrl+O');
    await key('End');
    expect(selected()).toBe('Go to EntitiesAlt+4');
    await key('Home');
    await key('Enter');
    expect(onChoose).toHaveBeenCalledWith('import');
  });

  it('filters as one types, starting again from the first match', async () => {
    await render();
    await key('ArrowDown');
    await type('entit');
    expect(selected()).toBe('New entity');
    expect(status()).toBe('2 commands');
    await type('zeppelin');
    expect(status()).toBe('No command matches “zeppelin”.');
    await key('Enter');
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('runs a clicked command, and closes on Escape', async () => {
    await render();
    await act(async () => (container.querySelectorAll('[role="option"]')[2] as HTMLElement).click());
    expect(onChoose).toHaveBeenCalledWith('entities');
    await key('Escape');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says what to do when nothing can run here', async () => {
    await render([]);
    expect(status()).toBe('Open a case.');
  });
});
