import { EVENT_CHANNELS, type HostEventName, type HostEventPayloads } from '../../../shared/contract';
import { describeIssues, hostEventSchemas } from '../../../shared/contractSchemas';

/**
 * Events from main to the renderer (a menu item chosen, a case file opened from the system, a backup finished). Each
 * payload is parsed with its schema before it leaves; events raised while no page is ready to hear them (the window
 * is still loading, or not open yet) wait and go out once it is. No runtime Electron, so it is tested in Node.
 */

/** The page that receives events: a window's `webContents`, or an in-memory one in tests. */
export interface EventReceiver {
  send(channel: string, payload: unknown): void;
}

interface Pending {
  name: HostEventName;
  payload: unknown;
}

/** Events kept while no page listens; beyond that the oldest are dropped. */
const MAX_PENDING = 50;

export class HostEventOutbox {
  #receiver: EventReceiver | null = null;
  #pending: Pending[] = [];

  constructor(private readonly log: (message: string) => void = (message) => console.error(`[casebook] ${message}`)) {}

  /** The page that has loaded and receives events from now on; events that waited are sent to it in order. */
  connect(receiver: EventReceiver): void {
    this.#receiver = receiver;
    const pending = this.#pending;
    this.#pending = [];
    for (const { name, payload } of pending) receiver.send(EVENT_CHANNELS[name], payload);
  }

  /** The page is reloading or its window closed: events wait for the next one. */
  disconnect(receiver?: EventReceiver): void {
    if (!receiver || receiver === this.#receiver) this.#receiver = null;
  }

  /** Sends an event now, or when a page is ready; returns false when the payload is refused. */
  send<K extends HostEventName>(name: K, payload: HostEventPayloads[K]): boolean {
    const parsed = hostEventSchemas[name].safeParse(payload);
    if (!parsed.success) {
      this.log(`did not send the ${name} event: ${describeIssues(parsed.error)}`);
      return false;
    }
    if (this.#receiver) this.#receiver.send(EVENT_CHANNELS[name], parsed.data);
    else {
      this.#pending.push({ name, payload: parsed.data });
      if (this.#pending.length > MAX_PENDING) this.#pending.shift();
    }
    return true;
  }
}
