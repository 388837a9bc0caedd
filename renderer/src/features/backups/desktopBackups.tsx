/**
 * The desktop app's backups, as the app wires them (`app/backups.ts` loads this module in the desktop app only):
 * - before an older library is upgraded, every case is backed up as it is (`backups/beforeUpgrade.ts`);
 * - a library found empty that held cases when last seen, while backups exist, offers their restore rather than
 *   starting fresh: the case count is noted outside IndexedDB, by the host, for that;
 * - changed cases are backed up in the background (`backups/scheduler.ts`).
 */
import type { ReactElement } from 'react';
import type { CasebookApi } from '../../../../shared/contract';
import { listenToHostEvents } from '../../app/hostEvents';
import { watchRead } from '../../app/liveRead';
import { backUpBeforeUpgrade as backUpLibrary, type OlderLibrary } from '../../backups/beforeUpgrade';
import { BackupScheduler } from '../../backups/scheduler';
import { notify } from '../../components/notices';
import type { CasebookDB } from '../../db/schema';
import { openBackups } from './openBackups';

/**
 * Backs up the library if this Casebook is about to upgrade it. Answers null when the app may open the database,
 * or what to show instead when the backup failed: why, and that nothing was changed.
 */
export async function backUpBeforeUpgrade(library: OlderLibrary, host: CasebookApi): Promise<ReactElement | null> {
  try {
    await backUpLibrary(library, host, (await host.getAppInfo()).version);
    return null;
  } catch (error) {
    return (
      <main className="library" role="alert">
        <h1>Casebook did not upgrade your library</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
        <p>Nothing in your library was changed. Free some disk space or check the backups folder, then start Casebook again.</p>
      </main>
    );
  }
}

/** Listens to the host's events and starts the backups; returns what stops them. */
export function startDesktop(db: CasebookDB, host: CasebookApi): () => void {
  let stopped = false;
  // The preload keeps the events sent before anything listened (a case file the app was started with).
  const stops: (() => void)[] = [listenToHostEvents(host)];
  void (async () => {
    const [status, caseCount] = await Promise.all([host.getBackupStatus(), db.cases.count()]);
    if (stopped) return;
    const noted = status.library;
    const emptied = caseCount === 0 && noted !== null && noted.caseCount > 0 && status.backups.length > 0;
    // The count is noted from now on, except an empty library's before the researcher says to start empty.
    let offering = emptied;
    stops.push(
      watchRead(
        () => db.cases.count(),
        (count) => {
          if (offering && count === 0) return;
          offering = false;
          host.noteLibrary({ caseCount: count }).catch((error: unknown) => console.warn('[casebook] could not note the library', error));
        },
      ),
    );
    if (emptied) {
      await openBackups({
        emptyLibrary: noted,
        onClosed: ({ startedEmpty }) => {
          if (!startedEmpty) return;
          offering = false;
          void host.noteLibrary({ caseCount: 0 });
        },
      });
    }
    const { version } = await host.getAppInfo();
    if (stopped) return;
    let lastFailure = '';
    const scheduler = new BackupScheduler({
      db,
      host,
      appVersion: version,
      // A failure that repeats itself each interval is said once.
      onFailure: (message) => {
        if (message !== lastFailure) notify('error', message);
        lastFailure = message;
      },
    });
    stops.push(scheduler.start());
  })().catch((error: unknown) => notify('error', `Casebook could not start its backups: ${error instanceof Error ? error.message : String(error)}`));
  return () => {
    stopped = true;
    stops.forEach((stop) => stop());
  };
}
