// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostEventListener } from '../../../shared/contract';
import { Notices } from '../components/Notices';
import { commandRegistry, CommandsProvider, useCommandTarget, useRunCommand } from '.';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods; these do what the palette relies on.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

function Where() {
  return <output data-testid="location">{useLocation().pathname}</output>;
}

function Reader({ onFind }: { onFind: () => void }) {
  useCommandTarget('findInDocument', onFind);
  return <p>A document</p>;
}

function ImportButton() {
  const run = useRunCommand();
  return (
    <button type="button" onClick={() => run('go.documents')}>
      Documents
    </button>
  );
}

let root: Root;
let container: HTMLElement;
let menuListener: HostEventListener<'menuCommand'> | null;
const host = {
  onMenuCommand: (listener: HostEventListener<'menuCommand'>) => {
    menuListener = listener;
    return () => void (menuListener = null);
  },
};

async function show(path: string, reader?: () => void) {
  await act(async () =>
    root.render(
      <MemoryRouter initialEntries={[path]}>
        <CommandsProvider registry={commandRegistry} host={host} mac={false}>
          <Where />
          <ImportButton />
          {reader && <Reader onFind={reader} />}
          <Notices />
        </CommandsProvider>
      </MemoryRouter>,
    ),
  );
}

async function press(init: KeyboardEventInit, target: Element = document.body) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  await act(async () => void target.dispatchEvent(event));
  return event.defaultPrevented;
}

/** Ctrl+K, waiting for the palette's code, which the first press loads: until then nothing shows. */
async function openPalette() {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'k', code: 'KeyK', ctrlKey: true });
  await act(async () => {
    document.body.dispatchEvent(event);
    await import('../components/CommandPalette');
  });
  return event.defaultPrevented;
}

const location = () => container.querySelector('[data-testid="location"]')?.textContent;
const palette = () => container.querySelector<HTMLDialogElement>('dialog[aria-label="Commands"]');
const options = () => Array.from(container.querySelectorAll('[role="option"]'), (option) => option.textContent);

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  for (const button of container.querySelectorAll('.notice-bar button')) await act(async () => (button as HTMLElement).click());
  await act(async () => root.unmount());
  container.remove();
});

describe('CommandsProvider', () => {
  it('runs a shortcut through the registry, in the route’s case', async () => {
    await show('/case/c1/notes');
    expect(await press({ key: '4', code: 'Digit4', altKey: true })).toBe(true);
    expect(location()).toBe('/case/c1/entities');
  });

  it('runs a button’s command', async () => {
    await show('/case/c1');
    await act(async () => container.querySelector('button')?.click());
    expect(location()).toBe('/case/c1/documents');
  });

  it('reaches a target only while the component offering it is shown', async () => {
    const find = vi.fn();
    await show('/case/c1/documents/d1', find);
    expect(await press({ key: 'f', code: 'KeyF', ctrlKey: true })).toBe(true);
    expect(find).toHaveBeenCalledOnce();

    await show('/case/c1/documents/d1');
    expect(await press({ key: 'f', code: 'KeyF', ctrlKey: true })).toBe(false);
    expect(find).toHaveBeenCalledOnce();
  });

  it('runs a command chosen in the menu, or says why it cannot', async () => {
    await show('/case/c1');
    await act(async () => menuListener?.({ commandId: 'go.timeline' }));
    expect(location()).toBe('/case/c1/timeline');

    await act(async () => menuListener?.({ commandId: 'document.find' }));
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      '“Find in document” is not available here. Open a document in its Text or Pages view first.Dismiss',
    );
  });

  it('opens the palette with Ctrl+K, offering only what can run here, and runs the choice after closing it', async () => {
    await show('/case/c1/entities');
    expect(await openPalette()).toBe(true);
    expect(palette()?.open).toBe(true);
    expect(options()).not.toContain('Find in documentCtrl+F');
    expect(options()).toContain('Go to TimelineAlt+5');
    expect(options()).not.toContain('Show all commandsCtrl+K');

    // While it is open, it keeps the keyboard: shortcuts wait.
    expect(await press({ key: '2', code: 'Digit2', altKey: true }, palette()!)).toBe(false);

    const filter = palette()!.querySelector('input')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(filter, 'note');
      filter.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(options()).toEqual(['New note', 'Go to NotesAlt+6']);
    await press({ key: 'ArrowDown' }, filter);
    await press({ key: 'Enter' }, filter);
    expect(palette()).toBeNull();
    expect(location()).toBe('/case/c1/notes');
  });

  it('closes the palette on Escape without running anything', async () => {
    await show('/case/c1/entities');
    await openPalette();
    await press({ key: 'Escape' }, palette()!.querySelector('input')!);
    expect(palette()).toBeNull();
    expect(location()).toBe('/case/c1/entities');
  });
});
