import { lazy, Suspense, useEffect, useState } from 'react';
import { createHashRouter, isRouteErrorResponse, Link, Outlet, useRouteError, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { describeStorageError, onStorageProblem } from './app/library';
import { listenForDroppedArchives } from './app/droppedArchives';
import { startDesktop } from './app/desktop';
import { onPersistenceKnown } from './app/persistentStorage';
import { commandRegistry, CommandsProvider } from './commands';
import { Notices } from './components/Notices';
import { Deferred, lazyComponent } from './components/Deferred';
import { UnsavedChangesGuard } from './components/UnsavedChangesGuard';
import { Library } from './features/library/Library';
import { host } from './platform';

// An open case's screens load when a case is opened: the library, where the app starts, needs none of them.
const Workspace = lazyComponent(() => import('./features/workspace/Workspace'), 'Workspace');

/**
 * Every page of the app, under one shell. A data router (rather than <HashRouter>) so that leaving a form with
 * unsaved changes can be asked about first (useBlocker). Addresses stay in the hash: #/case/<id>/entities/<id>.
 */
const routes: RouteObject[] = [
  {
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <Library /> },
      {
        path: '/case/:caseId/*',
        element: (
          <Deferred what="the case">
            <Workspace />
          </Deferred>
        ),
      },
    ],
  },
];

export function App() {
  const [router] = useState(() => createHashRouter(routes));
  useEffect(() => listenForDroppedArchives(window), []);
  useEffect(() => startDesktop(), []);
  return <RouterProvider router={router} />;
}

function Shell() {
  return (
    <>
      <StorageBanner />
      <Notices />
      <UnsavedChangesGuard />
      <CommandsProvider registry={commandRegistry} host={host}>
        <Outlet />
      </CommandsProvider>
      {/* After the page, not above it: it arrives once the browser has answered, and must not move what the pointer is on. */}
      <PersistenceNote />
    </>
  );
}

// The note itself loads only in a browser that declined to keep the storage: most never need it.
const PersistenceNoteText = lazy(() => import('./components/PersistenceNote').then((module) => ({ default: module.PersistenceNote })));

/** Says once, in the library, that this browser declined to keep the case library for good (app/persistentStorage.ts). */
function PersistenceNote() {
  const [refused, setRefused] = useState(false);
  useEffect(() => onPersistenceKnown((state) => setRefused(state === 'refused')), []);
  return refused ? (
    <Suspense fallback={null}>
      <PersistenceNoteText />
    </Suspense>
  ) : null;
}

/** An address that leads nowhere, or a page that failed to show: said in words, with a way back. */
function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error('[casebook] a page failed to show', error);
  return (
    <main className="library" id="main">
      <h1>{notFound ? 'This page does not exist' : 'This page could not be shown'}</h1>
      <p>
        {notFound
          ? 'The address may be mistyped or come from an older Casebook.'
          : `Something went wrong: ${error instanceof Error ? error.message : String(error)}. What was saved is safe.`}
      </p>
      <p className="row">
        <Link to="/">Back to the case library</Link>
        {!notFound && (
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        )}
      </p>
    </main>
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
