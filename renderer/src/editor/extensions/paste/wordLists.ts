/**
 * Word writes a list as paragraphs styled `mso-list:l0 level1 lfo1`, each starting with its bullet or number as text
 * in a span styled `mso-list:Ignore`. Those styles are what the sanitiser removes, so first the paragraphs become
 * real lists, nested by their level: bulleted, or numbered when the marker Word wrote was a number or a letter.
 * Works on an inert document (DOMParser's), which loads nothing.
 */

const LIST_STYLE = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const IGNORED = /mso-list:\s*ignore/i;
/** Markers of a numbered item: 1. 1) a. iv. (A) */
const NUMBERED = /^\(?(?:\d+|[a-z]|[ivxlcdm]+)[.)]/i;

interface WordItem {
  paragraph: HTMLElement;
  level: number;
  ordered: boolean;
}

/** Whether the HTML comes from Word (or another Office program): only then is the work worth doing. */
export const isOfficeHtml = (html: string) => /mso-|urn:schemas-microsoft-com:office/i.test(html);

function itemOf(element: Element): WordItem | null {
  const match = LIST_STYLE.exec(element.getAttribute('style') ?? '');
  if (!match || element.tagName !== 'P') return null;
  const markers = [...element.querySelectorAll('span')].filter((span) => IGNORED.test(span.getAttribute('style') ?? ''));
  const marker = markers[0]?.textContent?.trim() ?? '';
  for (const span of markers) span.remove();
  return { paragraph: element as HTMLElement, level: Number(match[2]), ordered: NUMBERED.test(marker) };
}

/** Turns each run of Word's list paragraphs in `document` into nested `<ul>`/`<ol>` lists, in place. */
export function wordListsToLists(document: Document): void {
  for (const first of [...document.querySelectorAll<HTMLElement>('p[style*="mso-list"]')]) {
    if (!first.isConnected || !LIST_STYLE.test(first.getAttribute('style') ?? '')) continue;
    // The run: this paragraph and the list paragraphs right after it (whitespace between them does not count).
    const run: WordItem[] = [];
    for (let node: Node | null = first; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE && !node.textContent?.trim()) continue;
      const item = node instanceof Element ? itemOf(node) : null;
      if (!item) break;
      run.push(item);
    }
    const top = document.createElement(run[0]!.ordered ? 'ol' : 'ul');
    first.before(top);
    // The open lists, one per level, the innermost last.
    const open: { list: HTMLElement; level: number }[] = [{ list: top, level: run[0]!.level }];
    for (const { paragraph, level, ordered } of run) {
      while (open.length > 1 && level < open.at(-1)!.level) open.pop();
      let current = open.at(-1)!;
      if (level > current.level) {
        const parentItem = current.list.lastElementChild ?? current.list.appendChild(document.createElement('li'));
        const nested = parentItem.appendChild(document.createElement(ordered ? 'ol' : 'ul'));
        current = { list: nested, level };
        open.push(current);
      }
      const item = current.list.appendChild(document.createElement('li'));
      const text = item.appendChild(document.createElement('p'));
      text.append(...paragraph.childNodes);
      paragraph.remove();
    }
  }
}
