import { useState } from 'react';
import { Link } from 'react-router';
import { recordPath } from '../../../../shared/vocabulary';
import { operations } from '../../app/casebook';
import { Dialog } from '../../components/Dialog';
import { useOperation } from '../../components/useOperation';
import type { EntityImportReport } from '../../domain/entityImport';
import { EntityTypeOptions, useOwnEntityTypes } from './EntityTypeOptions';

/** A CSV chosen for import: its name (for messages) and its text. */
type ChosenFile = { name: string; text: string };

/**
 * Imports a list of names as entities in one step: pasted, one a line with aliases after semicolons, all of one type;
 * or a CSV with the columns name, type and aliases. The report lists every row: added, skipped as already in the case
 * (with a link to the entity), or refused and why; a refused row means nothing was added.
 */
export function ImportEntitiesDialog({ caseId, onClose }: { caseId: string; onClose(): void }) {
  const [source, setSource] = useState<'paste' | 'csv'>('paste');
  const [lines, setLines] = useState('');
  const [type, setType] = useState('person');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<EntityImportReport | null>(null);
  const ownTypes = useOwnEntityTypes(caseId);
  const { run, busy, fieldErrors, formError } = useOperation();

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, text: await chosen.text() });
    } catch {
      setFileError(`${chosen.name} could not be read. Check that it is still there, then choose it again.`);
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setReport(null);
    if (source === 'csv' && !file) {
      setFileError('Choose a CSV file first.');
      return;
    }
    const input = source === 'csv' ? { csv: file!.text } : { lines, type };
    const result = await run(() => operations.importEntities(caseId, input));
    if (result) setReport(result);
  };

  const problem = fieldErrors.csv ?? fieldErrors.lines ?? fieldErrors.type ?? formError;
  return (
    <Dialog title="Import a list of entities" onClose={onClose}>
      <form aria-label="Import a list of entities" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset>
          <legend>From</legend>
          <label>
            <input type="radio" name="entity-list-source" checked={source === 'paste'} onChange={() => setSource('paste')} /> Names pasted here
          </label>
          <label>
            <input type="radio" name="entity-list-source" checked={source === 'csv'} onChange={() => setSource('csv')} /> A CSV file
          </label>
        </fieldset>
        {source === 'paste' ? (
          <>
            <label htmlFor="entity-list-lines">Names, one a line</label>
            <textarea
              id="entity-list-lines"
              rows={8}
              value={lines}
              onChange={(event) => setLines(event.target.value)}
              aria-describedby="entity-list-lines-hint"
              autoFocus
            />
            <p id="entity-list-lines-hint" className="muted small">
              Aliases after semicolons on the same line: “Marta Kowal; M. Kowal”.
            </p>
            <label htmlFor="entity-list-type">Type of all of them</label>
            <select id="entity-list-type" value={type} onChange={(event) => setType(event.target.value)}>
              <EntityTypeOptions ownTypes={ownTypes} />
            </select>
          </>
        ) : (
          <>
            <label htmlFor="entity-list-file">CSV file</label>
            <input id="entity-list-file" type="file" accept=".csv,text/csv" onChange={(event) => void choose(event.target.files?.[0])} />
            <p className="muted small">A first row naming the columns: name, type and (if any) aliases, separated by semicolons.</p>
          </>
        )}
        {(problem ?? fileError) && (
          <p className="field-error" role="alert">
            {file && problem ? `${file.name}: ${problem}` : (problem ?? fileError)}
          </p>
        )}
        {report && <ImportReport caseId={caseId} report={report} fileName={source === 'csv' ? (file?.name ?? null) : null} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Import
          </button>
          <button type="button" onClick={onClose}>
            {report?.imported ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ImportReport({ caseId, report, fileName }: { caseId: string; report: EntityImportReport; fileName: string | null }) {
  const told = report.rows.filter((row) => row.outcome === 'skipped' || row.outcome === 'refused');
  return (
    <div className={report.imported ? 'notice' : 'notice warnings'} role="status" aria-label="Import report">
      <p>{fileName ? `${fileName}: ${report.summary}` : report.summary}</p>
      {told.length > 0 && (
        <ul>
          {told.map((row) => (
            <li key={row.row}>
              {row.message}
              {row.outcome === 'skipped' && row.entityId && (
                <>
                  {' '}
                  <Link to={recordPath(caseId, 'entity', row.entityId)}>Open it</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
