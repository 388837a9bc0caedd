import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, CHANNELS, HostError, type CasebookApi } from '../../shared/contract';

// The real `electron` module cannot load outside Electron; the preload only needs these two objects from it.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke },
}));

await import('./index');
const api = electron.exposed.get(BRIDGE_KEY) as CasebookApi;

beforeEach(() => electron.invoke.mockReset());

describe('the preload bridge', () => {
  it('exposes one object, with exactly the functions of the contract', () => {
    expect([...electron.exposed.keys()]).toEqual([BRIDGE_KEY]);
    expect(Object.keys(api).sort()).toEqual(Object.keys(CHANNELS).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('calls each function’s own channel with its argument and returns the value', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: { saved: false, location: null } });
    const request = { suggestedName: 'case.casebook', bytes: new Uint8Array([1]) };
    await expect(api.saveFile(request)).resolves.toEqual({ saved: false, location: null });
    expect(electron.invoke).toHaveBeenCalledWith(CHANNELS.saveFile, request);

    electron.invoke.mockResolvedValue({ ok: true, value: [] });
    await api.openFiles({ title: 'Add documents' });
    expect(electron.invoke).toHaveBeenLastCalledWith(CHANNELS.openFiles, { title: 'Add documents' });

    electron.invoke.mockResolvedValue({ ok: true, value: undefined });
    await api.openExternal('https://example.org');
    expect(electron.invoke).toHaveBeenLastCalledWith(CHANNELS.openExternal, 'https://example.org');
  });

  it('turns a refusal from main into a HostError with main’s message', async () => {
    electron.invoke.mockResolvedValue({ ok: false, message: 'Casebook could not save the file: A file name is needed.' });
    const failure = api.saveFile({ suggestedName: '', bytes: new Uint8Array() });
    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toThrow('Casebook could not save the file: A file name is needed.');
  });
});
