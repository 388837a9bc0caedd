import { useEffect, useState } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { describeStorageError, onStorageProblem } from './app/casebook';
import { listenToHostEvents } from './app/hostEvents';
import { commandRegistry, CommandsProvider } from './commands';
import { Notices } from './components/Notices';
import { Library } from './features/library/Library';
import { Workspace } from './features/workspace/Workspace';
import { host } from './platform';

export function App() {
  useEffect(() => listenToHostEvents(host), []);
  return (
    <HashRouter>
      <StorageBanner />
      <Notices />
      <CommandsProvider registry={commandRegistry} host={host}>
        <Routes>
          <Route path="/" element={<Library />} />
          <Route path="/case/:caseId/*" element={<Workspace />} />
        </Routes>
      </CommandsProvider>
    </HashRouter>
  );
}

/** Storage problems that happen outside any form (another window upgrading, the disk filling up) shown in words. */
function StorageBanner() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const unsubscribe = onStorageProblem(setMessage);
    const onRejection = (event: PromiseRejectionEvent) => {
      const described = describeStorageError(event.reason);
      if (described) setMessage(described);
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      unsubscribe();
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, []);
  if (!message) return null;
  return (
    <div className="banner" role="alert">
      <span>{message}</span>
      <span className="spacer" />
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
      <button type="button" className="quiet" onClick={() => setMessage(null)}>
        Dismiss
      </button>
    </div>
  );
}
