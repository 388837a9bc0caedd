import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, useSyncExternalStore } from 'react';
import { OCR_LANGUAGES, type CaseDocument, type OcrLanguage } from '../../../../../shared/domain';
import { queries } from '../../../app/casebook';
import { ocrJobs } from '../../../app/ocrJobs';
import { OCR_LANGUAGE_INFO, proposeOcrLanguage } from '../../../ocr/languages';
import { OrphanedList } from '../../excerpts/ExcerptIntegrity';

/** The recognition of one document under way or just finished, followed live. */
export function useOcrJob(documentId: string) {
  return useSyncExternalStore(ocrJobs.subscribe, () => ocrJobs.get(documentId));
}

const pictures = (document: Pick<CaseDocument, 'kind'>) => (document.kind === 'pdf' ? 'This PDF’s pages are pictures, as a scan’s are' : 'This image is a picture');

/**
 * Text recognition (OCR) for a scanned PDF or an image: the language to read it in (proposed from the case's other
 * documents), the start, each page's progress with Cancel, and the outcome. Once recognised, *Recognise again* reads
 * it anew, in another language if chosen, replacing the text.
 */
export function OcrPanel({ document }: { document: CaseDocument }) {
  const job = useOcrJob(document.id);
  const others = useLiveQuery(() => queries.otherDocumentLanguages(document.caseId, document.id), [document.caseId, document.id]);
  const proposed = others ? proposeOcrLanguage(others) : null;
  const [chosen, setChosen] = useState<OcrLanguage | null>(null);
  const language = chosen ?? document.ocr?.language ?? proposed ?? 'eng';
  const selectId = useId();
  const running = job?.state === 'running';

  return (
    <section className="notice ocr-panel" aria-label="Text recognition">
      {!document.ocr && (
        <p>
          {pictures(document)}: {document.kind === 'pdf' ? 'they' : 'it'} can be read here, but {document.kind === 'pdf' ? 'their' : 'its'}{' '}
          words cannot be searched, found, selected or quoted until they are recognised (OCR). Recognition runs on this
          computer; nothing is sent anywhere.
        </p>
      )}
      {running ? (
        <>
          <label htmlFor={`${selectId}-progress`}>
            Recognising page {job.progress.page} of {job.progress.pages} ({OCR_LANGUAGE_INFO[job.language].label})…
          </label>
          <progress id={`${selectId}-progress`} max={1} value={job.progress.fraction} />
          <span className="muted small">{Math.floor(job.progress.fraction * 100)}%</span>
          <button type="button" onClick={() => ocrJobs.cancel(document.id)}>
            Cancel recognition
          </button>
        </>
      ) : (
        <>
          <label htmlFor={selectId}>Language of the text</label>
          <select id={selectId} value={language} onChange={(event) => setChosen(event.target.value as OcrLanguage)}>
            {OCR_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {OCR_LANGUAGE_INFO[code].label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={document.ocr ? undefined : 'primary'}
            onClick={() => void ocrJobs.start(document.id, language)}
            title={document.ocr ? 'Reads the pages again and replaces the recognised text' : undefined}
          >
            {document.ocr ? 'Recognise again' : 'Recognise text'}
          </button>
        </>
      )}
      {job?.state === 'done' && (
        <p role="status">
          {job.message}{' '}
          <button type="button" className="quiet" onClick={() => ocrJobs.dismiss(document.id)}>
            Dismiss
          </button>
        </p>
      )}
      {job?.state === 'done' && <OrphanedList caseId={document.caseId} excerpts={job.orphaned} />}
      {job?.state === 'failed' && (
        <p className="form-error" role="alert">
          {job.message}
        </p>
      )}
    </section>
  );
}
