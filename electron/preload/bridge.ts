import {
  CHANNELS,
  EVENT_CHANNELS,
  EVENT_SUBSCRIPTIONS,
  type HostBridge,
  type HostEventName,
  type HostRequestName,
  type HostResult,
  type Unsubscribe,
} from '../../shared/contract';

/**
 * The bridge the preload exposes, built from the contract by a plain function so it is tested without Electron: one
 * named function per request and per event, and nothing else (no channel names, no `ipcRenderer`).
 * Requests answer with the `HostResult` main sent, as data: an Error would lose its code crossing the context bridge,
 * so `renderer/src/platform/` rebuilds the `HostError` on the page's side. Events are handed on as they arrive; the
 * renderer checks each against its schema.
 */

/** The part of `ipcRenderer` the bridge needs: Electron's own in the preload, an in-memory one in tests. */
export interface IpcRendererLike {
  invoke(channel: string, argument?: unknown): Promise<unknown>;
  /** Listens on a channel, receiving each message's payload; returns what stops listening. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

/** Events kept for a subscriber that has not subscribed yet (the page subscribes once React has rendered). */
const MAX_BACKLOG = 20;

function request(ipc: IpcRendererLike, name: HostRequestName) {
  return async (argument?: unknown): Promise<HostResult<unknown>> => {
    try {
      return (await ipc.invoke(CHANNELS[name], argument)) as HostResult<unknown>;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: {
          code: 'unknown',
          message: `Casebook’s desktop process did not answer (${reason}). Restart Casebook and try again.`,
        },
      };
    }
  };
}

type Listener = (payload: unknown) => void;

/**
 * One event's subscriptions. Events that arrive while nobody listens wait for the first subscriber: main sends what
 * it has as soon as the page has loaded, which can be before the page has subscribed.
 */
function subscription(ipc: IpcRendererLike, name: HostEventName) {
  const listeners = new Set<Listener>();
  let backlog: unknown[] = [];
  const deliver = (listener: Listener, payload: unknown) => {
    try {
      listener(payload);
    } catch (error) {
      console.error(`[casebook] a ${name} listener failed`, error);
    }
  };
  ipc.on(EVENT_CHANNELS[name], (payload) => {
    if (!listeners.size) {
      backlog = [...backlog, payload].slice(-MAX_BACKLOG);
      return;
    }
    for (const listener of [...listeners]) deliver(listener, payload);
  });
  return (listener: Listener): Unsubscribe => {
    // A wrapper of its own, so subscribing the same function twice gives two subscriptions.
    const subscribed: Listener = (payload) => listener(payload);
    listeners.add(subscribed);
    const waiting = backlog;
    backlog = [];
    if (waiting.length) queueMicrotask(() => waiting.forEach((payload) => deliver(subscribed, payload)));
    return () => void listeners.delete(subscribed);
  };
}

export function buildBridge(ipc: IpcRendererLike): HostBridge {
  const requests = (Object.keys(CHANNELS) as HostRequestName[]).map((name) => [name, request(ipc, name)]);
  const subscriptions = (Object.keys(EVENT_SUBSCRIPTIONS) as HostEventName[]).map((name) => [EVENT_SUBSCRIPTIONS[name], subscription(ipc, name)]);
  return Object.fromEntries([...requests, ...subscriptions]) as HostBridge;
}
