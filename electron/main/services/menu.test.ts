import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/commands';
import { EDITOR_MENU_COMMANDS } from '../../../shared/editorCommands';
import { buildMenuTemplate, type MenuOptions } from './menu';

function template(overrides: Partial<MenuOptions> = {}): MenuItemConstructorOptions[] {
  return buildMenuTemplate({
    appName: 'Casebook',
    platform: 'linux',
    isDevelopment: false,
    helpUrl: 'https://example.org/casebook',
    openExternal: () => undefined,
    commands: MENU_COMMANDS,
    onCommand: () => undefined,
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
  it('has File, Edit, View, Go, Window and Help on Windows and Linux', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const items = template({ platform });
      expect(items.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Go', '&Window', '&Help']);
      expect(roles(menu(items, 'File'))).toEqual(['quit']);
    }
  });

  it('offers Casebook’s commands in their menus, with their shortcuts shown', () => {
    const labels = (name: string) => menu(template(), name).flatMap((item) => (item.role || item.type ? [] : [item.label]));
    expect(labels('File')).toEqual(['Import files', 'New document', 'New excerpt', 'New entity', 'New event', 'New note', 'Export report…', 'Export case archive…', 'Open case archive…', 'Restore from backup…', 'Export entities as FollowTheMoney…', 'Export codebook as REFI-QDA…']);
    expect(labels('Edit')).toEqual(['Find in document', 'Mark excerpt', 'Next excerpt', 'Previous excerpt', 'New entity from selection', 'Link selection to entity', 'Suggest entities', 'Find dates in this document', 'New event from excerpt']);
    expect(labels('View')).toEqual(['Show all commands', 'Storage and safety of your cases…']);
    expect(labels('Go')).toEqual([
      'Go to all cases',
      'Go to Overview',
      'Go to Documents',
      'Go to Excerpts',
      'Go to Entities',
      'Go to Timeline',
      'Go to Notes',
      'Open codebook',
      'Open link chart',
      'Entity types…',
      'Relationship types…',
    ]);
    const byId = (id: string) => template().flatMap((item) => item.submenu as MenuItemConstructorOptions[]).find((item) => item.id === id);
    expect(byId('palette.open')).toMatchObject({ accelerator: 'CommandOrControl+K', registerAccelerator: false });
    expect(byId('go.entities')).toMatchObject({ accelerator: 'Alt+4', registerAccelerator: false });
    expect(byId('excerpt.next')).toMatchObject({ accelerator: 'Alt+Down', registerAccelerator: false });
    expect(byId('new.entity')?.accelerator).toBeUndefined();
  });

  it('hands a chosen command’s id on, and runs nothing itself', () => {
    const onCommand = vi.fn();
    const go = menu(template({ onCommand }), 'Go');
    go.find((item) => item.label === 'Go to Entities')?.click?.(undefined as never, undefined, undefined as never);
    expect(onCommand).toHaveBeenCalledExactlyOnceWith('go.entities');
  });

  it('has a Format menu of the editor’s commands after Edit, with TipTap’s keys shown, when given them', () => {
    const items = template({ commands: [...MENU_COMMANDS, ...EDITOR_MENU_COMMANDS] });
    expect(items.map((item) => item.label)).toEqual(['&File', '&Edit', 'F&ormat', '&View', '&Go', '&Window', '&Help']);
    const format = menu(items, 'Format');
    expect(format.slice(0, 3).map((item) => [item.label, item.accelerator])).toEqual([
      ['Bold', 'CommandOrControl+B'],
      ['Italic', 'CommandOrControl+I'],
      ['Underline', 'CommandOrControl+U'],
    ]);
    expect(format.map((item) => item.label)).toContain('Insert table');
    // Undo and Redo stay the Edit menu's own (Electron's roles), once.
    expect(format.map((item) => item.label)).not.toContain('Undo');
    expect(roles(menu(items, 'Edit'))).toContain('undo');
    expect(format.every((item) => item.registerAccelerator === false)).toBe(true);
  });

  it('leaves out the Go menu when no command belongs in it', () => {
    const items = template({ commands: MENU_COMMANDS.filter((command) => command.menu !== 'go') });
    expect(items.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
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
