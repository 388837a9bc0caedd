import { useId, useState, type FormEvent } from 'react';
import type { ReportChoices } from '../../db/queries/report';
import {
  EXCERPT_GROUPINGS,
  PAPER_SIZES,
  REPORT_SECTION_TITLES,
  REPORT_SECTIONS,
  type ExcerptGrouping,
  type ReportOptions,
  type ReportSelection,
  selectsWholeCase,
} from '../../report/options';
import { Checklist } from './Checklist';
import { DateRangeFields } from './DateRangeFields';

interface ReportOptionsFormProps {
  caseName: string;
  options: ReportOptions;
  onChange(options: ReportOptions): void;
  /** The case's tags, entities, notes and documents to choose from; undefined while they load. */
  choices: ReportChoices | undefined;
  onExport(): void;
  onCancel(): void;
}

const GROUPING_LABELS: Readonly<Record<ExcerptGrouping, string>> = { document: 'By document', tag: 'By tag' };

/** Ticked ids as a list that narrows, or null ("all") when every one is ticked. */
function narrowing(checked: ReadonlySet<string>, all: readonly { id: string }[]): string[] | null {
  return all.every((choice) => checked.has(choice.id)) ? null : all.filter((choice) => checked.has(choice.id)).map((choice) => choice.id);
}

/** What goes in the report and how it looks: the export dialog's first step. Every control is a labelled form field. */
export function ReportOptionsForm({ caseName, options, onChange, choices, onExport, onCancel }: ReportOptionsFormProps) {
  const id = useId();
  const [datesValid, setDatesValid] = useState(true);
  // Open at first when the selection narrows the report, so what narrows it shows; then as the researcher leaves it.
  const [selectionOpen] = useState(() => !selectsWholeCase(options.selection));
  const set = <K extends keyof ReportOptions>(key: K, value: ReportOptions[K]) => onChange({ ...options, [key]: value });
  const select = (selection: Partial<ReportSelection>) => set('selection', { ...options.selection, ...selection });
  const noSection = REPORT_SECTIONS.every((section) => !options.sections[section]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (datesValid && !noSection) onExport();
  };

  const everything = (ids: string[] | null, all: readonly { id: string }[]) => new Set(ids ?? all.map((choice) => choice.id));

  return (
    <form className="report-options" onSubmit={submit} aria-label="Report options">
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          value={options.title ?? ''}
          placeholder={caseName}
          maxLength={300}
          onChange={(event) => set('title', event.target.value.trim() ? event.target.value : null)}
        />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-author`}>Author</label>
          <input id={`${id}-author`} value={options.author} maxLength={200} onChange={(event) => set('author', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-confidentiality`}>Confidentiality line</label>
          <input
            id={`${id}-confidentiality`}
            value={options.confidentiality}
            maxLength={300}
            onChange={(event) => set('confidentiality', event.target.value)}
            aria-describedby={`${id}-confidentiality-hint`}
          />
          <span id={`${id}-confidentiality-hint`} className="hint small">
            On the cover and at the foot of every page.
          </span>
        </div>
      </div>

      <div className="row report-choices">
        <fieldset>
          <legend>Paper</legend>
          {PAPER_SIZES.map((paper) => (
            <label key={paper}>
              <input type="radio" name={`${id}-paper`} checked={options.paper === paper} onChange={() => set('paper', paper)} /> {paper}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Excerpts grouped</legend>
          {EXCERPT_GROUPINGS.map((grouping) => (
            <label key={grouping}>
              <input type="radio" name={`${id}-excerpts-by`} checked={options.excerptsBy === grouping} onChange={() => set('excerptsBy', grouping)} />{' '}
              {GROUPING_LABELS[grouping]}
            </label>
          ))}
        </fieldset>
        <fieldset aria-describedby={noSection ? `${id}-sections-error` : undefined}>
          <legend>Sections</legend>
          {REPORT_SECTIONS.map((section) => (
            <label key={section}>
              <input
                type="checkbox"
                checked={options.sections[section]}
                onChange={(event) => set('sections', { ...options.sections, [section]: event.target.checked })}
              />{' '}
              {REPORT_SECTION_TITLES[section]}
            </label>
          ))}
          {noSection && (
            <span id={`${id}-sections-error`} className="field-error" role="alert">
              Choose at least one section.
            </span>
          )}
        </fieldset>
        <fieldset>
          <legend>Figures</legend>
          <label>
            <input type="checkbox" checked={options.figures.timeline} onChange={(event) => set('figures', { ...options.figures, timeline: event.target.checked })} />{' '}
            Timeline
          </label>
          <label>
            <input type="checkbox" checked={options.figures.linkChart} onChange={(event) => set('figures', { ...options.figures, linkChart: event.target.checked })} />{' '}
            Link chart
          </label>
        </fieldset>
      </div>

      <details className="report-selection" open={selectionOpen}>
        <summary>What goes in: the whole case, or a part of it</summary>
        {!choices ? (
          <p role="status" className="muted">
            Loading the case’s tags, entities, notes and documents…
          </p>
        ) : (
          <>
            <div className="row">
              <Checklist
                legend="Tags"
                hint="Only excerpts and events with a tag ticked (or a tag under it). None ticked: all."
                choices={choices.tags}
                checked={new Set(options.selection.tagIds)}
                onChange={(checked) => select({ tagIds: choices.tags.filter((tag) => checked.has(tag.id)).map((tag) => tag.id) })}
                empty="The codebook has no tags."
              />
              <Checklist
                legend="Entities"
                hint="Only excerpts mentioning, and events involving, an entity ticked. None ticked: all."
                choices={choices.entities}
                checked={new Set(options.selection.entityIds)}
                onChange={(checked) => select({ entityIds: choices.entities.filter((entity) => checked.has(entity.id)).map((entity) => entity.id) })}
                empty="The case has no entities."
              />
            </div>
            <DateRangeFields
              from={options.selection.from}
              to={options.selection.to}
              onChange={({ from, to, valid }) => {
                setDatesValid(valid);
                select({ from, to });
              }}
            />
            <div className="row">
              <Checklist
                legend="Notes"
                hint="The notes printed."
                choices={choices.notes}
                checked={everything(options.selection.noteIds, choices.notes)}
                onChange={(checked) => select({ noteIds: narrowing(checked, choices.notes) })}
                empty="The case has no notes."
              />
              <Checklist
                legend="Documents"
                hint="Only excerpts from the documents ticked."
                choices={choices.documents}
                checked={everything(options.selection.documentIds, choices.documents)}
                onChange={(checked) => select({ documentIds: narrowing(checked, choices.documents) })}
                empty="The case has no documents."
              />
            </div>
          </>
        )}
      </details>

      <div className="actions">
        <button type="submit" className="primary" disabled={!datesValid || noSection}>
          Export
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
