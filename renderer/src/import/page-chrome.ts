/**
 * What the markup of a saved page says about its chrome, read around Readability (linkedom in the worker, so node
 * types are numbers). Before it runs: newsletter boxes are found by their e-mail field (which Readability removes,
 * leaving the box's words), subheadings made of the headline's words are kept from being taken for it, and where
 * each element of an <article> sat is noted. After it: the standfirst and lead picture Readability left in the
 * article's header are put back at the top, the site's boxes inside the article (share rows, advertisements, tags,
 * related links, breadcrumbs, bylines, author boxes, pull quotes, picture credits) are marked with why, and picture
 * credits run into their captions are split off. Marked elements are not removed here: they become lines that the
 * importer takes out with that reason, which the reader lists and can put back.
 */

/** The attribute that marks an element as site chrome; its value is the reason shown to the researcher. */
export const CHROME_ATTRIBUTE = 'data-casebook-chrome';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const textOf = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Words of an element's classes and id: "c-article-caption__copyright" → c, article, caption, copyright. */
function classWords(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (!names.trim()) return [];
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

interface ClassSignal {
  reason: string;
  /** Single words that say it, and pairs of words in a row ("author box"). */
  words: ReadonlySet<string>;
  pairs: readonly string[];
  /** Longest text an element may have to be taken for it: a bigger one is a wrapper that happens to be named so. */
  maxChars: number;
}

const signal = (reason: string, maxChars: number, words: string, pairs = ''): ClassSignal => ({
  reason,
  maxChars,
  words: new Set(words.split(' ').filter(Boolean)),
  pairs: pairs.split(',').map((pair) => pair.trim()).filter(Boolean),
});

/** How sites name their boxes, checked in this order: the first that fits gives the reason. */
const CLASS_SIGNALS: readonly ClassSignal[] = [
  signal('Share buttons', 400, 'share sharing sharebar shares social addthis sharethis sharedaddy', 'share bar, share tools'),
  signal('Newsletter box', 900, 'newsletter newsletters subscribe subscription signup optin', 'sign up, opt in'),
  signal('Advertisement', 160, 'ad ads advert adverts advertisement advertising adslot adspot dfp sponsor sponsored adsense', 'ad slot, ad label'),
  signal(
    'List of other articles',
    1500,
    'related recommended recommendations recommend linkwithin outbrain taboola',
    'teaser box, rich link, more stories, read more, also read, further reading, most read, most viewed, most popular, more from, next prev, prev post, next post',
  ),
  signal('Tags', 500, 'tags tag keywords topics labels submeta categories', 'tag list, tag cloud'),
  signal('Breadcrumbs', 300, 'breadcrumb breadcrumbs crumbs crumb'),
  signal('Author box', 1000, 'authorbox', 'author box, author bio, about author, author info, author description, author card, profile card, bio box, author profile'),
  signal('Picture credit', 200, 'credit credits copyright photographer', 'image source, img source, photo credit'),
  signal('Byline and date', 250, 'byline dateline readtime timestamp', 'article meta, post meta, entry meta, meta info, author name, read time, reading time, post date, publication date'),
  signal('Pull quote', 500, 'pullquote', 'pull quote'),
  signal('Section label', 60, 'kicker eyebrow overline'),
];

function classReason(element: Element): ClassSignal | null {
  const words = classWords(element);
  if (!words.length) return null;
  const pairs = new Set(words.slice(1).map((word, index) => `${words[index]} ${word}`));
  return CLASS_SIGNALS.find((candidate) => words.some((word) => candidate.words.has(word)) || candidate.pairs.some((pair) => pairs.has(pair))) ?? null;
}

/** What is noted about a page before Readability rewrites it, for finishArticle and the line clean-up. */
export interface PageNotes {
  /** Where each element of the page's <article> elements stood, in document order. */
  places: Map<Element, { article: Element; order: number }>;
  /** Standfirsts and lead pictures of each <article>, which Readability may drop with the header they sit in. */
  leads: { element: Element; article: Element; order: number }[];
  /**
   * The lines of the boxes the site's markup names (share rows, newsletter boxes, related lists…), with the reason.
   * Readability may rewrite a box (a <div> holding one paragraph becomes that paragraph, losing its class), but not
   * its words: a line of the article reading exactly as a line of such a box is that box's.
   */
  boxLines: Map<string, string>;
}

/** A line's words as boxLines holds them: white space folded. */
export const lineKey = (line: string) => line.replace(/\s+/g, ' ').trim();

/**
 * Prepares a saved page for Readability: notes the lines of the site's boxes (named by their classes, or found by
 * a newsletter's e-mail field), protects subheadings Readability would take for the headline, and notes where each
 * element of every <article> stood and which are its standfirst and lead picture.
 */
export function prepareForReadability(doc: Document, titles: readonly string[], linesOf: (element: Element) => string[]): PageNotes {
  const boxLines = new Map<string, string>();
  const boxes: { element: Element; reason: string }[] = [];
  const remember = (element: Element, reason: string) => {
    element.setAttribute(CHROME_ATTRIBUTE, reason);
    boxes.push({ element, reason });
  };

  for (const field of doc.querySelectorAll('input')) {
    const hint = `${field.getAttribute('type') ?? ''} ${field.getAttribute('name') ?? ''} ${field.getAttribute('placeholder') ?? ''} ${field.getAttribute('id') ?? ''}`;
    if (!/mail|邮箱/i.test(hint)) continue;
    let box: Element | null = null;
    // The box is the largest element around the field that is still small: a few lines, not the article's text.
    for (let at = field.parentElement; at && !/^(BODY|HTML|ARTICLE|MAIN)$/i.test(at.tagName); at = at.parentElement) {
      if (textOf(at).length > 600 || at.querySelectorAll('p, li, h2, h3, h4').length > 4) break;
      box = at;
    }
    if (box && textOf(box)) remember(box, 'Newsletter box');
  }

  for (const element of doc.querySelectorAll('[class], [id]')) {
    if (element.closest(`[${CHROME_ATTRIBUTE}]`) || /^(BODY|HTML|MAIN|ARTICLE)$/i.test(element.tagName)) continue;
    const found = classReason(element);
    if (!found) continue;
    const length = textOf(element).length;
    if (length > 0 && length <= found.maxChars) remember(element, found.reason);
  }

  // A box's line that also stands elsewhere on the page (a pull quote's sentence, a headline listed twice) is not
  // remembered: the copy Readability keeps may be the article's own.
  if (boxes.length) {
    const page = lineKey(doc.body?.textContent ?? '');
    for (const { element, reason } of boxes)
      for (const line of linesOf(element)) {
        const key = lineKey(line);
        const first = page.indexOf(key);
        if (key && !boxLines.has(key) && page.indexOf(key, first + 1) < 0) boxLines.set(key, reason);
      }
  }

  protectSubheadings(doc, titles);
  fontsToSpans(doc);

  const places = new Map<Element, { article: Element; order: number }>();
  const leads: PageNotes['leads'] = [];
  for (const article of doc.querySelectorAll('article')) {
    if (places.has(article)) continue;
    let order = 0;
    for (const element of article.querySelectorAll('*')) {
      places.set(element, { article, order });
      if (!leads.some((lead) => lead.element.contains(element)) && !element.closest(`[${CHROME_ATTRIBUTE}]`) && isLead(element))
        leads.push({ element, article, order });
      order++;
    }
  }
  return { places, leads, boxLines };
}

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Readability's measure of how much a heading repeats the title: the share of its letters in words of the title. */
function similarity(title: ReadonlySet<string>, heading: readonly string[]): number {
  const foreign = heading.filter((word) => !title.has(word)).join(' ').length;
  return 1 - foreign / heading.join(' ').length;
}

/**
 * Readability removes the first <h1> or <h2> it meets that mostly repeats the page's title, taking it for the
 * headline. When the real headline sat in a header it had already dropped, that is the article's first subheading
 * ("The recordings" under "… opens with secret recordings"): such short headings are made <h3>, which it leaves.
 */
function protectSubheadings(doc: Document, titles: readonly string[]) {
  const titleWords = titles.map((title) => new Set(words(title))).filter((set) => set.size);
  if (!titleWords.length) return;
  const longest = Math.max(...titles.map((title) => title.length));
  for (const heading of doc.querySelectorAll('h1, h2')) {
    const text = textOf(heading);
    const own = words(text);
    if (!own.length || text.length >= longest * 0.6) continue;
    if (!titleWords.some((set) => similarity(set, own) > 0.7)) continue;
    retag(heading, 'h3');
  }
}

/**
 * Readability turns a blank line made of line breaks (`<br><br>`) into a paragraph holding the inline text after
 * it, but only text it counts as inline, and it renames <font> to <span> only after that: on pages of the 2000s,
 * where every paragraph sits in a <font>, the break is lost and a byline, the article's paragraphs and the links
 * under them run into one line. Renamed first, they stay apart.
 */
function fontsToSpans(doc: Document) {
  for (const font of doc.querySelectorAll('font')) retag(font, 'span');
}

/** Puts an element of another tag, with the same attributes and children, in the place of one. */
function retag(element: Element, tag: string) {
  const replacement = element.ownerDocument.createElement(tag);
  for (const attribute of Array.from(element.attributes)) replacement.setAttribute(attribute.name, attribute.value);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.parentNode?.replaceChild(replacement, element);
}

/** Class words of a standfirst, the sentence or two under a headline. */
const STANDFIRST = new Set(['standfirst', 'summary', 'subtitle', 'subheadline', 'intro', 'lead', 'lede', 'dek', 'deck', 'chapo', 'chapeau', 'description', 'excerpt', 'strapline', 'abstract']);

function isStandfirst(element: Element): boolean {
  const classes = classWords(element);
  if (!(classes.some((word) => STANDFIRST.has(word)) || classes.join(' ').includes('sub title'))) return false;
  const text = textOf(element);
  const linked = Array.from(element.querySelectorAll('a'), textOf).join('').length;
  // Chinese says in 20 characters what English says in 40.
  const shortest = /[\p{Script=Han}]/u.test(text) ? 15 : 40;
  return text.length >= shortest && text.length <= 800 && linked < text.length / 3 && !element.querySelector('h1');
}

/** A standfirst (by its class), or a picture with its caption: what a header holds besides the headline. */
function isLead(element: Element): boolean {
  if (element.tagName.toUpperCase() === 'FIGURE') return Boolean(element.querySelector('figcaption')) && textOf(element).length <= 500;
  return /^(P|DIV|H2)$/i.test(element.tagName) && isStandfirst(element);
}

/**
 * Puts back what Readability left out of the article's header above its text: the standfirst and the lead picture
 * with its caption. Only those of the <article> the text came from, and only those that stood before its body (the
 * element holding most of its paragraphs), where they are put back.
 */
function restoreLead(content: Element, { places, leads }: PageNotes) {
  let body: { element: Element; article: Element; order: number; paragraphs: number } | null = null;
  for (const element of content.querySelectorAll('*')) {
    const place = places.get(element);
    if (!place) continue;
    let paragraphs = 0;
    for (const child of element.children) if (child.tagName.toUpperCase() === 'P') paragraphs++;
    if (!body || paragraphs > body.paragraphs) body = { element, ...place, paragraphs };
  }
  if (!body || content.contains(body.article)) return;
  const { article, order } = body;
  const restored = leads.filter(
    (lead) => lead.article === article && lead.order < order && !content.contains(lead.element) && !lead.element.closest(`[${CHROME_ATTRIBUTE}]`),
  );
  const parent = body.element.parentNode ?? content;
  for (const { element } of restored) parent.insertBefore(element, body.element);
}

/** A credit at the end of a caption: "… in Antwerp. Photo: AP", "（图片来源：新华社）". */
const CREDIT_IN_CAPTION =
  /^([\s\S]*?)\s*([(（]\s*)?((?:(?:photo(?:graph)?s?|fotos?|images?|bild|picture|credits?|crédits?(?: photo)?|illustration|map|karte|carte|mapa|zdjęcie|źródło|quelle|fuente|bron|fonte)\s*[:：]|fot\.|©|copyright\b|图片来源|图片\s*[:：]|摄影\s*[:：])[\s\S]*)$/iu;

function isCaption(element: Element): boolean {
  if (element.tagName.toUpperCase() === 'FIGCAPTION') return true;
  const classes = classWords(element);
  return classes.some((word) => word === 'caption' || word === 'descr' || word === 'legend' || word === 'legende' || word === 'img_descr');
}

/** Splits a credit run into a caption off into an element of its own, marked as chrome. */
function splitCredits(caption: Element) {
  const doc = caption.ownerDocument;
  const texts: Node[] = [];
  const collect = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling)
      if (child.nodeType === TEXT_NODE) texts.push(child);
      else if (child.nodeType === ELEMENT_NODE && !(child as Element).hasAttribute(CHROME_ATTRIBUTE)) collect(child);
  };
  collect(caption);
  for (const node of texts) {
    const value = node.nodeValue ?? '';
    const match = CREDIT_IN_CAPTION.exec(value);
    if (!match) continue;
    const [, before = '', open = '', credit = ''] = match;
    const parent = node.parentNode as Element | null;
    if (!parent) continue;
    if (!before.trim()) {
      // The whole text is the credit: mark its own element when it holds nothing else.
      if (parent !== caption && textOf(parent) === value.trim()) parent.setAttribute(CHROME_ATTRIBUTE, 'Picture credit');
      else replaceWithCredit(doc, node, '', `${open}${credit}`);
      continue;
    }
    // Only after a finished sentence, or in brackets: "Map: the route" inside a caption is the caption's own words.
    if (!open && !/[.!?。…)”"]\s*$/.test(before)) continue;
    replaceWithCredit(doc, node, before, `${open}${credit}`);
  }
}

function replaceWithCredit(doc: Document, node: Node, before: string, credit: string) {
  const span = doc.createElement('span');
  span.setAttribute(CHROME_ATTRIBUTE, 'Picture credit');
  span.textContent = credit.trim();
  node.nodeValue = before;
  node.parentNode!.insertBefore(span, node.nextSibling);
}

/**
 * Finishes the article Readability found: puts its lead back, splits credits from captions, marks the site's boxes
 * inside it, and drops the classes it was asked to keep for this (the reader never shows them).
 */
export function finishArticle(content: Element, notes: PageNotes) {
  restoreLead(content, notes);
  const total = textOf(content).length;
  for (const element of content.querySelectorAll('*')) {
    if (isCaption(element)) splitCredits(element);
    if (element.hasAttribute(CHROME_ATTRIBUTE) || element.closest(`[${CHROME_ATTRIBUTE}]`)) continue;
    const found = classReason(element);
    if (!found) continue;
    const length = textOf(element).length;
    if (length > 0 && length <= found.maxChars && length < total / 2) element.setAttribute(CHROME_ATTRIBUTE, found.reason);
  }
  for (const element of content.querySelectorAll('[class]')) element.removeAttribute('class');
  content.removeAttribute('class');
}
