import type { RecordRef, RecordType } from '../../../shared/domain';
import { refKey, type RecordLinkStyle } from '../../../shared/textReferences';
import type { ShownRecord } from './caseText';
import { shownText } from './extensions/recordLink';

const refOf = (element: HTMLElement): RecordRef => ({ type: element.dataset.recordType as RecordType, id: element.dataset.recordId ?? '' });

/** A visually hidden word for screen readers: a mention's "(deleted)". */
function hiddenNote(text: string): HTMLSpanElement {
  const note = document.createElement('span');
  note.className = 'visually-hidden';
  note.textContent = text;
  return note;
}

/**
 * Brings the mentions and quote blocks of a text shown read-only (HTML from TipTap's serializer, which holds the
 * titles they were written with) up to date with the case: current titles, links that open each record (a quote
 * block's citation its source), and records gone marked missing with the title they had.
 */
export function paintShown(root: HTMLElement, shown: ReadonlyMap<string, ShownRecord>): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a.record-link[data-record-id]')) {
    const record = shown.get(refKey(refOf(link)));
    const gone = !record || record.missing;
    link.replaceChildren(shownText({ label: link.dataset.label ?? '', as: (link.dataset.as ?? 'link') as RecordLinkStyle }, record));
    link.classList.toggle('missing', gone);
    if (gone) {
      link.append(hiddenNote(' (deleted)'));
      link.removeAttribute('href');
    } else link.href = `#${record.path}`;
  }
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-excerpt-quote]')) {
    const record = shown.get(refKey(refOf(figure)));
    const gone = !record || record.missing;
    figure.classList.toggle('missing', gone);
    const quote = figure.querySelector('blockquote');
    const caption = figure.querySelector('figcaption');
    if (!quote || !caption) continue;
    if (record?.quote) quote.textContent = record.quote;
    const citation = record?.citation ?? caption.dataset.citation ?? caption.textContent ?? '';
    caption.dataset.citation = citation;
    if (gone) caption.replaceChildren(citation, hiddenNote(' (excerpt deleted)'));
    else {
      const open = document.createElement('a');
      open.href = `#${record.sourcePath ?? record.path}`;
      open.dataset.sourceLink = '';
      open.textContent = citation || 'Open source';
      open.setAttribute('aria-label', `Open the source: ${citation || 'the excerpt'}`);
      caption.replaceChildren(open);
    }
  }
}
