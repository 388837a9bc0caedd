import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CaseFile } from '../../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { JUST_CREATED } from '../../components/focusNewRecord';
import { once, useOnDemand } from '../../components/useOnDemand';
import { explainError } from '../../components/useOperation';
import { libraryQueries, operations } from '../../app/library';
import { formatDateTime } from '../../format';

/** The case form, with its draft and the description's editor, is fetched when first opened, not with the library. */
const loadCaseForm = once(() => import('./CaseForm').then((module) => module.CaseForm));
const loadDeleteDialog = once(() => import('./DeleteCaseDialog').then((module) => module.DeleteCaseDialog));

/** The case library: every case, most recently changed first. */
export function Library() {
  const cases = useLiveQuery(() => libraryQueries.casesByLastChange(), []);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<CaseFile | null>(null);
  const [deleting, setDeleting] = useState<CaseFile | null>(null);
  const [sampleError, setSampleError] = useState<string | null>(null);
  const [CaseForm, withCaseForm] = useOnDemand(loadCaseForm, 'the case form');
  const [DeleteCaseDialog, withDeleteDialog] = useOnDemand(loadDeleteDialog, 'the question before deleting');
  const navigate = useNavigate();
  const create = () => withCaseForm(() => setCreating(true));

  const shown = useMemo(() => {
    const key = query.trim().toLocaleLowerCase();
    return (cases ?? []).filter((caseFile) => caseFile.nameKey.includes(key));
  }, [cases, query]);

  const openSample = async () => {
    setSampleError(null);
    try {
      const sample = await operations.createSampleCase();
      // Said to the case (`exportBaseline.ts`): the sample's changes are not the researcher's to be reminded of.
      navigate(`/case/${sample.id}`, { state: { sample: true } });
    } catch (error) {
      setSampleError(explainError(error));
    }
  };

  return (
    <main className="library" id="main">
      <header>
        <span className="brand">Casebook</span>
        <span className="spacer" />
        <button type="button" className="quiet" onClick={() => void import('../storage/openStorage').then((module) => module.openStorage())}>
          Storage and safety
        </button>
        {cases && cases.length > 0 && (
          <button type="button" onClick={openSample}>
            Open the sample case
          </button>
        )}
        <button type="button" className="primary" onClick={create}>
          New case
        </button>
      </header>
      <h1 className="visually-hidden">Case library</h1>
      {sampleError && (
        <div className="form-error" role="alert">
          {sampleError}
        </div>
      )}

      {cases === undefined ? (
        <p className="muted" role="status">
          Opening your cases…
        </p>
      ) : cases.length === 0 ? (
        <div className="empty">
          <h2>No cases yet</h2>
          <p>
            A case holds the documents, excerpts, people, organisations and events of one investigation. Create your
            first case, or open the sample case to see how Casebook works.
          </p>
          <div className="row" style={{ justifyContent: 'center' }}>
            <button type="button" className="primary" onClick={create}>
              Create a case
            </button>
            <button type="button" onClick={openSample}>
              Open the sample case
            </button>
          </div>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor="case-search">Search cases by name</label>
            <input id="case-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          {shown.length === 0 ? (
            <p className="muted">No case name contains “{query.trim()}”.</p>
          ) : (
            <ul className="case-list" aria-label="Cases">
              {shown.map((caseFile) => (
                <li key={caseFile.id} className="case-card">
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Link className="case-name" to={`/case/${caseFile.id}`}>
                      {caseFile.name}
                    </Link>
                    <div className="muted small">Last changed {formatDateTime(caseFile.updatedAt)}</div>
                  </div>
                  <button type="button" onClick={() => withCaseForm(() => setRenaming(caseFile))} aria-label={`Rename ${caseFile.name}`}>
                    Rename
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => withDeleteDialog(() => setDeleting(caseFile))}
                    aria-label={`Delete ${caseFile.name}`}
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {creating && CaseForm && (
        <Dialog title="New case" onClose={() => setCreating(false)}>
          <CaseForm onCancel={() => setCreating(false)} onDone={(saved) => navigate(`/case/${saved.id}`, { state: JUST_CREATED })} />
        </Dialog>
      )}
      {renaming && CaseForm && (
        <Dialog title="Rename or describe case" onClose={() => setRenaming(null)}>
          <CaseForm existing={renaming} onCancel={() => setRenaming(null)} onDone={() => setRenaming(null)} />
        </Dialog>
      )}
      {deleting && DeleteCaseDialog && <DeleteCaseDialog caseFile={deleting} onClose={() => setDeleting(null)} />}
    </main>
  );
}
