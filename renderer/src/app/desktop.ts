/**
 * What only the desktop app does at start, loaded on demand from `features/backups/desktopBackups.tsx` (given the
 * app's database and host from here, so that their code stays out of the start): the backup before an upgrade, the
 * backups, and the host's events (case files opened from the system, backups that failed). The browser keeps no
 * backups (it reminds the researcher to export instead) and hears no events from outside the page.
 */
import type { ReactElement } from 'react';
import { CasebookDB, LATEST_VERSION, SCHEMA_VERSIONS } from '../db/schema';
import { host, isElectron } from '../platform';
import { db } from './database';

const load = () => import('../features/backups/desktopBackups');

/**
 * Runs before the app's database opens. Answers null when the app may go on, or what to show instead when the
 * backup an upgrade needs could not be written (the app must not open the database then).
 */
export async function backUpBeforeUpgrade(): Promise<ReactElement | null> {
  if (!isElectron) return null;
  const library = {
    name: db.name,
    latestVersion: LATEST_VERSION,
    openAt: (version: number) => new CasebookDB(db.name, SCHEMA_VERSIONS.filter((schema) => schema.version <= version)),
  };
  return (await load()).backUpBeforeUpgrade(library, host);
}

/** Starts the backups and listens to the host, after the library shows; returns what stops them. */
export function startDesktop(): () => void {
  if (!isElectron) return () => undefined;
  let stop: (() => void) | undefined;
  let stopped = false;
  void load().then(({ startDesktop: start }) => {
    if (!stopped) stop = start(db, host);
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
