import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, session, type Session, type WebContents } from 'electron';
import { MENU_COMMANDS } from '../../shared/commands';
import { EDITOR_MENU_COMMANDS } from '../../shared/editorCommands';
import { decideNavigation, type NavigationKind } from '../../shared/linkPolicy';
import { askAndOpenExternally } from './externalLinks';
import { registerIpcHandlers } from './ipc';
import { createMainWindow } from './mainWindow';
import { APP_ENTRY_URL } from './services/appProtocol';
import { Backups } from './services/backups';
import { CaseFileTokens, caseFilePathsFromArgv } from './services/caseFiles';
import { FileTokens } from './services/fileTokens';
import { HostEventOutbox } from './services/hostEvents';
import { buildMenuTemplate } from './services/menu';
import { isPermissionGranted, isRequestAllowed, SPELLCHECK_DICTIONARY_URL, trustedOrigins } from './services/security';
import { registerAppScheme, serveRenderer } from './services/serveApp';

/**
 * The main process: one window showing the renderer, hardened, with a menu, the IPC handlers and the events it sends
 * the renderer. It only does what a browser cannot (files, dialogs, printing); everything else happens in the
 * renderer.
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
  backups: () => path.join(app.getPath('userData'), 'Backups'),
};

let mainWindow: BrowserWindow | null = null;

/** Events for the renderer: menu commands, case files opened from the system, and (from the backups) finished backups. */
const hostEvents = new HostEventOutbox();
/** The files the renderer reads by token (`readFileRange`): case archives the system asked to open, and the backups. */
const fileTokens = new FileTokens();
const caseFileTokens = new CaseFileTokens(fileTokens);

/** Opens an address outside the app once the researcher has agreed to it, in a message box on `window`. */
function openExternally(url: string, window: BrowserWindow | null): void {
  askAndOpenExternally(url, window).catch((error: unknown) => console.warn(`[casebook] could not open ${url}`, error));
}

/**
 * No page may leave the app, load a page from elsewhere in a frame, open windows, or embed a <webview>: each attempt
 * is decided by `decideNavigation`, and an http, https or mailto link goes to the system's browser or mail program
 * once the researcher has agreed to its address.
 */
function guardWebContents(contents: WebContents): void {
  const guard = (kind: NavigationKind, event: { url: string; isMainFrame?: boolean; preventDefault(): void }) => {
    const decision = decideNavigation({ kind, url: event.url, isMainFrame: event.isMainFrame, allowedOrigins });
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'ask') openExternally(decision.address, BrowserWindow.fromWebContents(contents));
  };
  // will-frame-navigate comes first, for every frame; will-navigate follows for the main frame if it was allowed.
  contents.on('will-frame-navigate', (event) => guard('frame-navigate', event));
  contents.on('will-navigate', (event) => guard('navigate', event));
  contents.on('will-redirect', (event) => guard('redirect', event));
  contents.setWindowOpenHandler(({ url }) => {
    guard('window-open', { url, preventDefault: () => undefined });
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
  // Nothing leaves the computer: every request that is not the app's own is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, { allowedOrigins, development: isDevelopment });
    if (!allowed) console.warn(`[casebook] blocked a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  // Spell-check never downloads dictionaries from Google's servers (see SPELLCHECK_DICTIONARY_URL).
  ses.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
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
  const contents = mainWindow.webContents;
  // Events go out once the page (and so the preload that receives them) has loaded, and wait while it reloads.
  contents.on('did-finish-load', () => hostEvents.connect(contents));
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) hostEvents.disconnect(contents);
  });
  mainWindow.on('closed', () => {
    hostEvents.disconnect(contents);
    mainWindow = null;
  });
}

/** A `.casebook` file the system asked to open: the window comes forward and the renderer is told. */
function openCaseFile(filePath: string): void {
  showMainWindow();
  caseFileTokens.announce(filePath).then(
    (event) => hostEvents.send('caseFileOpened', event),
    (error: unknown) => console.error(`[casebook] could not open ${filePath}`, error),
  );
}

function onSecondInstance(_event: unknown, argv: string[], workingDirectory: string): void {
  showMainWindow();
  for (const filePath of caseFilePathsFromArgv(argv, workingDirectory)) openCaseFile(filePath);
}

function start(): void {
  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('session-created', guardSession);
  app.on('second-instance', onSecondInstance);
  app.on('activate', showMainWindow);
  // macOS hands over a double-clicked case file this way, possibly before the app is ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (app.isReady()) openCaseFile(filePath);
    else void app.whenReady().then(() => openCaseFile(filePath));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.whenReady().then(() => {
    if (process.platform === 'win32') app.setAppUserModelId('org.casebook.app');
    guardSession(session.defaultSession);
    if (!devServerUrl) serveRenderer(paths.renderer);
    const backups = new Backups({
      folder: paths.backups(),
      tokens: fileTokens,
      onFinished: (event) => hostEvents.send('backupFinished', event),
    });
    // Clears what an interrupted backup left; a folder that cannot be made is reported with the first backup request.
    backups.start().catch((error: unknown) => console.error('[casebook] the backups folder is not usable', error));
    registerIpcHandlers({
      ipcMain,
      allowedOrigins,
      windowOf: (sender: WebContents) => BrowserWindow.fromWebContents(sender),
      services: { files: fileTokens, backups },
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          appName: app.getName(),
          platform: process.platform,
          isDevelopment,
          helpUrl: HELP_URL,
          openExternal: (url) => openExternally(url, mainWindow),
          commands: [...MENU_COMMANDS, ...EDITOR_MENU_COMMANDS],
          onCommand: (commandId) => {
            // With no window open (macOS), the command waits for the one this opens.
            showMainWindow();
            hostEvents.send('menuCommand', { commandId });
          },
        }),
      ),
    );
    showMainWindow();
    for (const filePath of caseFilePathsFromArgv(process.argv, process.cwd())) openCaseFile(filePath);
  }).catch((error: unknown) => {
    console.error('[casebook] could not start', error);
    app.exit(1);
  });
}

// A second copy hands over to the first (which comes to the front) and quits.
if (app.requestSingleInstanceLock()) start();
else app.quit();
