import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../../shared/contract';
import { readStorageState, type StorageState } from '../../app/storageState';
import { Dialog } from '../../components/Dialog';
import { formatBytes } from '../../format';
import { host } from '../../platform';

/** One fact of the view: a term and what it is here, read by assistive technology as a named group. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <dt id={id}>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A number of bytes in words, with the exact number kept in the element for whoever reads it by machine. */
const Bytes = ({ bytes }: { bytes: number }) => <data value={bytes}>{formatBytes(bytes)}</data>;

function Persistence({ persisted }: { persisted: boolean | null }) {
  if (persisted === true)
    return (
      <>
        <strong>Persisted.</strong> The browser keeps your cases until you delete them or clear this site’s data, even when the disk runs low.
      </>
    );
  if (persisted === false)
    return (
      <>
        <strong>Not persisted.</strong> Your cases stay, but if the disk runs very low the browser may clear them without asking. Bookmarking or
        installing this page usually lets it promise (Casebook asks at each start); export case archives to keep copies elsewhere.
      </>
    );
  return (
    <>
      <strong>Unknown.</strong> This browser cannot say whether it keeps the storage for good; export case archives to keep copies elsewhere.
    </>
  );
}

function Location({ state, info }: { state: StorageState; info: AppInfo | null }) {
  const databases = (
    <>
      the IndexedDB databases “{state.databases.library}” (your cases) and “{state.databases.drafts}” (what you typed and did not save yet)
    </>
  );
  if (info?.dataFolder)
    return (
      <>
        In the desktop app’s data folder, <code>{info.dataFolder}</code>: {databases}. Its backups are in the Backups folder inside it.
      </>
    );
  return (
    <>
      In this browser profile: {databases} of the site <code>{window.location.origin}</code>. Clearing that site’s data in the browser deletes
      them; another browser, or another profile of this one, has storage of its own.
    </>
  );
}

/**
 * Where the case library lives and how safely: whether the browser keeps it for good, the storage used and allowed,
 * the databases and the folder or site they belong to, and how writes commit. Everything is asked of the browser when
 * the view opens, and again on *Measure again*.
 */
export function StorageDialog({ onClose }: { onClose(): void }) {
  const [state, setState] = useState<StorageState | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);

  const measure = useCallback(() => {
    void readStorageState().then(setState);
  }, []);
  useEffect(() => {
    measure();
    host.getAppInfo().then(setInfo, () => setInfo(null));
  }, [measure]);

  return (
    <Dialog title="Storage and safety of your cases" onClose={onClose}>
      {state === null ? (
        <p className="muted" role="status">
          Asking the browser…
        </p>
      ) : (
        <dl className="storage-facts">
          <Fact term="Kept for good">
            <Persistence persisted={state.persisted} />
          </Fact>
          <Fact term="Storage used">
            {state.usage !== null && state.quota !== null ? (
              <>
                <Bytes bytes={state.usage} /> of the <Bytes bytes={state.quota} /> this browser lets Casebook use.
              </>
            ) : (
              'This browser does not say.'
            )}{' '}
            <button type="button" className="quiet" onClick={measure}>
              Measure again
            </button>
          </Fact>
          <Fact term="Where it lives">
            <Location state={state} info={info} />
          </Fact>
          <Fact term="Saving">
            {state.durability === 'strict' ? (
              <>
                <strong>Strict durability.</strong> Each change is reported saved only once it is on the disk, so a crash or a power cut right after
                keeps it. What you type and have not saved yet is written to the disk as you type, and offered back after a crash.
              </>
            ) : (
              <>
                <strong>Relaxed durability.</strong> A crash or a power cut may lose the last few seconds of changes.
              </>
            )}
          </Fact>
        </dl>
      )}
      <div className="row end">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
