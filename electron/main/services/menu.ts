import type { MenuItemConstructorOptions } from 'electron';
import type { AnyCommandId, MenuCommand, MenuName } from '../../../shared/commands';

/**
 * The application menu as a template, built from plain facts so it is tested without Electron. Standard items use
 * Electron's roles, which bring the platform's own labels and shortcuts (Ctrl+Z or Cmd+Z, and so on); Casebook's own
 * commands come from the list declared in `shared/commands.ts`, and choosing one hands its id to `onCommand`, which
 * sends it to the renderer to run.
 */

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Developer tools appear in the View menu only while developing. */
  isDevelopment: boolean;
  /** The project's web page, or null while it has none: Help then offers About only. */
  helpUrl: string | null;
  openExternal: (url: string) => void;
  /** Casebook's commands that belong in the menu. */
  commands: readonly MenuCommand[];
  /** A command was chosen. */
  onCommand: (id: AnyCommandId) => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The items of one menu's commands. Their accelerators are shown
 * but not registered: the renderer's keyboard handling owns the keys, so a shortcut runs once, respects whether its
 * command is available, and stays out of text fields as its command says (macOS still offers an unhandled key to
 * the menu, which then sends the command like a click).
 */
function commandItems(options: MenuOptions, menu: MenuName): MenuItemConstructorOptions[] {
  return options.commands
    .filter((command) => command.menu === menu)
    .map(
      (command): MenuItemConstructorOptions => ({
        id: command.id,
        label: command.label,
        accelerator: command.accelerator,
        registerAccelerator: false,
        click: () => options.onCommand(command.id),
      }),
    );
}

/** The items, then a separator before what follows them, if there are any. */
const group = (items: MenuItemConstructorOptions[]) => (items.length ? [...items, separator] : []);

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    // On macOS Quit lives in the app menu and the File menu closes the window instead.
    submenu: [...group(commandItems(options, 'file')), isMac ? { role: 'close' } : { role: 'quit' }],
  };

  const editCommands = commandItems(options, 'edit');
  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      separator,
      { role: 'selectAll' },
      ...(editCommands.length ? [separator, ...editCommands] : []),
    ],
  };

  // The rich-text editor's formatting; its items act on the editor that has the focus.
  const formatCommands = commandItems(options, 'format');
  const formatMenu: MenuItemConstructorOptions = { label: 'F&ormat', submenu: formatCommands };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...group(commandItems(options, 'view')),
      { role: 'reload' },
      ...(options.isDevelopment ? [{ role: 'toggleDevTools' } as const] : []),
      separator,
      { role: 'resetZoom' },
      // Electron's default Zoom In shortcut is Ctrl+Shift+= on most layouts; Ctrl+= is what people press.
      { role: 'zoomIn', accelerator: 'CommandOrControl+=' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const goCommands = commandItems(options, 'go');
  const goMenu: MenuItemConstructorOptions = { label: '&Go', submenu: goCommands };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { role: 'about', label: `About ${options.appName}` },
      ...(options.helpUrl
        ? [{ label: `${options.appName} on the Web`, click: () => options.openExternal(options.helpUrl!) }]
        : []),
    ],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    ...(formatCommands.length ? [formatMenu] : []),
    viewMenu,
    ...(goCommands.length ? [goMenu] : []),
    windowMenu,
    helpMenu,
  ];
}
