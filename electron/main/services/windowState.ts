import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The main window's size, position and maximised flag, kept in a small JSON file in userData so the window reopens
 * where the researcher left it. Pure functions plus two file helpers: no Electron, so it is tested in Node.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The window's bounds when not maximised; x and y are absent until it has been placed once. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 };
export const MIN_WINDOW_SIZE = { width: 720, height: 480 };

/** How much of the window must lie on a display for it to be put back there rather than centred. */
const MIN_VISIBLE = { width: 200, height: 100 };

const storedStateSchema = z.object({
  version: z.literal(1),
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  maximized: z.boolean(),
});

export type StoredWindowState = z.infer<typeof storedStateSchema>;

/** The state in a stored file's text, or null when it is missing, not JSON, or not a state this version wrote. */
export function parseWindowState(text: string | null): StoredWindowState | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = storedStateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function serializeWindowState(bounds: Rect, maximized: boolean): string {
  const state: StoredWindowState = {
    version: 1,
    bounds: {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
    },
    maximized,
  };
  return `${JSON.stringify(state, null, 2)}\n`;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clampSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: Math.max(Math.min(MIN_WINDOW_SIZE.width, area.width), Math.min(size.width, area.width)),
    height: Math.max(Math.min(MIN_WINDOW_SIZE.height, area.height), Math.min(size.height, area.height)),
  };
}

function centredIn(size: { width: number; height: number }, area: Rect): Rect {
  return {
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
    ...size,
  };
}

/**
 * Where to open the window given the stored state and the work areas of the displays now connected (the primary
 * display first). A window that would open mostly off-screen, say on a monitor since unplugged, is centred on the
 * primary display; one larger than its display is shrunk to fit and moved fully onto it.
 */
export function fitWindowState(stored: StoredWindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!stored) {
    if (!primary) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
    return { bounds: centredIn(clampSize(DEFAULT_WINDOW_SIZE, primary), primary), maximized: false };
  }
  if (!primary) return { bounds: { ...stored.bounds }, maximized: stored.maximized };

  let best: { area: Rect; visible: number } | null = null;
  for (const area of workAreas) {
    const shared = overlap(stored.bounds, area);
    const visible = shared.width * shared.height;
    const enough = shared.width >= Math.min(MIN_VISIBLE.width, stored.bounds.width) &&
      shared.height >= Math.min(MIN_VISIBLE.height, stored.bounds.height);
    if (enough && (!best || visible > best.visible)) best = { area, visible };
  }
  if (!best) return { bounds: centredIn(clampSize(stored.bounds, primary), primary), maximized: stored.maximized };

  const { area } = best;
  const size = clampSize(stored.bounds, area);
  const x = Math.min(Math.max(stored.bounds.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(stored.bounds.y, area.y), area.y + area.height - size.height);
  return { bounds: { x, y, ...size }, maximized: stored.maximized };
}

/** The stored state at `file`, or null when there is none yet or it cannot be read. */
export function readWindowStateFile(file: string): StoredWindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written whole to a temporary file, then renamed, so a crash mid-write never leaves half a file. */
export function writeWindowStateFile(file: string, bounds: Rect, maximized: boolean): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, serializeWindowState(bounds, maximized), 'utf8');
  renameSync(temporary, file);
}
