// First, before anything starts a worker or writes HTML: the policy the CSP's Trusted Types fall back on.
import './app/defaultPolicy';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { backUpBeforeUpgrade } from './app/desktop';
import { startPersistentStorage } from './app/persistentStorage';
import { keepDraftsOnDisk } from './components/drafts';
import { draftDisk } from './db/draftStore';
import './styles.css';

// Ask early, before the first case is written; the answer only changes what the library says about storage.
void startPersistentStorage();

const root = createRoot(document.getElementById('root')!);

/**
 * The desktop app backs up a library an older Casebook wrote before this one upgrades it (on the first read); the app
 * shows once that is done. A backup that failed stops the upgrade, saying why. The browser keeps no backups.
 * Meanwhile the drafts a crash took from local storage come back from the disk, before any form reads its draft.
 */
void Promise.all([backUpBeforeUpgrade(), keepDraftsOnDisk(draftDisk)]).then(([refusal]) =>
  root.render(
    refusal ?? (
      <StrictMode>
        <App />
      </StrictMode>
    ),
  ),
);
