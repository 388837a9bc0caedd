/** The appendix: the case's change history, oldest first. */
import { REPORT_SECTION_TITLES } from '../options';
import type { RenderContext } from './context';
import { anchors, esc, plural } from './html';
import type { SectionBlocks } from './section';

const ACTION_WORDS: Record<string, string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  link: 'Linked',
  unlink: 'Unlinked',
  import: 'Imported',
  merge: 'Merged',
  undo: 'Undone',
};

export function historySection(context: RenderContext): SectionBlocks {
  const title = REPORT_SECTION_TITLES.history;
  context.listed(anchors.section('history'), title, 1);
  const entries = context.data.history;
  const rows = entries.map(
    (entry) =>
      `<tr><td class="time"><time datetime="${esc(entry.at)}">${esc(entry.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''))}</time></td><td>${esc(ACTION_WORDS[entry.action] ?? entry.action)}</td><td>${esc(entry.summary)}</td></tr>`,
  );
  return {
    name: 'history',
    head: `<h1 id="${anchors.section('history')}">${title}</h1>
<p class="lead">${esc(plural(entries.length, 'change'))} to the case, oldest first. Times are in UTC.</p>${entries.length ? '' : '<p class="quiet">No change recorded.</p>'}`,
    blocks: rows,
    tail: '',
    around: [
      '<table class="history"><colgroup><col class="c-time"><col class="c-action"><col></colgroup><thead><tr><th scope="col">Time (UTC)</th><th scope="col">Action</th><th scope="col">What changed</th></tr></thead><tbody>',
      '</tbody></table>',
    ],
  };
}
