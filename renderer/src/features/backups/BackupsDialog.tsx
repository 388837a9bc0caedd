import { useEffect, useId, useState, type FormEvent } from 'react';
import type { BackupEntry, BackupSettings, BackupStatus } from '../../../../shared/contract';
import { archiveOperations } from '../../app/casebook';
import { readCheckedArchive } from '../../archive/importArchive';
import { Dialog } from '../../components/Dialog';
import { explainError } from '../../components/useOperation';
import { host } from '../../platform';
import { holds } from '../archive/holds';
import { hostFile } from '../archive/hostFile';
import { openArchiveImport } from '../archive/importDialog';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The backups of each case, the case backed up most recently first, each case's newest first. */
function byCase(backups: readonly BackupEntry[]): { caseId: string; caseName: string; backups: BackupEntry[] }[] {
  const groups = new Map<string, { caseId: string; caseName: string; backups: BackupEntry[] }>();
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const backup of newestFirst) {
    const group = groups.get(backup.caseId) ?? { caseId: backup.caseId, caseName: backup.caseName, backups: [] };
    group.backups.push(backup);
    groups.set(backup.caseId, group);
  }
  return [...groups.values()];
}

/** A backup brought back: read through the host and checked whole in the archive's dialog, which says what it holds. */
const restore = (backup: BackupEntry) =>
  openArchiveImport({ title: 'Restore from backup', opened: { name: backup.fileName, source: hostFile(host, backup.token, backup.size) } });

/**
 * The desktop app's backups: each case's, with their time, size and what they hold, each restorable; the settings
 * (how often, how many kept); and, when the app found the library empty though it held cases, that news first, with
 * the newest backup of every case restorable at once.
 */
export function BackupsDialog({
  emptyLibrary,
  onClose,
}: {
  emptyLibrary: { caseCount: number; notedAt: string } | null;
  onClose(startedEmpty?: boolean): void;
}) {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoringAll, setRestoringAll] = useState<{ done: number; total: number; name: string } | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  useEffect(() => {
    host.getBackupStatus().then(setStatus, (error: unknown) => setProblem(explainError(error)));
  }, []);

  const groups = status ? byCase(status.backups) : [];

  const restoreAll = async () => {
    const newest = groups.map((group) => group.backups[0]!);
    const failed: string[] = [];
    for (const [index, backup] of newest.entries()) {
      setRestoringAll({ done: index, total: newest.length, name: backup.caseName });
      try {
        const read = await readCheckedArchive(hostFile(host, backup.token, backup.size), backup.fileName);
        // With its own ids, as it was: its later backups follow on from these.
        await archiveOperations.importArchive(read, { as: 'replace', caseId: read.manifest.case.id });
      } catch (error) {
        failed.push(`“${backup.caseName}” was not restored: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    setRestoringAll(null);
    const restored = newest.length - failed.length;
    setOutcome([`Restored ${restored} of ${newest.length} ${newest.length === 1 ? 'case' : 'cases'}.`, ...failed].join(' '));
    window.location.hash = '#/';
  };

  return (
    <Dialog title="Restore from backup" onClose={() => (restoringAll ? undefined : onClose())}>
      {emptyLibrary && !outcome && (
        <div role="alert" className="backups-empty-library">
          <p>
            Your library is empty, but it held {emptyLibrary.caseCount} {emptyLibrary.caseCount === 1 ? 'case' : 'cases'} when Casebook last saw it (
            {when(emptyLibrary.notedAt)}). Its storage may have been cleared outside Casebook. Restore your cases from their backups below, or start
            with an empty library.
          </p>
          <div className="actions">
            <button type="button" onClick={() => onClose(true)} disabled={restoringAll !== null}>
              Start with an empty library
            </button>
            <button type="button" onClick={() => void restoreAll()} disabled={!groups.length || restoringAll !== null} autoFocus>
              Restore the newest backup of every case
            </button>
          </div>
        </div>
      )}
      {restoringAll && (
        <p role="status">
          Restoring {restoringAll.done + 1} of {restoringAll.total}: “{restoringAll.name}”…
        </p>
      )}
      {outcome && <p role="status">{outcome}</p>}
      {problem && <p role="alert">{problem}</p>}
      {status && !groups.length && <p>No backups yet. Casebook writes one of each case after it changes, in {status.folder}.</p>}
      {groups.map((group) => (
        <CaseBackups key={group.caseId} caseName={group.caseName} backups={group.backups} disabled={restoringAll !== null} onRestore={(backup) => {
          onClose();
          void restore(backup);
        }} />
      ))}
      {status && <BackupSettingsForm status={status} onSaved={setStatus} />}
      <div className="actions">
        <button type="button" onClick={() => onClose()} disabled={restoringAll !== null}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function CaseBackups({
  caseName,
  backups,
  disabled,
  onRestore,
}: {
  caseName: string;
  backups: BackupEntry[];
  disabled: boolean;
  onRestore(backup: BackupEntry): void;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="case-backups">
      <h3 id={headingId}>{caseName}</h3>
      <table aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">Written</th>
            <th scope="col">Size</th>
            <th scope="col">Holds</th>
            <th scope="col">
              <span className="visually-hidden">Restore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.token}>
              <th scope="row">
                <time dateTime={backup.createdAt}>{when(backup.createdAt)}</time>
                {backup.reason === 'upgrade' && <span className="tag"> before an upgrade</span>}
              </th>
              <td>{size(backup.size)}</td>
              <td>{holds(backup.counts)}</td>
              <td>
                <button type="button" disabled={disabled} aria-label={`Restore “${caseName}” as of ${when(backup.createdAt)}…`} onClick={() => onRestore(backup)}>
                  Restore…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function BackupSettingsForm({ status, onSaved }: { status: BackupStatus; onSaved(status: BackupStatus): void }) {
  const [settings, setSettings] = useState<BackupSettings>(status.settings);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const number = (key: 'minutesBetween' | 'keepLast' | 'keepDailyForDays') => ({
    value: settings[key],
    onChange: (event: { target: HTMLInputElement }) => setSettings({ ...settings, [key]: event.target.valueAsNumber }),
  });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setProblem(null);
    try {
      const settingsSaved = await host.setBackupSettings(settings);
      setSettings(settingsSaved);
      onSaved(await host.getBackupStatus());
      setSaved('Backup settings saved.');
    } catch (error) {
      setProblem(explainError(error));
    }
  };
  return (
    <form aria-label="Backup settings" className="backup-settings" onSubmit={(event) => void save(event)}>
      <h3>Settings</h3>
      <p>Backups are kept in {status.folder}.</p>
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(event) => setSettings({ ...settings, enabled: event.target.checked })} /> Back up each
        case after it changes
      </label>
      <label>
        At most every <input type="number" min={5} max={10080} required {...number('minutesBetween')} /> minutes
      </label>
      <label>
        Keep the last <input type="number" min={1} max={100} required {...number('keepLast')} /> backups of each case
      </label>
      <label>
        and the newest of each day for <input type="number" min={0} max={365} required {...number('keepDailyForDays')} /> days
      </label>
      {problem && <p role="alert">{problem}</p>}
      {saved && <p role="status">{saved}</p>}
      <div className="actions">
        <button type="submit">Save settings</button>
      </div>
    </form>
  );
}
