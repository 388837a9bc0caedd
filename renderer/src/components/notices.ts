import { useSyncExternalStore } from 'react';

/**
 * Messages about something that happened outside any form: the host could not open a link, a case file arrived from
 * the system, a backup finished, a menu command was not available. Anything may post one; `<Notices />` shows them.
 */

export interface Notice {
  id: number;
  /** An error is announced at once (role="alert"); information politely (role="status"). */
  tone: 'error' | 'info';
  text: string;
}

/** More than this and the oldest go: notices are news, not a log. */
const MAX_NOTICES = 3;

let notices: readonly Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly Notice[]) {
  notices = next;
  for (const listener of [...listeners]) listener();
}

/** Shows a notice; the same text again replaces the earlier one rather than stacking. Returns its id. */
export function notify(tone: Notice['tone'], text: string): number {
  const id = nextId++;
  publish([...notices.filter((notice) => notice.text !== text), { id, tone, text }].slice(-MAX_NOTICES));
  return id;
}

export function dismissNotice(id: number): void {
  if (notices.some((notice) => notice.id === id)) publish(notices.filter((notice) => notice.id !== id));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(subscribe, () => notices);
}
