import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CaseDocument, Excerpt } from '../../../../../shared/domain';
import { draftKey, forgetDraft, hasDraft } from '../../../components/drafts';
import { commandHint, useCommandTarget } from '../../../commands';
import { explainError } from '../../../components/useOperation';
import { recordTitle } from '../../../../../shared/vocabulary';
import { operations, queries } from '../../../app/casebook';
import { canCleanUp, type CleanupResult, type TextChangeResult } from '../../../domain/documentCleanup';
import { canRecognise } from '../../../domain/recognisedText';
import { describeOcr } from '../../../ocr/languages';
import { LinksPanel } from '../../links/LinksPanel';
import { DeleteRecordButton } from '../../shared/DeleteRecordButton';
import { CleanupDialog } from './CleanupDialog';
import { DocumentDetails, DocumentDetailsForm } from './DocumentDetails';
import { quoteFromSelection, type TextView } from './excerptMarks';
import { useExcerptHighlights } from './excerptHighlights';
import type { ColourOf } from './highlightColours';
import { useTagColours } from '../../codebook';
import { ExcerptSidePanel, ExcerptTooltip } from './marking/ExcerptSidePanel';
import { useMarking } from './marking/useMarking';
import { useScrollToExcerpt } from './excerptTarget';
import { useExcerptSteps } from './useExcerptSteps';
import { FindBar } from './FindBar';
import { ImagePages } from './ImagePages';
import { OcrPanel } from './OcrPanel';
import { formatDateTime } from '../../../format';
import { OriginalPage } from './OriginalPage';
import { PdfPages } from './PdfPages';
import { RemovedLinesDialog } from './RemovedLinesDialog';
import { ReattachBar } from './ReattachBar';
import { OrphanedList } from '../../excerpts/ExcerptIntegrity';
import { HtmlText, PlainText } from './ReaderText';
import { ReaderMentions } from '../../mentions/ReaderMentions';
import { useContentVersion, useFind, type FindSource } from './useFind';
import { useReaderSuggestions } from '../../suggestions/ReaderSuggestions';
import { useReaderDates } from '../../dates/ReaderDates';

type View = 'text' | 'pages' | 'original';

const VIEW_LABEL: Record<View, string> = { text: 'Text', pages: 'Pages', original: 'Original page' };

/** The views a document offers, the default first: a PDF's own pages, a web page's text before its saved original. */
function viewsOf(document: CaseDocument): View[] {
  if (document.kind === 'pdf' || document.kind === 'image') return ['pages', 'text'];
  if (document.kind === 'html') return ['text', 'original'];
  return ['text'];
}

/**
 * One document, read: its details (editable), its text or original layout, find, clean-up of site text (with the
 * review of what was removed at import, and undo), quoting a selection as an excerpt, and its links. `?page=N` opens
 * a PDF at page N; `?q=words` finds the words; `?excerpt=<id>` scrolls to the excerpt's passage.
 */
export function DocumentReader({
  caseId,
  documentId,
}: {
  caseId: string;
  documentId: string;
}) {
  const data = useLiveQuery(() => queries.documentWithExcerpts(documentId), [documentId]);
  const colourOf = useTagColours(caseId);
  if (data === undefined)
    return (
      <p role="status" className="muted">
        Opening the document…
      </p>
    );
  if (data === null) return <p className="muted">This document no longer exists.</p>;
  return <Reader caseId={caseId} document={data.document} excerpts={data.excerpts} colourOf={colourOf} />;
}

function Reader({
  caseId,
  document,
  excerpts,
  colourOf,
}: {
  caseId: string;
  document: CaseDocument;
  excerpts: Excerpt[];
  colourOf: ColourOf;
}) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // `?reattach=<excerpt>`: the researcher is selecting the passage an excerpt quotes again.
  const reattachId = params.get('reattach');
  const pageParam = Number(params.get('page')) || null;
  const queryParam = params.get('q') ?? '';
  const excerptParam = params.get('excerpt');

  const views = viewsOf(document);
  const [chosenView, setChosenView] = useState<View | null>(null);
  const view = chosenView && views.includes(chosenView) ? chosenView : views[0]!;

  const [pageTarget, setPageTarget] = useState(pageParam ? { page: pageParam } : null);
  const [findOpen, setFindOpen] = useState(Boolean(queryParam));
  const [query, setQuery] = useState(queryParam);
  // A search result opening this document again with another page or phrase.
  const [lastParams, setLastParams] = useState({ pageParam, queryParam });
  if (lastParams.pageParam !== pageParam || lastParams.queryParam !== queryParam) {
    setLastParams({ pageParam, queryParam });
    if (pageParam && pageParam !== lastParams.pageParam) setPageTarget({ page: pageParam });
    if (queryParam && queryParam !== lastParams.queryParam) {
      setFindOpen(true);
      setQuery(queryParam);
    }
  }

  // Details edited and left unsaved (the page reloaded, another record opened) reopen the form, which offers them back.
  const [editing, setEditing] = useState(() => hasDraft(draftKey('document', document.id)));
  const [cleaning, setCleaning] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [textError, setTextError] = useState<string | null>(null);
  const versions = useLiveQuery(() => queries.documentVersionRows(document.id), [document.id, document.textVersion]);
  const lastChange = document.textVersion > 1 ? versions?.[0] : undefined;
  const removedLines = useMemo(() => new Set((document.cleanup?.removed ?? []).map((line) => line.index)), [document.cleanup]);
  const [notice, setNotice] = useState<{ text: string; excerptId?: string; orphaned?: Excerpt[] } | null>(null);
  const [content, setContent] = useState<HTMLDivElement | null>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const version = useContentVersion(content);

  const noTextLayer = (document.kind === 'pdf' || document.kind === 'image') && !document.textLayer;
  const textView: TextView | null =
    view === 'original' || noTextLayer ? null : view === 'pages' ? 'pages' : document.html ? 'html' : 'plain';
  const reveal = useCallback((page: number) => setPageTarget({ page }), []);
  const source: FindSource =
    view === 'pages' && document.pages?.length
      ? { kind: 'pages', text: document.text, pages: document.pages, reveal, fromPage: pageParam }
      : { kind: 'rendered' };
  const canFind = view !== 'original';
  const find = useFind(content, findOpen && canFind ? query : '', source, version);

  const openFind = useCallback(() => {
    setFindOpen(true);
    requestAnimationFrame(() => {
      findInput.current?.focus();
      findInput.current?.select();
    });
  }, [setFindOpen]);

  // Ctrl+F / Cmd+F and the menu's Find in document reach the find bar through the command.
  useCommandTarget('findInDocument', canFind ? openFind : null);

  const suggestions = useReaderSuggestions(caseId, document);
  const dates = useReaderDates(caseId, document, { content, view: textView });
  const { excerptsUnder, placement, showCurrent } = useExcerptHighlights({ content, view: textView, document, excerpts, version, colourOf });
  const { mark, layer: marking } = useMarking({ caseId, document, excerpts, content, view: textView });
  useScrollToExcerpt(content, textView, document, excerpts, excerptParam, version);

  // Hovering a highlight shows its comment; clicking it, or Alt+Down / Alt+Up, shows the excerpt beside the text.
  const [hover, setHover] = useState<{ x: number; y: number; excerpts: Excerpt[] } | null>(null);
  const steps = useExcerptSteps({ content, view: textView, document, excerpts, placement, showCurrent, revealPage: reveal });
  const selected = steps.shown;
  const closeSelected = () => {
    steps.close();
    // Back to the text the excerpt is in, where reading (and stepping) goes on.
    content?.focus({ preventScroll: true });
  };
  const hoverFrame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(hoverFrame.current), []);
  const onPointerMove = (event: React.MouseEvent) => {
    const { clientX: x, clientY: y } = event;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const under = excerptsUnder(x, y);
      setHover(under.length ? { x, y, excerpts: under } : null);
    });
  };
  const onTextClick = (event: React.MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const [under] = excerptsUnder(event.clientX, event.clientY);
    if (under) steps.showClicked(under);
  };

  const lines = (count: number) => `${count} ${count === 1 ? 'line' : 'lines'}`;
  const cleaned = (result: CleanupResult) => {
    setCleaning(false);
    const done = [result.removedLines ? `Removed ${lines(result.removedLines)}.` : '', result.restoredLines ? `Put back ${lines(result.restoredLines)}.` : ''];
    setNotice({ text: done.filter(Boolean).join(' '), orphaned: result.orphaned });
  };
  const undo = async () => {
    setTextError(null);
    try {
      const result = await operations.undoTextChange(document.id);
      setNotice({ text: `Undid: ${result.undone.replace(/^./, (first) => first.toLowerCase())}.`, orphaned: result.orphaned });
    } catch (error) {
      setTextError(explainError(error));
    }
  };

  return (
    <article className="document-reader" aria-labelledby="document-title">
      <div className="section-header">
        <h2 id="document-title">{document.title}</h2>
        {noTextLayer && <span className="badge warning">No text layer</span>}
        {document.ocr && (
          <span className="badge" title={`Text recognised from the page images on ${formatDateTime(document.ocr.recognisedAt)} (${document.ocr.engine})`}>
            {describeOcr(document.ocr)}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => setEditing(true)} disabled={editing}>
          Edit details
        </button>
        {canCleanUp(document) && (
          <button type="button" onClick={() => setCleaning(true)} disabled={!document.text.trim()}>
            Clean up
          </button>
        )}
        <DeleteRecordButton
          target={{ type: 'document', id: document.id }}
          onDeleted={() => {
            forgetDraft(draftKey('document', document.id));
            navigate(`/case/${caseId}/documents`);
          }}
        />
      </div>

      {editing ? <DocumentDetailsForm document={document} onDone={() => setEditing(false)} /> : <DocumentDetails document={document} />}

      {canRecognise(document) && <OcrPanel document={document} />}
      {(document.cleanup || lastChange) && (
        <div className="notice cleanup-note" role="note" aria-label="Site text">
          <span>
            {document.cleanup
              ? `${lines(document.cleanup.removed.length)} of site text removed:`
              : 'No line of this document is removed as site text.'}
          </span>
          {document.cleanup && (
            <button type="button" onClick={() => setReviewing(true)}>
              Review
            </button>
          )}
          {lastChange && (
            <button type="button" onClick={() => void undo()} title="Bring back the text as it was before this change">
              Undo: {lastChange.replacedBy.replace(/^./, (first) => first.toLowerCase())}
            </button>
          )}
        </div>
      )}
      {textError && (
        <p className="field-error" role="alert">
          {textError}
        </p>
      )}
      {document.warnings.length > 0 && (
        <ul className="notice warnings" aria-label="Notes on this document">
          {document.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}
      {notice && (
        <p className="notice success" role="status">
          {notice.text}{' '}
          {notice.excerptId && <Link to={`/case/${caseId}/excerpts/${notice.excerptId}`}>Open the excerpt</Link>}
        </p>
      )}
      {notice?.orphaned && <OrphanedList caseId={caseId} excerpts={notice.orphaned} />}
      {reattachId && (
        <ReattachBar
          key={reattachId}
          excerptId={reattachId}
          document={document}
          selection={() => (content && textView ? quoteFromSelection(content, textView, document) : null)}
          onCancel={() => setParams({}, { replace: true })}
          onDone={(excerpt) => navigate(`/case/${caseId}/excerpts/${excerpt.id}`)}
        />
      )}

      <div className="reader-toolbar" role="toolbar" aria-label="Reading">
        {views.length > 1 && (
          <div className="segmented" role="group" aria-label="View">
            {views.map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={view === option}
                onClick={() => setChosenView(option)}
              >
                {VIEW_LABEL[option]}
              </button>
            ))}
          </div>
        )}
        <span className="spacer" />
        <button
          type="button"
          // Keeps the selection: pressing the button must not clear what it is about to quote.
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => mark(event.currentTarget.getBoundingClientRect())}
          disabled={!textView}
          title="Mark the selected words as an excerpt"
        >
          Quote selection
        </button>
        <ReaderMentions caseId={caseId} document={document} content={content} view={textView} version={version} />
        <div className="segmented" role="group" aria-label="Excerpts">
          <button
            type="button"
            aria-label="Previous excerpt"
            onClick={() => steps.step('previous')}
            disabled={!steps.canStep}
            {...commandHint('excerpt.previous')}
          >
            ↑
          </button>
          <button type="button" aria-label="Next excerpt" onClick={() => steps.step('next')} disabled={!steps.canStep} {...commandHint('excerpt.next')}>
            ↓
          </button>
        </div>
        {suggestions.button}
        {dates.button}
        <button
          type="button"
          onClick={openFind}
          disabled={!canFind}
          aria-keyshortcuts={commandHint('document.find')['aria-keyshortcuts']}
          title={canFind ? commandHint('document.find').title : 'Find works in the Text and Pages views'}
        >
          Find
        </button>
      </div>
      {findOpen && canFind && (
        <FindBar
          query={query}
          onQueryChange={setQuery}
          result={find}
          inputRef={findInput}
          onClose={() => {
            setFindOpen(false);
            setQuery('');
          }}
        />
      )}

      <div className={`reader-columns${selected ? ' with-panel' : ''}${suggestions.panel || dates.panel ? ' with-suggestions' : ''}`}>
      <div
        ref={setContent}
        className="reader-body"
        data-view={view}
        // Focusable, so that closing the side panel gives the focus back to the text.
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && selected) closeSelected();
        }}
        onMouseMove={onPointerMove}
        onMouseLeave={() => {
          cancelAnimationFrame(hoverFrame.current);
          setHover(null);
        }}
        onClick={onTextClick}
      >
        {view === 'pages' && document.kind === 'image' ? (
          <ImagePages documentId={document.id} target={pageTarget} />
        ) : view === 'pages' ? (
          <PdfPages documentId={document.id} target={pageTarget} />
        ) : view === 'original' ? (
          <OriginalPage documentId={document.id} charset={document.charset} title={document.title} />
        ) : document.html ? (
          <HtmlText html={document.html} removedLines={removedLines} />
        ) : document.text.trim() ? (
          <PlainText text={document.text} />
        ) : (
          <p className="muted">
            {noTextLayer ? 'No text has been recognised in these pages yet: see the pages.' : 'This document has no text.'}
          </p>
        )}
      </div>
      {selected && <ExcerptSidePanel caseId={caseId} shown={selected} onClose={closeSelected} />}
      {suggestions.panel}
      {dates.panel}
      </div>
      <p className="visually-hidden" role="status">
        {steps.announcement}
      </p>
      {marking}
      {hover && <ExcerptTooltip at={hover} excerpts={hover.excerpts} />}

      {excerpts.length > 0 && (
        <section className="document-excerpts" aria-labelledby="document-excerpts-title">
          <h3 id="document-excerpts-title">Excerpts from this document</h3>
          <ul aria-labelledby="document-excerpts-title">
            {excerpts.map((excerpt) => (
              <li key={excerpt.id}>
                <Link to={`/case/${caseId}/excerpts/${excerpt.id}`}>{recordTitle('excerpt', excerpt)}</Link>
                {excerpt.anchor?.page && <span className="muted small"> · page {excerpt.anchor.page}</span>}
                {excerpt.orphaned ? (
                  <span className="muted small"> · cannot find this quote in the document any more</span>
                ) : (
                  !excerpt.anchor && <span className="muted small"> · not located in the text</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <LinksPanel caseId={caseId} record={{ type: 'document', id: document.id }} />

      {cleaning && (
        <CleanupDialog document={document} excerpts={excerpts} onClose={() => setCleaning(false)} onDone={cleaned} />
      )}
      {reviewing && (
        <RemovedLinesDialog
          document={document}
          onClose={() => setReviewing(false)}
          onChanged={(result: TextChangeResult & { restoredLines: number }) =>
            setNotice({ text: `Put back ${lines(result.restoredLines)}.`, orphaned: result.orphaned })
          }
        />
      )}
    </article>
  );
}
