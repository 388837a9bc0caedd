/**
 * Writes a collected report as one HTML document: the cover, the contents, then each section switched on and holding
 * something, in the order of `REPORT_SECTIONS`. The sections are written before the contents, which lists what they
 * added; the page is static (no script) and self-contained (styles, fonts, images and figures inline).
 */
import type { RenderOptions, RenderedReport, ReportData } from './build';
import type { ReportSection } from './options';
import { chronologySection } from './sections/chronology';
import { contentsSection } from './sections/contents';
import { RenderContext } from './sections/context';
import { coverSection, emptySection, reportTitle } from './sections/cover';
import { entitiesSection } from './sections/entities';
import { excerptsSection } from './sections/excerpts';
import { historySection } from './sections/history';
import { esc } from './sections/html';
import { notesSection } from './sections/notes';
import { sourcesSection } from './sections/sources';
import { reportStyles } from './sections/styles';

const WRITERS: Record<ReportSection, { write: (context: RenderContext) => string; prints: (context: RenderContext) => boolean }> = {
  notes: { write: notesSection, prints: (context) => context.prints('notes') },
  chronology: { write: chronologySection, prints: (context) => context.prints('chronology') },
  entities: { write: entitiesSection, prints: (context) => context.prints('entities') },
  excerpts: { write: excerptsSection, prints: (context) => context.prints('excerpts') },
  sources: { write: sourcesSection, prints: (context) => context.prints('sources') },
  history: { write: historySection, prints: (context) => !context.data.empty && context.data.options.sections.history },
};

const ORDER: readonly ReportSection[] = ['notes', 'chronology', 'entities', 'excerpts', 'sources', 'history'];

export function writeReport(data: ReportData, render: RenderOptions): RenderedReport {
  const context = new RenderContext(data);
  const title = reportTitle(context);
  const cover = coverSection(context);
  const body = data.empty ? [emptySection(context)] : ORDER.filter((name) => WRITERS[name].prints(context)).map((name) => WRITERS[name].write(context));
  const contents = [...context.contents];
  const confidentiality = data.options.confidentiality.trim();
  const style = reportStyles({ paper: data.options.paper, title, confidentiality, fontFaces: render.fontFaces, layoutOnly: render.layoutOnly });
  const author = data.options.author.trim();
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
${author ? `<meta name="author" content="${esc(author)}">` : ''}
<meta name="generator" content="Casebook">
<style>
${style}
</style>
</head>
<body>
<main>
${cover}
${data.empty ? '' : contentsSection(contents, render.pageNumbers)}
${body.join('\n')}
</main>
</body>
</html>
`;
  const keywords = ['case report', data.caseName, ...data.options.selection.tagIds.map((id) => context.derived.tagPaths.get(id)).filter((path): path is string => Boolean(path))];
  return {
    html,
    contents,
    metadata: { title, author, subject: `Case report: ${data.caseName}. ${data.scope}`, keywords },
    warnings: context.warnings,
  };
}
