import { useEffect, useState } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { describeStorageError, onStorageProblem } from './app/casebook';
import { Deferred, lazyComponent } from './components/Deferred';
import { Library } from './features/library/Library';

// An open case's screens load when a case is opened: the library, where the app starts, needs none of them.
const Workspace = lazyComponent(() => import('./features/workspace/Workspace'), 'Workspace');

export function App() {
  return (
    <HashRouter>
      <StorageBanner />
      <Routes>
        <Route path="/" element={<Library />} />
        <Route
          path="/case/:caseId/*"
          element={
            <Deferred what="the case">
              <Workspace />
            </Deferred>
          }
        />
      </Routes>
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
