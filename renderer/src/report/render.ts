/**
 * Writes a collected report: the cover, the contents, then each section switched on and holding something, in the
 * order of `REPORT_SECTIONS`. The sections are written once, before the contents, which lists what they added; then
 * they are cut into parts (`parts.ts`), and each part is written as a document of its own for each layout: static (no
 * script) and self-contained (styles, fonts, images and figures inline).
 */
import type { RenderOptions, RenderedReport, ReportData, ReportPlan } from './build';
import type { ReportSection } from './options';
import { cutIntoParts, hiddenLinks, hrefIn, linkParts, partBody, PART_SIZE } from './parts';
import { chronologySection } from './sections/chronology';
import { contentsSection } from './sections/contents';
import { RenderContext } from './sections/context';
import { coverSection, emptySection, reportTitle } from './sections/cover';
import { entitiesSection } from './sections/entities';
import { excerptsSection } from './sections/excerpts';
import { historySection } from './sections/history';
import { esc } from './sections/html';
import { notesSection } from './sections/notes';
import type { SectionBlocks } from './sections/section';
import { sourcesSection } from './sections/sources';
import { reportStyles } from './sections/styles';

const WRITERS: Record<ReportSection, { write: (context: RenderContext) => SectionBlocks; prints: (context: RenderContext) => boolean }> = {
  notes: { write: notesSection, prints: (context) => context.prints('notes') },
  chronology: { write: chronologySection, prints: (context) => context.prints('chronology') },
  entities: { write: entitiesSection, prints: (context) => context.prints('entities') },
  excerpts: { write: excerptsSection, prints: (context) => context.prints('excerpts') },
  sources: { write: sourcesSection, prints: (context) => context.prints('sources') },
  history: { write: historySection, prints: (context) => !context.data.empty && context.data.options.sections.history },
};

const ORDER: readonly ReportSection[] = ['notes', 'chronology', 'entities', 'excerpts', 'sources', 'history'];

/** About what a line of the contents takes in HTML, for the first part's size before the contents are written. */
const CONTENTS_LINE_SIZE = 300;

/** Writes the sections and cuts them into parts of about `partSize` characters of HTML. */
export function planReport(data: ReportData, partSize = PART_SIZE): ReportPlan {
  const context = new RenderContext(data);
  const title = reportTitle(context);
  const cover = coverSection(context);
  const sections = data.empty ? [] : ORDER.filter((name) => WRITERS[name].prints(context)).map((name) => WRITERS[name].write(context));
  const empty = data.empty ? emptySection(context) : '';
  const contents = [...context.contents];
  const cuts = cutIntoParts(sections, partSize, cover.length + empty.length + contents.length * CONTENTS_LINE_SIZE);
  const linked = linkParts(
    cuts.map((cut) => partBody(cut)),
    data.empty ? [] : contents.map((entry) => entry.id),
  );
  const confidentiality = data.options.confidentiality.trim();
  const author = data.options.author.trim();
  const keywords = ['case report', data.caseName, ...data.options.selection.tagIds.map((id) => context.derived.tagPaths.get(id)).filter((path): path is string => Boolean(path))];

  const document = (index: number, render: RenderOptions): string => {
    const local = linked.ids[index]!;
    const front = index === 0 ? `${cover}\n${data.empty ? empty : contentsSection(contents, render.pageNumbers, (id) => hrefIn(local, id))}` : '';
    const style = reportStyles({ paper: data.options.paper, title, confidentiality, fontFaces: render.fontFaces, layoutOnly: render.layoutOnly, pages: render.pages });
    return `<!doctype html>
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
${front}
${linked.bodies[index]}
</main>
${hiddenLinks(linked.anchors[index]!)}
</body>
</html>
`;
  };

  return {
    parts: cuts.map((cut, index) => ({
      continuesSection: cut.continuesSection,
      entryIds: contents.filter((entry) => linked.ids[index]!.has(entry.id)).map((entry) => entry.id),
    })),
    document,
    text: `${cover}${empty}${contents.map((entry) => entry.title).join(' ')}${linked.bodies.join('')}`,
    contents,
    metadata: { title, author, subject: `Case report: ${data.caseName}. ${data.scope}`, keywords },
    warnings: context.warnings,
  };
}

/** The report as one document, however long: for a print dialog, and where one document is wanted. */
export function writeReport(data: ReportData, render: RenderOptions): RenderedReport {
  const plan = planReport(data, Infinity);
  return { html: plan.document(0, render), contents: plan.contents, metadata: plan.metadata, warnings: plan.warnings };
}
