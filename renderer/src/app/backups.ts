/**
 * The desktop app's backups, wired at start (the browser keeps none: it reminds the researcher to export instead):
 * - before an older library is upgraded, every case is backed up as it is (`backups/beforeUpgrade.ts`);
 * - a library found empty that held cases when last seen, while backups exist, offers their restore rather than
 *   starting fresh: the case count is noted outside IndexedDB, by the host, for that;
 * - changed cases are backed up in the background (`backups/scheduler.ts`).
 * The backups' code loads after the library shows.
 */
import { notify } from '../components/notices';
import { host, isElectron } from '../platform';
import { watchRead } from './liveRead';
import { db } from './database';

/** Runs before the app's database opens; rejects when the backup the upgrade needs could not be written. */
export async function backUpBeforeUpgrade(): Promise<void> {
  if (!isElectron) return;
  const [{ backUpBeforeUpgrade: backUp }, { version }] = await Promise.all([import('../backups/beforeUpgrade'), host.getAppInfo()]);
  await backUp(db.name, host, version);
}

/** Starts the backups; returns what stops them. */
export function startBackups(): () => void {
  if (!isElectron) return () => undefined;
  let stopped = false;
  const stops: (() => void)[] = [];
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
      const { openBackups } = await import('../features/backups/openBackups');
      await openBackups({
        emptyLibrary: noted,
        onClosed: ({ startedEmpty }) => {
          if (!startedEmpty) return;
          offering = false;
          void host.noteLibrary({ caseCount: 0 });
        },
      });
    }
    const [{ BackupScheduler }, { version }] = await Promise.all([import('../backups/scheduler'), host.getAppInfo()]);
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
