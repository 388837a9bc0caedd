import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from './menu';

function template(overrides: Partial<MenuOptions> = {}): MenuItemConstructorOptions[] {
  return buildMenuTemplate({
    appName: 'Casebook',
    platform: 'linux',
    isDevelopment: false,
    helpUrl: 'https://example.org/casebook',
    openExternal: () => undefined,
    ...overrides,
  });
}

function menu(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = items.find((item) => item.label?.replace('&', '') === label);
  if (!found || !Array.isArray(found.submenu)) throw new Error(`No ${label} menu`);
  return found.submenu;
}

const roles = (items: MenuItemConstructorOptions[]) => items.flatMap((item) => (item.role ? [item.role] : []));

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const items = template({ platform });
      expect(items.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      expect(roles(menu(items, 'File'))).toEqual(['quit']);
    }
  });

  it('starts with the app menu on macOS, where Quit lives', () => {
    const items = template({ platform: 'darwin' });
    expect(items[0]?.label).toBe('Casebook');
    expect(roles(items[0]?.submenu as MenuItemConstructorOptions[])).toContain('quit');
    expect(roles(menu(items, 'File'))).toEqual(['close']);
    expect(roles(menu(items, 'Window'))).toEqual(['minimize', 'zoom', 'front']);
  });

  it('offers the standard editing commands, which carry their shortcuts', () => {
    expect(roles(menu(template(), 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles(menu(template({ platform: 'darwin' }), 'Edit'))).toContain('pasteAndMatchStyle');
  });

  it('shows developer tools only while developing', () => {
    expect(roles(menu(template(), 'View'))).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(menu(template({ isDevelopment: true }), 'View'))).toContain('toggleDevTools');
  });

  it('zooms in with Ctrl or Cmd and =', () => {
    const zoomIn = menu(template(), 'View').find((item) => item.role === 'zoomIn');
    expect(zoomIn?.accelerator).toBe('CommandOrControl+=');
  });

  it('opens the help link in the system browser', () => {
    const openExternal = vi.fn();
    const help = menu(template({ openExternal }), 'Help');
    expect(help).toHaveLength(2);
    help[1]?.click?.(undefined as never, undefined, undefined as never);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/casebook');
  });

  it('offers About only while the project has no web page', () => {
    const help = menu(template({ helpUrl: null }), 'Help');
    expect(help.map((item) => item.role)).toEqual(['about']);
  });
});
