/** The chosen notes, each a sub-section with its text: mentions and quote blocks linked into the report. */
import { REPORT_SECTION_TITLES } from '../options';
import type { RenderContext } from './context';
import { anchors, esc } from './html';
import { hasText } from './richText';
import type { SectionBlocks } from './section';

export function notesSection(context: RenderContext): SectionBlocks {
  const title = REPORT_SECTION_TITLES.notes;
  context.listed(anchors.section('notes'), title, 1);
  const notes = context.data.notes.map(({ note, body }) => {
    const id = anchors.note(note.id);
    const name = note.title || 'Untitled note';
    context.listed(id, name, 2);
    const edited = note.updatedAt.slice(0, 10);
    const meta = `${note.pinned ? 'Case summary · ' : ''}Last edited <time datetime="${esc(note.updatedAt)}">${esc(edited)}</time>`;
    const text = hasText(body.doc) || body.problem ? context.text(body, { headingsFrom: 3 }) : '<p class="quiet">This note is empty.</p>';
    return `<article class="note"><h2 id="${esc(id)}">${esc(name)}</h2><p class="meta">${meta}</p><div class="rich">${text}</div></article>`;
  });
  return { name: 'notes', head: `<h1 id="${anchors.section('notes')}">${title}</h1>`, blocks: notes, tail: '' };
}
