import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, CHANNELS, EVENT_CHANNELS, EVENT_SUBSCRIPTIONS, type HostBridge } from '../../shared/contract';

// The real `electron` module cannot load outside Electron; the preload only needs these two objects from it.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
  listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => electron.listeners.set(channel, listener),
    removeListener: (channel: string) => electron.listeners.delete(channel),
  },
}));

await import('./index');
const bridge = electron.exposed.get(BRIDGE_KEY) as HostBridge;

describe('the preload', () => {
  it('exposes one object, with exactly the requests and subscriptions of the contract, all functions', () => {
    expect([...electron.exposed.keys()]).toEqual([BRIDGE_KEY]);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(CHANNELS), ...Object.values(EVENT_SUBSCRIPTIONS)].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('wires the bridge to ipcRenderer: requests to their channels, and one listener per event channel', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: [] });
    await expect(bridge.openFiles({ title: 'Add documents' })).resolves.toEqual({ ok: true, value: [] });
    expect(electron.invoke).toHaveBeenCalledWith(CHANNELS.openFiles, { title: 'Add documents' });

    expect([...electron.listeners.keys()].sort()).toEqual(Object.values(EVENT_CHANNELS).sort());
    const received: unknown[] = [];
    bridge.onMenuCommand((payload) => received.push(payload));
    electron.listeners.get(EVENT_CHANNELS.menuCommand)?.({ sender: null }, { commandId: 'go.entities' });
    expect(received).toEqual([{ commandId: 'go.entities' }]);
  });
});
