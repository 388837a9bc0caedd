import { app, BrowserWindow, dialog, screen, type Rectangle } from 'electron';
import { confirmUnload } from './services/leavePrompt';
import { choosesReload, crashPrompt, RendererCrashPolicy } from './services/rendererCrash';
import {
  MIN_WINDOW_SIZE,
  fitWindowState,
  readWindowStateFile,
  writeWindowStateFile,
} from './services/windowState';

export interface MainWindowOptions {
  /** Where the page is loaded from: app://casebook/index.html, or the dev server. */
  url: string;
  preloadPath: string;
  /** The JSON file in userData that remembers size, position and maximised state. */
  stateFile: string;
}

const SAVE_DELAY_MS = 500;

function workAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

/** Remembers where the window is as it moves, and once more as it closes. */
function rememberState(window: BrowserWindow, stateFile: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    try {
      writeWindowStateFile(stateFile, window.getNormalBounds(), window.isMaximized());
    } catch (error) {
      console.warn('[casebook] could not remember the window position', error);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}

/** A page process that ends unexpectedly is reloaded; twice in a short time, the researcher chooses Reload or Quit. */
function reloadAfterCrashes(window: BrowserWindow): void {
  const crashes = new RendererCrashPolicy();
  window.webContents.on('render-process-gone', (_event, details) => {
    const response = crashes.decide(details.reason, Date.now());
    console.error(`[casebook] the window's page process ended (${details.reason}, exit code ${details.exitCode})`);
    if (response === 'ignore' || window.isDestroyed()) return;
    if (response === 'reload') return window.webContents.reload();
    void dialog.showMessageBox(window, crashPrompt(details.reason)).then(({ response: choice }) => {
      if (window.isDestroyed()) return;
      if (choosesReload(choice)) window.webContents.reload();
      else app.quit();
    });
  });
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = fitWindowState(readWindowStateFile(options.stateFile), workAreas());
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Casebook',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  rememberState(window, options.stateFile);
  reloadAfterCrashes(window);
  // A form with unsaved changes holds the close or reload back (beforeunload); Electron would then do nothing at all.
  window.webContents.on('will-prevent-unload', (event) => {
    confirmUnload(event, (prompt) => dialog.showMessageBoxSync(window, prompt));
  });
  window.loadURL(options.url).catch((error: unknown) => {
    console.error(`[casebook] could not load ${options.url}`, error);
  });
  return window;
}
