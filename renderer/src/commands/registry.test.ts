// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandRegistry } from './registry';
import { defineCommand, type Command, type CommandContext } from './types';

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  route: { caseId: 'c1', section: '', recordId: null },
  navigate: () => undefined,
  targets: {},
  ...overrides,
});

function registryOf(options: { findEnabled?: boolean; onError?: (id: string, error: unknown) => void } = {}) {
  const performed: string[] = [];
  const registry = new CommandRegistry(
    [
      defineCommand('go.entities', { inTextFields: true, enabled: () => true, perform: () => void performed.push('go.entities') }),
      defineCommand('document.find', {
        enabled: () => options.findEnabled ?? true,
        perform: () => void performed.push('document.find'),
      }),
      defineCommand('documents.import', {
        enabled: () => true,
        perform: async () => {
          throw new Error('the dialog did not open');
        },
      }),
    ],
    (command, error) => options.onError?.(command.id, error),
  );
  return { registry, performed };
}

/** A keydown dispatched on `target`, as the browser would, with the registry listening on window. */
function press(registry: CommandRegistry, init: KeyboardEventInit, target: EventTarget = document.body, mac = false) {
  let handled = false;
  const listener = (event: KeyboardEvent) => void (handled = registry.handleKeyDown(event, context(), mac));
  window.addEventListener('keydown', listener);
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  window.removeEventListener('keydown', listener);
  return { handled, prevented: event.defaultPrevented };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('CommandRegistry', () => {
  it('registers each command once', () => {
    const command = defineCommand('go.notes', { enabled: () => true, perform: () => undefined });
    expect(() => new CommandRegistry([command, command])).toThrow('The command go.notes is registered twice');
  });

  it('takes label and shortcut from the shared declaration', () => {
    const { registry } = registryOf();
    expect(registry.get('go.entities')).toMatchObject({ label: 'Go to Entities', shortcut: 'Alt+4', inPalette: true });
  });

  it('runs only what is enabled, and says why it did not', () => {
    const { registry, performed } = registryOf({ findEnabled: false });
    expect(registry.run('go.entities', context())).toBe('ran');
    expect(registry.run('document.find', context())).toBe('unavailable');
    expect(registry.run('palette.open', context())).toBe('unknown');
    expect(performed).toEqual(['go.entities']);
    expect(registry.available(context()).map((command) => command.id)).toEqual(['go.entities', 'documents.import']);
  });

  it('hands a failure of work a command started to onError', async () => {
    const onError = vi.fn();
    const { registry } = registryOf({ onError });
    expect(registry.run('documents.import', context())).toBe('ran');
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith('documents.import', new Error('the dialog did not open')));
  });
});

describe('shortcuts', () => {
  it('run their command and keep the key from the browser', () => {
    const { registry, performed } = registryOf();
    expect(press(registry, { key: 'f', code: 'KeyF', ctrlKey: true })).toEqual({ handled: true, prevented: true });
    expect(press(registry, { key: '4', code: 'Digit4', altKey: true })).toEqual({ handled: true, prevented: true });
    expect(performed).toEqual(['document.find', 'go.entities']);
  });

  it('need their exact modifiers', () => {
    const { registry, performed } = registryOf();
    expect(press(registry, { key: 'f', code: 'KeyF' }).handled).toBe(false);
    expect(press(registry, { key: 'F', code: 'KeyF', ctrlKey: true, shiftKey: true }).handled).toBe(false);
    expect(press(registry, { key: 'f', code: 'KeyF', ctrlKey: true, altKey: true }).handled).toBe(false);
    expect(press(registry, { key: 'f', code: 'KeyF', metaKey: true }).handled).toBe(false);
    expect(performed).toEqual([]);
  });

  it('use Cmd on a Mac, and find digits and letters whatever the keyboard types', () => {
    const { registry, performed } = registryOf();
    expect(press(registry, { key: 'f', code: 'KeyF', metaKey: true }, document.body, true).handled).toBe(true);
    expect(press(registry, { key: 'f', code: 'KeyF', ctrlKey: true }, document.body, true).handled).toBe(false);
    // Option+4 types "¢" on a Mac; a Russian layout types "а" on the F key.
    expect(press(registry, { key: '¢', code: 'Digit4', altKey: true }, document.body, true).handled).toBe(true);
    expect(press(registry, { key: 'а', code: 'KeyF', ctrlKey: true }).handled).toBe(true);
    expect(performed).toEqual(['document.find', 'go.entities', 'document.find']);
  });

  it('leave a disabled command’s keys to the browser', () => {
    const { registry, performed } = registryOf({ findEnabled: false });
    expect(press(registry, { key: 'f', code: 'KeyF', ctrlKey: true })).toEqual({ handled: false, prevented: false });
    expect(performed).toEqual([]);
  });

  it('do not fire in a text field unless their command says so', () => {
    const { registry, performed } = registryOf();
    const box = document.body.appendChild(document.createElement('input'));
    const area = document.body.appendChild(document.createElement('textarea'));
    const editor = document.body.appendChild(document.createElement('div'));
    editor.setAttribute('contenteditable', 'true');
    const paragraph = editor.appendChild(document.createElement('p'));
    const checkbox = document.body.appendChild(Object.assign(document.createElement('input'), { type: 'checkbox' }));

    for (const field of [box, area, paragraph])
      expect(press(registry, { key: 'f', code: 'KeyF', ctrlKey: true }, field)).toEqual({ handled: false, prevented: false });
    expect(press(registry, { key: 'f', code: 'KeyF', ctrlKey: true }, checkbox).handled).toBe(true);
    // Go to Entities says it works in text fields.
    expect(press(registry, { key: '4', code: 'Digit4', altKey: true }, box).handled).toBe(true);
    expect(performed).toEqual(['document.find', 'go.entities']);
  });

  it('are not run from the keyboard for a command whose keys the component it acts on handles itself', () => {
    const performed: string[] = [];
    const bold: Command = {
      id: 'editor.bold', label: 'Bold', shortcut: 'Mod+B', inTextFields: true, fromKeyboard: false, inPalette: true,
      enabled: () => true, perform: () => void performed.push('editor.bold'), whenUnavailable: '',
    };
    const registry = new CommandRegistry([]);
    registry.register([bold]);
    expect(press(registry, { key: 'b', code: 'KeyB', ctrlKey: true })).toEqual({ handled: false, prevented: false });
    expect(registry.forKeyPress({ key: 'b', code: 'KeyB', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false }, false)).toBeUndefined();
    // The palette and the menu still run it.
    expect(registry.run('editor.bold', context())).toBe('ran');
    expect(performed).toEqual(['editor.bold']);
    expect(() => registry.register([bold])).toThrow('The command editor.bold is registered twice');
  });

  it('stay quiet while a dialog holds the keyboard, while composing, and for keys already handled', () => {
    const { registry, performed } = registryOf();
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    expect(press(registry, { key: '4', code: 'Digit4', altKey: true }, dialog).handled).toBe(false);
    dialog.remove();

    expect(press(registry, { key: '4', code: 'Digit4', altKey: true, isComposing: true }).handled).toBe(false);
    const field = document.body.appendChild(document.createElement('input'));
    field.addEventListener('keydown', (event) => event.preventDefault());
    expect(press(registry, { key: '4', code: 'Digit4', altKey: true }, field).handled).toBe(false);
    expect(performed).toEqual([]);
  });
});
