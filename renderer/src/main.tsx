import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { backUpBeforeUpgrade } from './app/backups';
import { startPersistentStorage } from './app/persistentStorage';
import './styles.css';

// Ask early, before the first case is written; the answer only changes what the library says about storage.
void startPersistentStorage();

const root = createRoot(document.getElementById('root')!);

/**
 * The desktop app backs up a library an older Casebook wrote before this one upgrades it (on the first read); the
 * app shows once that is done. A backup that failed stops the upgrade, saying why.
 */
function UpgradeBackupFailed({ message }: { message: string }) {
  return (
    <main className="library" role="alert">
      <h1>Casebook did not upgrade your library</h1>
      <p>{message}</p>
      <p>Nothing in your library was changed. Free some disk space or check the backups folder, then start Casebook again.</p>
    </main>
  );
}

backUpBeforeUpgrade().then(
  () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<UpgradeBackupFailed message={error instanceof Error ? error.message : String(error)} />),
);
