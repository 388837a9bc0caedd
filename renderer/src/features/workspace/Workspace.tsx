import './workspace.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import { queries } from '../../app/casebook';
import { commandHint, goToSectionId, PaletteButton } from '../../commands';
import { DocumentsSection } from '../documents/DocumentsSection';
import { CaseImportProvider } from '../documents/import/ImportContext';
import { EntitiesSection } from '../entities/EntitiesSection';
import { Watchlist } from '../mentions';
import { CodebookView } from '../codebook/CodebookView';
import { LinkChartPage } from '../chart';
import { ExcerptsSection } from '../excerpts/ExcerptsSection';
import { CaseTextProvider } from '../notes/CaseTextProvider';
import { NotesSection } from '../notes/NotesSection';
import { NoteBesidePanel } from '../notes/NoteBesidePanel';
import { SearchBox, SearchResults } from '../search';
import { CaseLocaleProvider } from '../timeline/dateLocale';
import { TimelineSection } from '../timeline/TimelineSection';
import { Overview } from './Overview';
import { ReportExport } from '../report/ReportExport';
import { ArchiveExport } from '../archive/ArchiveExport';
import { ExportReminder } from '../archive/ExportReminder';
import { ExchangeExport } from '../exchange/ExchangeExport';
import { countOf } from '../../../../shared/vocabulary';
import { PaneBoundary } from '../../components/PaneBoundary';
import { SECTIONS } from './sections';

/** One open case: the section navigation on the left, the chosen section on the right. */
export function Workspace() {
  const { caseId = '' } = useParams();
  const caseFile = useLiveQuery(() => queries.caseById(caseId), [caseId]);
  const counts = useLiveQuery(() => queries.countCaseRecords(caseId), [caseId]);
  const { pathname } = useLocation();

  if (caseFile === undefined) return <p role="status">Opening the case…</p>;
  if (caseFile === null)
    return (
      <main className="library" id="main">
        <h1>This case does not exist</h1>
        <p>It may have been deleted. <NavLink to="/">Back to the case library</NavLink></p>
      </main>
    );

  return (
    <CaseImportProvider caseId={caseId}>
    <CaseLocaleProvider value={caseFile.locale}>
    <CaseTextProvider caseId={caseId}>
    <div className="workspace">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <aside className="sidebar">
        <NavLink to="/" className="small">
          ← All cases
        </NavLink>
        <div className="case-title">{caseFile.name}</div>
        <PaneBoundary what="Search" resetKey={caseId}>
          <SearchBox caseId={caseId} />
        </PaneBoundary>
        <PaletteButton />
        <nav aria-label="Case sections">
          <ul>
            {SECTIONS.map((section) => {
              const count = section.count && section.type && counts ? counts[section.count] : null;
              return (
                <li key={section.path}>
                  <NavLink
                    to={`/case/${caseId}${section.path ? `/${section.path}` : ''}`}
                    end={!section.path}
                    // Read as "Timeline, 2 events": the section, then its count in the vocabulary's words.
                    aria-label={count !== null && section.type ? `${section.label}, ${countOf(section.type, count)}` : undefined}
                    {...commandHint(goToSectionId(section.path))}
                  >
                    <span>{section.label}</span>
                    {count !== null && <span className="count">{count.toLocaleString()}</span>}
                  </NavLink>
                </li>
              );
            })}
          </ul>
        </nav>
      </aside>
      <main className="main" id="main" tabIndex={-1}>
        {/* Each pane fails alone: a section that cannot be shown leaves the sidebar, the palette and the other panes working. */}
        <PaneBoundary what="This section" resetKey={pathname}>
          <Routes>
            <Route index element={<Overview caseFile={caseFile} />} />
            <Route path="documents/:recordId?" element={<DocumentsSection caseId={caseId} />} />
            <Route path="excerpts/codebook" element={<CodebookView caseId={caseId} />} />
            <Route path="excerpts/:recordId?" element={<ExcerptsSection caseId={caseId} />} />
            <Route path="entities/chart" element={<LinkChartPage caseId={caseId} />} />
            <Route path="entities/watchlist" element={<Watchlist caseId={caseId} />} />
            <Route path="entities/:recordId?" element={<EntitiesSection caseId={caseId} />} />
            <Route path="timeline/:recordId?" element={<TimelineSection caseId={caseId} />} />
            <Route path="notes/:recordId?" element={<NotesSection caseId={caseId} />} />
            <Route path="search" element={<SearchResults caseId={caseId} />} />
          </Routes>
        </PaneBoundary>
        <PaneBoundary what="The note beside" resetKey={caseId}>
          <NoteBesidePanel caseId={caseId} />
        </PaneBoundary>
        <ReportExport caseFile={caseFile} />
        <ArchiveExport caseFile={caseFile} />
        <ExportReminder caseId={caseFile.id} />
        <ExchangeExport caseId={caseFile.id} />
      </main>
    </div>
    </CaseTextProvider>
    </CaseLocaleProvider>
    </CaseImportProvider>
  );
}
