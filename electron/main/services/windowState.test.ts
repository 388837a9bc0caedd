import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  fitWindowState,
  parseWindowState,
  readWindowStateFile,
  serializeWindowState,
  writeWindowStateFile,
  type StoredWindowState,
} from './windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnRight = { x: 1440, y: 0, width: 2560, height: 1415 };

function stored(bounds: StoredWindowState['bounds'], maximized = false): StoredWindowState {
  return { version: 1, bounds, maximized };
}

describe('parseWindowState', () => {
  it('reads what serializeWindowState wrote', () => {
    const text = serializeWindowState({ x: 10.4, y: 20, width: 900.6, height: 600 }, true);
    expect(parseWindowState(text)).toEqual(stored({ x: 10, y: 20, width: 901, height: 600 }, true));
  });

  it('returns null for a missing, broken or foreign file', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('')).toBeNull();
    expect(parseWindowState('{"version":1,')).toBeNull();
    expect(parseWindowState('[]')).toBeNull();
    expect(parseWindowState('{"version":2,"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":false}')).toBeNull();
    expect(parseWindowState('{"version":1,"bounds":{"x":0,"y":0,"width":-5,"height":600},"maximized":false}')).toBeNull();
    expect(parseWindowState('{"version":1,"bounds":{"x":"0","y":0,"width":800,"height":600},"maximized":false}')).toBeNull();
    expect(parseWindowState('{"version":1,"bounds":{"x":0,"y":0,"width":800,"height":600}}')).toBeNull();
  });
});

describe('fitWindowState', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(fitWindowState(null, [laptop, monitorOnRight])).toEqual({
      bounds: { x: 80, y: 28, ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    });
  });

  it('shrinks the default size on a small display', () => {
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(fitWindowState(null, [small]).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 700 });
  });

  it('puts a window back where it was when that place is still visible', () => {
    const state = stored({ x: 1600, y: 100, width: 1200, height: 800 }, true);
    expect(fitWindowState(state, [laptop, monitorOnRight])).toEqual({
      bounds: { x: 1600, y: 100, width: 1200, height: 800 },
      maximized: true,
    });
  });

  it('centres on the primary display a window left on a monitor since unplugged', () => {
    const state = stored({ x: 1600, y: 100, width: 1200, height: 800 });
    expect(fitWindowState(state, [laptop])).toEqual({
      bounds: { x: 120, y: 38, width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('pulls a window hanging over an edge fully onto its display', () => {
    const state = stored({ x: 1000, y: -40, width: 800, height: 600 });
    expect(fitWindowState(state, [laptop]).bounds).toEqual({ x: 640, y: 0, width: 800, height: 600 });
  });

  it('shrinks a window larger than its display and keeps the minimum size', () => {
    expect(fitWindowState(stored({ x: 0, y: 0, width: 3000, height: 2000 }), [laptop]).bounds).toEqual(laptop);
    expect(fitWindowState(stored({ x: 10, y: 10, width: 300, height: 200 }), [laptop]).bounds).toEqual({
      x: 10,
      y: 10,
      width: 720,
      height: 480,
    });
  });

  it('chooses the display holding most of a window that straddles two', () => {
    const state = stored({ x: 1300, y: 50, width: 1000, height: 700 });
    expect(fitWindowState(state, [laptop, monitorOnRight]).bounds).toEqual({ x: 1440, y: 50, width: 1000, height: 700 });
  });

  it('treats a window with only a sliver on screen as lost', () => {
    const state = stored({ x: 1400, y: 100, width: 800, height: 600 });
    expect(fitWindowState(state, [laptop]).bounds).toEqual({ x: 320, y: 138, width: 800, height: 600 });
  });

  it('keeps the stored bounds when no display is known', () => {
    const state = stored({ x: 5, y: 5, width: 800, height: 600 });
    expect(fitWindowState(state, [])).toEqual({ bounds: state.bounds, maximized: false });
  });
});

describe('window state file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips through the file and tolerates a missing or broken one', () => {
    dir = mkdtempSync(join(tmpdir(), 'casebook-window-'));
    const file = join(dir, 'window-state.json');
    expect(readWindowStateFile(file)).toBeNull();

    writeWindowStateFile(file, { x: 1, y: 2, width: 1000, height: 700 }, false);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, maximized: false });
    expect(readWindowStateFile(file)).toEqual(stored({ x: 1, y: 2, width: 1000, height: 700 }));

    writeFileSync(file, 'not json');
    expect(readWindowStateFile(file)).toBeNull();
  });
});
