import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu as a template, built from plain facts so it is tested without Electron. Items use Electron's
 * roles, which bring the platform's own labels and shortcuts (Ctrl+Z or Cmd+Z, and so on).
 */

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Developer tools appear in the View menu only while developing. */
  isDevelopment: boolean;
  /** The project's web page, or null while it has none: Help then offers About only. */
  helpUrl: string | null;
  openExternal: (url: string) => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

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
    submenu: isMac ? [{ role: 'close' }] : [{ role: 'quit' }],
  };

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
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
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

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
