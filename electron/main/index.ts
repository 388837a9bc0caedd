import path from 'node:path';
import { app, Menu, session, shell, type BrowserWindow, type Session, type WebContents } from 'electron';
import { registerIpcHandlers } from './ipc';
import { createMainWindow } from './mainWindow';
import { APP_ENTRY_URL } from './services/appProtocol';
import { buildMenuTemplate } from './services/menu';
import {
  isAllowedNavigation,
  isPermissionGranted,
  opensExternally,
  trustedOrigins,
} from './services/security';
import { registerAppScheme, serveRenderer } from './services/serveApp';

/**
 * The main process: one window showing the renderer, hardened, with a menu and the IPC handlers. It only does what
 * a browser cannot (files, dialogs, printing); everything else happens in the renderer.
 */

/** The project's public page for Help; none yet, so Help shows About only. */
const HELP_URL: string | null = null;

const isDevelopment = !app.isPackaged;
// electron-vite sets this in `electron-vite dev`; a packaged app never loads from a server.
const devServerUrl = isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined;
const allowedOrigins = trustedOrigins(devServerUrl);

const paths = {
  renderer: path.join(import.meta.dirname, '../renderer'),
  preload: path.join(import.meta.dirname, '../preload/index.cjs'),
  windowState: () => path.join(app.getPath('userData'), 'window-state.json'),
};

let mainWindow: BrowserWindow | null = null;

function openExternally(url: string): void {
  if (!opensExternally(url)) return;
  shell.openExternal(url).catch((error: unknown) => console.warn(`[casebook] could not open ${url}`, error));
}

/** No page may navigate away from the app, open windows, or embed a <webview>; links go to the system browser. */
function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function guardSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, allowedOrigins));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, allowedOrigins),
  );
  ses.setDevicePermissionHandler(() => false);
}

function showMainWindow(): void {
  // A second instance or a dock click can arrive before the app is ready; the ready handler opens the window then.
  if (!app.isReady()) return;
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow({
    url: devServerUrl ?? APP_ENTRY_URL,
    preloadPath: paths.preload,
    stateFile: paths.windowState(),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function start(): void {
  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('session-created', guardSession);
  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.whenReady().then(() => {
    if (process.platform === 'win32') app.setAppUserModelId('org.casebook.app');
    guardSession(session.defaultSession);
    if (!devServerUrl) serveRenderer(paths.renderer);
    registerIpcHandlers(allowedOrigins);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          appName: app.getName(),
          platform: process.platform,
          isDevelopment,
          helpUrl: HELP_URL,
          openExternal: openExternally,
        }),
      ),
    );
    showMainWindow();
  }).catch((error: unknown) => {
    console.error('[casebook] could not start', error);
    app.exit(1);
  });
}

// A second copy hands over to the first (which comes to the front) and quits.
if (app.requestSingleInstanceLock()) start();
else app.quit();
