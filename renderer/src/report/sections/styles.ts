/**
 * The report's print stylesheet: the page (paper, margins, a running header with the report's title and the section's
 * name, the confidentiality line and "Page X of Y" in the footer), the type (a serif body, sans headings, tables and
 * captions, in the fonts shipped with the app) and the rules that keep a row, a quote or a figure whole.
 */
import { REPORT_FONTS } from '../fonts';
import { REPORT_SECTIONS, REPORT_SECTION_TITLES, type PaperSize } from '../options';
import { PAGE_MARGIN_MM } from './figures';
import { cssString } from './html';

const INK = '#1d2125';
const MUTED = '#5b6470';
const RULE = '#c9ced6';
const ACCENT = '#1f4e79';
const TINT = '#f3f5f8';

/** Where a part of the report begins, and how long the whole report is: the footer's "Page X of Y". */
export interface PageNumbering {
  /** The part's first page in the whole report (1 for the first part). */
  first: number;
  /** The report's pages, all parts together. */
  total: number;
}

/** The margin boxes every page of a section has: the title left, the section right, and the footer. */
function marginBoxes(title: string, section: string | null, confidentiality: string, pages: PageNumbering | null): string {
  const small = `font-family: ${REPORT_FONTS.sans}; font-size: 7.5pt; color: ${MUTED};`;
  return `
    @top-left { content: ${cssString(title)}; ${small} vertical-align: bottom; padding-bottom: 3mm; }
    @top-right { content: ${section === null ? 'none' : cssString(section)}; ${small} vertical-align: bottom; padding-bottom: 3mm; }
    @bottom-left { content: ${cssString(confidentiality)}; ${small} vertical-align: top; padding-top: 3mm; }
    @bottom-right { content: "Page " counter(page) " of " ${pages ? `"${pages.total}"` : 'counter(pages)'}; ${small} vertical-align: top; padding-top: 3mm; }`;
}

/**
 * Hides every box but keeps its place: a page laid out with it breaks exactly where the visible one does (visibility
 * changes no size), and Chromium prints its named destinations, the page each linked element lands on, while drawing
 * nothing, in a third of the time.
 */
const LAYOUT_ONLY = 'html, html * { visibility: hidden !important; }';

export function reportStyles({
  paper,
  title,
  confidentiality,
  fontFaces,
  layoutOnly = false,
  pages = null,
}: {
  paper: PaperSize;
  title: string;
  confidentiality: string;
  fontFaces: string;
  layoutOnly?: boolean;
  /** A part of the report numbers its pages from where it begins in the whole; null: the document is the whole. */
  pages?: PageNumbering | null;
}): string {
  const named = [['contents', 'Contents'] as const, ...REPORT_SECTIONS.map((name) => [name, REPORT_SECTION_TITLES[name]] as const), ['empty', 'Nothing to report'] as const];
  const { top, bottom, side } = PAGE_MARGIN_MM;
  return `${fontFaces}
@page { size: ${paper === 'Letter' ? 'letter' : 'A4'} portrait; margin: ${top}mm ${side}mm ${bottom}mm ${side}mm; ${marginBoxes(title, null, confidentiality, pages)} }
@page cover { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }
${named.map(([name, words]) => `@page ${name} { ${marginBoxes(title, words, confidentiality, pages)} }`).join('\n')}
section.cover { page: cover; }
${named.map(([name]) => `section.part-${name} { page: ${name}; }`).join('\n')}

html { color: ${INK}; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact;${pages ? ` counter-reset: page ${pages.first - 1};` : ''} }
body { margin: 0; font-family: ${REPORT_FONTS.serif}; font-size: 10.5pt; line-height: 1.45; hyphens: auto; font-kerning: normal; text-rendering: optimizeLegibility; }
p, li, dd, blockquote, td { widows: 3; orphans: 3; }
p { margin: 0 0 0.55em; }
a { color: ${ACCENT}; text-decoration: none; }
cite { font-style: italic; }
code, pre, .hash { font-family: 'Noto Sans Mono', 'DejaVu Sans Mono', ui-monospace, monospace; font-size: 0.88em; }
pre { white-space: pre-wrap; background: ${TINT}; padding: 0.5em 0.7em; border-radius: 2px; break-inside: avoid; }
.hash, .address, td, dd, .citation, blockquote { overflow-wrap: anywhere; word-break: normal; }
.hash { letter-spacing: 0.02em; }
hr { border: 0; border-top: 0.5pt solid ${RULE}; margin: 1em 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

h1, h2, h3, h4, h5, h6, th, caption, figcaption, .label, .meta, .lead, .toc, .tag, .flag, .type, .excerpt-head, .cover-facts, .cover-kicker, .cover-confidentiality, .group-intro, .status, .date, .num, .evidence, .event-meta, .quiet, .facts dt, .source-label {
  font-family: ${REPORT_FONTS.sans};
}
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; line-height: 1.2; color: ${INK}; font-weight: 700; }
h1 { break-before: page; page-break-before: always; font-size: 22pt; font-weight: 600; letter-spacing: -0.01em; margin: 0 0 0.4em; padding-bottom: 0.25em; border-bottom: 1.5pt solid ${ACCENT}; }
h2 { font-size: 14pt; font-weight: 600; margin: 1.5em 0 0.45em; color: ${ACCENT}; }
h2.continued .continued-mark { font-weight: 400; font-size: 0.8em; color: ${MUTED}; }
h3 { font-size: 11.5pt; margin: 1.1em 0 0.3em; }
h4, h5, h6 { font-size: 10.5pt; margin: 1em 0 0.3em; }
.lead { color: ${MUTED}; font-size: 9.5pt; margin-bottom: 1.3em; }
.quiet { color: ${MUTED}; }
.small { font-size: 9pt; }
.label { font-size: 7.5pt; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; color: ${MUTED}; margin-right: 0.35em; }
.label.block { display: block; margin: 0.6em 0 0.2em; }
.tag { display: inline-block; font-size: 7.5pt; line-height: 1.3; padding: 0.05em 0.5em; margin: 0 0.3em 0.15em 0; border: 0.5pt solid ${RULE}; border-radius: 1em; color: ${INK}; background: ${TINT}; white-space: nowrap; }
.flag { display: inline-block; font-size: 7.5pt; padding: 0.05em 0.5em; margin-left: 0.3em; border-radius: 2px; background: #fff4d6; color: #6b4a00; }
.flag.warn { background: #fde2e1; color: #8a1c17; }
.gone { color: ${MUTED}; font-style: italic; }
.gone-note { color: ${MUTED}; font-size: 0.9em; }
.damaged { font-family: ${REPORT_FONTS.sans}; font-size: 8.5pt; padding: 0.4em 0.7em; border-left: 2pt solid #b54708; background: #fff7ed; color: #6b2e04; }
a.ref { font-family: ${REPORT_FONTS.sans}; font-size: 0.85em; font-variant-numeric: tabular-nums; white-space: nowrap; }
.more { font-family: ${REPORT_FONTS.sans}; font-size: 0.8em; color: ${MUTED}; white-space: nowrap; }
.rich > :last-child { margin-bottom: 0; }
.rich ul, .rich ol { margin: 0 0 0.55em; padding-left: 1.4em; }
.rich blockquote { margin: 0.6em 0; padding-left: 0.9em; border-left: 2pt solid ${RULE}; color: #333a42; }
.rich .tasks { list-style: none; padding-left: 0.2em; }
.rich .task .box { font-family: ${REPORT_FONTS.sans}; margin-right: 0.4em; }
.rich .text-heading { font-family: ${REPORT_FONTS.sans}; }
.rich p.text-heading { font-weight: 700; margin-top: 0.7em; }
.rich mark { background: #fff1a8; color: inherit; }
.rich img { max-width: 100%; max-height: 120mm; }
.rich table, table.text-table { border-collapse: collapse; margin: 0.6em 0; font-size: 9pt; }
table.text-table td, table.text-table th { border: 0.5pt solid ${RULE}; padding: 0.25em 0.5em; vertical-align: top; }
figure { margin: 0.8em 0; break-inside: avoid; page-break-inside: avoid; }
figure.image { text-align: center; }

/* Cover */
section.cover { box-sizing: border-box; min-height: 222mm; display: flex; flex-direction: column; padding-top: 30mm; }
.cover-kicker { font-size: 9pt; font-weight: 600; letter-spacing: 0.16em; text-transform: uppercase; color: ${ACCENT}; margin: 0 0 0.8em; }
h1.cover-title { break-before: auto; page-break-before: auto; font-size: 30pt; font-weight: 600; line-height: 1.12; border: 0; margin: 0 0 0.6em; padding: 0; max-width: 150mm; }
.cover-description { font-size: 11.5pt; line-height: 1.5; max-width: 140mm; color: #2c333a; margin-bottom: 2em; }
.cover-facts { margin: auto 0 0; padding-top: 1.2em; border-top: 0.75pt solid ${RULE}; font-size: 9pt; display: grid; grid-template-columns: 1fr; row-gap: 0.45em; }
.cover-facts > div { display: grid; grid-template-columns: 28mm 1fr; column-gap: 4mm; }
.cover-facts dt { color: ${MUTED}; font-weight: 600; text-transform: uppercase; font-size: 7.5pt; letter-spacing: 0.06em; padding-top: 0.15em; }
.cover-facts dd { margin: 0; }
.cover-confidentiality { margin: 1.6em 0 0; padding: 0.55em 0.9em; border: 1pt solid ${INK}; font-size: 9pt; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; align-self: flex-start; }
.cover-colophon { margin: 1.2em 0 0; font-size: 8pt; color: ${MUTED}; }

/* Contents */
.toc { list-style: none; margin: 0.5em 0 0; padding: 0; font-size: 10pt; }
.toc li { break-inside: avoid; }
.toc a { display: flex; align-items: baseline; color: ${INK}; }
.toc .toc-1 { font-weight: 600; margin-top: 0.7em; }
.toc .toc-2 { padding-left: 1.4em; font-size: 9.5pt; margin-top: 0.12em; }
.toc-title { flex: 0 1 auto; }
/* Raised by its position, never by a transform: Chromium paints a transformed box on every printed page (clipped
   away), which made each page carry the leaders' dots of the whole contents and doubled the time to print. */
.toc-leader { flex: 1 1 auto; min-width: 1.5em; margin: 0 0.35em; border-bottom: 1pt dotted #8a929c; position: relative; top: -0.3em; }
.toc-page { flex: 0 0 3.2em; text-align: right; font-variant-numeric: tabular-nums; }

/* Notes */
article.note { margin-bottom: 1.2em; }
article.note h2 { margin-top: 1.2em; }
.meta { font-size: 8pt; color: ${MUTED}; margin: -0.2em 0 0.7em; }
figure.quote { margin: 0.8em 0 0.9em; padding: 0.55em 0.9em; background: ${TINT}; border-left: 2.5pt solid ${ACCENT}; }
figure.quote blockquote { margin: 0; font-style: italic; }
figure.quote figcaption { margin-top: 0.35em; font-size: 8.5pt; color: ${MUTED}; }

/* Tables */
table.chronology, table.history { width: 100%; border-collapse: collapse; font-size: 8.8pt; line-height: 1.35; margin: 0.4em 0 1em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-weight: 600; }
table.chronology thead th, table.history thead th { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.05em; color: ${MUTED}; border-bottom: 1pt solid ${INK}; padding: 0.35em 0.45em; }
table.chronology td, table.history td { padding: 0.45em 0.45em; border-bottom: 0.5pt solid ${RULE}; vertical-align: top; }
table.chronology .c-num { width: 6%; } table.chronology .c-date { width: 17%; } table.chronology .c-status { width: 13%; } table.chronology .c-evidence { width: 14%; }
td.num { color: ${MUTED}; font-variant-numeric: tabular-nums; }
td.date { font-weight: 600; }
td.event { font-family: ${REPORT_FONTS.serif}; }
.event-title { font-family: ${REPORT_FONTS.sans}; font-weight: 600; }
td.event .rich { margin-top: 0.2em; }
.event-meta { margin: 0.25em 0 0; font-size: 8pt; color: #333a42; }
.event-meta .sep { color: ${RULE}; }
.role { color: ${MUTED}; }
td.status { font-size: 8pt; }
.confidence { color: ${MUTED}; }
td.evidence { font-size: 8pt; }
tr.group th { padding: 1em 0.45em 0.35em; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.05em; color: ${ACCENT}; border-bottom: 1pt solid ${ACCENT}; }
tr.undated td.date { color: ${MUTED}; }
table.history .c-time { width: 24%; } table.history .c-action { width: 12%; }
td.time { font-variant-numeric: tabular-nums; white-space: nowrap; font-size: 8pt; }

/* Figures */
.figure-heading { break-before: auto; }
figure.figure { margin: 0.6em 0 1.2em; }
.figure-art svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 8pt; color: ${MUTED}; margin-top: 0.4em; }
.figure-label { font-weight: 600; color: ${INK}; }

/* Entity index */
article.entity { break-inside: avoid; page-break-inside: avoid; padding: 0.2em 0 0.7em; border-bottom: 0.5pt solid ${RULE}; }
article.entity .entity-head { display: flex; align-items: baseline; margin-top: 0.8em; break-after: avoid; page-break-after: avoid; }
article.entity h3 { margin: 0; }
article.entity .dot { display: inline-block; width: 0.6em; height: 0.6em; border-radius: 50%; margin-right: 0.45em; vertical-align: 0.08em; }
article.entity .type { font-size: 7.5pt; font-weight: 500; text-transform: uppercase; letter-spacing: 0.06em; color: ${MUTED}; margin-left: 0.3em; }
.aka { font-size: 9.5pt; margin-bottom: 0.3em; }
table.attributes { border-collapse: collapse; font-size: 9pt; margin: 0.2em 0 0.4em; }
table.attributes th { font-family: ${REPORT_FONTS.sans}; font-size: 8pt; color: ${MUTED}; padding: 0.1em 1em 0.1em 0; vertical-align: top; }
table.attributes td { padding: 0.1em 0; }
ul.relationships { margin: 0 0 0.4em; padding-left: 1.1em; font-size: 9.5pt; }
dl.mentioned { display: grid; grid-template-columns: 20mm 1fr; column-gap: 3mm; row-gap: 0.15em; margin: 0.5em 0 0; font-size: 9pt; }
dl.mentioned dt { font-family: ${REPORT_FONTS.sans}; font-size: 7.5pt; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: ${MUTED}; padding-top: 0.2em; }
dl.mentioned dd { margin: 0; }

/* Excerpts */
.group-intro { font-size: 8.5pt; color: ${MUTED}; margin-top: -0.2em; }
article.excerpt { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1em; padding: 0 0 0.7em; border-bottom: 0.5pt solid ${RULE}; }
.excerpt-head { font-size: 8pt; margin-bottom: 0.3em; }
.excerpt-number { font-weight: 700; color: ${ACCENT}; margin-right: 0.6em; font-variant-numeric: tabular-nums; }
blockquote.excerpt-quote { margin: 0 0 0.45em; padding-left: 0.9em; border-left: 2.5pt solid ${ACCENT}; font-size: 10.5pt; }
p.citation { font-size: 8.8pt; color: #333a42; margin-bottom: 0.35em; }
a.to-source { font-family: ${REPORT_FONTS.sans}; font-size: 0.9em; white-space: nowrap; }
.comment { font-size: 9.5pt; margin: 0.35em 0 0.2em; padding-left: 0.9em; }
.comment .label.block { margin-top: 0; }
.mentions { font-size: 8.8pt; margin: 0.25em 0 0; }
.excerpt-again { font-size: 9pt; margin: 0 0 0.7em; color: #333a42; break-inside: avoid; }

/* Sources */
article.source { break-inside: avoid; page-break-inside: avoid; margin: 0 0 0.9em; padding-bottom: 0.7em; border-bottom: 0.5pt solid ${RULE}; }
h2.source-title { font-size: 11pt; color: ${INK}; margin: 0.9em 0 0.4em; }
h2.source-title cite { font-style: normal; }
.source-label { display: inline-block; min-width: 2.2em; color: ${ACCENT}; font-weight: 700; }
dl.facts { margin: 0; font-size: 8.8pt; }
dl.facts > div { display: grid; grid-template-columns: 24mm 1fr; column-gap: 3mm; padding: 0.1em 0; }
dl.facts dt { font-size: 7.5pt; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: ${MUTED}; padding-top: 0.15em; }
dl.facts dd { margin: 0; }
${layoutOnly ? LAYOUT_ONLY : ''}
`;
}
