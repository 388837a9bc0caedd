/**
 * Proposes which lines of a web page copied as plain text are the site's chrome rather than the article: menus,
 * advertisement labels, share buttons, newsletter boxes, "Related" lists, cookie notices, repeated captions. It only
 * proposes: the researcher sees every line with its reason and decides. When in doubt a line is kept, because losing
 * a sentence of the article costs more than leaving a stray "Share" behind.
 */

export interface CleanupLine {
  /** The line's index in `text.split(/\r?\n/)`. */
  index: number;
  text: string;
  /** True when the line looks like page chrome and is proposed for removal. */
  chrome: boolean;
  /** Why it looks like chrome, in a few words; null for lines kept. */
  reason: string | null;
}

export interface CleanupProposal {
  lines: CleanupLine[];
}

const phrases = (...items: string[]) => new Set(items);

/** Whole lines that are always chrome, in several languages, grouped by what they are. */
const CHROME_PHRASES: { reason: string; phrases: Set<string> }[] = [
  {
    reason: 'Advertisement label',
    phrases: phrases(
      'advertisement', 'advertising', 'ad', 'ads', 'sponsored', 'sponsored content', 'paid content', 'partner content',
      'publicité', 'pub', 'werbung', 'anzeige', 'publicidad', 'pubblicità', 'reklama', 'advertentie', 'annonce',
      'reklame', 'publicidade', 'reklam', 'реклама', 'scroll to continue with content', 'continue reading below',
      'story continues below advertisement', 'article continues below',
    ),
  },
  {
    reason: 'Share button',
    phrases: phrases(
      'share', 'share this', 'share this article', 'share this story', 'share on facebook', 'share on twitter',
      'share on x', 'share via email', 'tweet', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'telegram',
      'messenger', 'reddit', 'pinterest', 'flipboard', 'vk', 'bluesky', 'threads', 'mastodon', 'email', 'e-mail',
      'mail', 'send', 'print', 'copy', 'copy link', 'copy the link', 'link copied', 'copied', 'save', 'save article',
      'bookmark', 'gift article', 'listen to this article', 'teilen', 'artikel teilen', 'partager', 'partager cet article',
      'compartir', 'condividi', 'udostępnij', 'delen', 'compartilhar', 'paylaş',
    ),
  },
  {
    reason: 'Newsletter box',
    phrases: phrases(
      'newsletter', 'newsletters', 'sign up', 'sign up now', 'subscribe', 'subscribe now', 'subscribe for free',
      'get the newsletter', 'sign up for our newsletter', 'abonnieren', 'newsletter abonnieren', "s'abonner",
      's’abonner', "je m'abonne", 'suscríbete', 'suscribirse', 'zapisz się', 'subskrybuj', 'iscriviti', 'abonneren',
      'assine', 'inscreva-se',
    ),
  },
  {
    reason: 'Heading of a list of other articles',
    phrases: phrases(
      'related', 'related articles', 'related stories', 'related news', 'related content', 'related topics',
      'read more', 'read next', 'more stories', 'more news', 'more on this story', 'more on this topic',
      'you might also like', 'you may also like', 'you might be interested in', 'recommended', 'recommended for you',
      'most read', 'most popular', 'most viewed', 'trending', 'trending now', 'top stories', 'latest news',
      'editor’s picks', "editor's picks", 'more from this section', 'lire aussi', 'à lire aussi', 'sur le même sujet',
      'les plus lus', 'mehr zum thema', 'auch interessant', 'das könnte sie auch interessieren', 'meistgelesen',
      'te puede interesar', 'también te puede interesar', 'noticias relacionadas', 'lo más leído', 'czytaj też',
      'czytaj także', 'czytaj również', 'zobacz też', 'zobacz także', 'polecamy', 'najczęściej czytane',
      'leggi anche', 'potrebbe interessarti', 'i più letti', 'lees ook', 'meest gelezen', 'veja também', 'leia também',
    ),
  },
  {
    reason: 'Comments counter or button',
    phrases: phrases(
      'comments', 'comment', 'leave a comment', 'add a comment', 'view comments', 'show comments', 'join the conversation',
      'kommentare', 'commentaires', 'comentarios', 'komentarze', 'commenti', 'reacties',
    ),
  },
  {
    reason: 'Site navigation',
    phrases: phrases(
      'home', 'homepage', 'menu', 'main menu', 'navigation', 'search', 'close', 'close button', 'open menu', 'loader',
      'loading', 'skip to content', 'skip to main content', 'back to top', 'top', 'log in', 'login', 'sign in',
      'register', 'my account', 'follow us', 'find us', 'more', 'next', 'previous', 'watch', 'listen', 'play', 'live',
      'download the app', 'get the app', 'about us', 'about', 'contact', 'contact us', 'terms', 'terms of use',
      'terms of service', 'terms and conditions', 'privacy', 'privacy policy', 'cookie policy', 'cookies',
      'accessibility', 'careers', 'jobs', 'advertise', 'advertise with us', 'all rights reserved', 'sitemap', 'imprint',
      'impressum', 'datenschutz', 'mentions légales', 'aviso legal', 'polityka prywatności', 'regulamin', 'kontakt',
      'startseite', 'accueil', 'inicio', 'strona główna',
    ),
  },
  {
    reason: 'Cookie banner button',
    phrases: phrases(
      'accept', 'accept all', 'accept cookies', 'accept all cookies', 'reject all', 'reject', 'decline', 'manage cookies',
      'cookie settings', 'manage preferences', 'manage options', 'i agree', 'agree', 'agree and close', 'got it',
      'alle akzeptieren', 'tout accepter', 'aceptar', 'aceptar todo', 'akceptuję', 'accetta', 'accetto',
    ),
  },
  {
    reason: 'Date label without its date',
    phrases: phrases(
      'published on', 'published', 'updated', 'last updated', 'updated on', 'posted on', 'veröffentlicht am',
      'publié le', 'mis à jour le', 'publicado el', 'actualizado', 'opublikowano', 'aktualizacja', 'pubblicato il',
    ),
  },
];

/** Section names of news sites: chrome in a run of short lines or run together, not alone in an article. */
const MENU_WORDS = phrases(
  'news', 'world', 'europe', 'business', 'economy', 'sport', 'sports', 'culture', 'travel', 'video', 'videos',
  'podcasts', 'podcast', 'events', 'programmes', 'programs', 'shows', 'weather', 'opinion', 'science', 'tech',
  'technology', 'health', 'politics', 'green', 'next', 'my europe', 'lifestyle', 'entertainment', 'latest',
  'live', 'tv', 'radio', 'magazine', 'newsletters', 'newsletter', 'features', 'analysis', 'investigations',
);

const PHRASE_REASON = new Map<string, string>();
for (const group of CHROME_PHRASES) for (const phrase of group.phrases) PHRASE_REASON.set(phrase, group.reason);

/** The line as the phrase lists spell it: lower case, single spaces, without bullets and trailing punctuation. */
function keyOf(line: string): string {
  return line
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[•·|›»>*#\-–—\s]+/, '')
    .replace(/[\s•·|:›»>\-–—*.!…]+$/, '');
}

const isBlank = (line: string) => line.trim() === '';
const wordCount = (line: string) => line.trim().split(/\s+/).filter(Boolean).length;
const hasLetterOrDigit = (line: string) => /[\p{L}\p{N}]/u.test(line);

/** A sentence or more of running text: what an article is made of, and what chrome rarely is. */
function isProse(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= 120 || (wordCount(trimmed) >= 8 && /[.!?…"”’»)]$/.test(trimmed));
}

/** Words glued together by a copy from a page whose buttons had no spaces between them: "Share this articleComments". */
function gluedSegments(line: string): string[] {
  return line.trim().split(/(?<=\p{Ll})(?=\p{Lu})/u);
}

const COMMENT_COUNT = /^\d[\d.,\s]*\s*(comments?|kommentare?|commentaires?|comentarios?|komentarz[ey]?|commenti|reacties)$/i;
const CREDIT = /^(©|\(c\)|copyright\b|photo(graph)?\s*:|image\s*:|picture\s*:|credit\s*:|foto\s*:|fot\.|zdjęcie\s*:|bild\s*:|illustration\s*:)/i;
const READ_MORE_LINK =
  /^(read more|read also|see also|related|also read|more|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr dazu|leer más|lea también|czytaj (też|także|również)|zobacz (też|także)|leggi anche|lees ook|leia também)\s*[:：|»›–—-]\s*\S/i;
const COOKIE_NOTICE = /\bcookies?\b/i;
const COOKIE_CONSENT =
  /\b(we use|we and our partners|this (site|website) uses|your (browsing )?experience|by continuing|accept all|cookie settings|consent to)\b/i;

/** Words a date or time stamp may contain besides digits and separators. */
const DATE_WORDS =
  /\b(published|updated|posted|last|on|at|am|pm|gmt|utc|cet|cest|bst|edt|est|ago|hours?|hrs?|minutes?|mins?|seconds?|days?|yesterday|today|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?|janv(ier)?|févr(ier)?|mars|avr(il)?|mai|juin|juil(let)?|août|sept(embre)?|oct(obre)?|nov(embre)?|déc(embre)?|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|le|el|am|um|de|du|à|o|godz)\b\.?/giu;

/** A line that only says when: "09/03/2021 - 14:23", "Updated 3 hours ago", "9 March 2021, 10:05 CET". */
function isDateStamp(line: string): boolean {
  if (!/\d/.test(line) || line.length > 80) return false;
  return line.toLowerCase().replace(DATE_WORDS, ' ').replace(/[\d\s/.:,\-–—•·|+()]/g, '') === '';
}

const PROMOTION =
  /\b(sign(ing)? up|subscribe|subscription|unsubscribe|inbox|newsletter|privacy policy|download (the|our) app|follow us|embed|copy\/paste|copy link)\b/i;

/** Weak signs: chrome only when chrome is next to them, since an article may say such things in passing. */
function weakReason(line: string): string | null {
  const trimmed = line.trim();
  if (isDateStamp(trimmed)) return 'Date stamp among page chrome';
  if (/^\d{1,6}$/.test(trimmed)) return 'Counter among page chrome';
  if (trimmed.length <= 200 && PROMOTION.test(trimmed)) return 'Newsletter or promotion among page chrome';
  return null;
}

/** The reason a single line is chrome on its own, or null. */
function strongReason(line: string): string | null {
  const key = keyOf(line);
  if (!key) return null;
  const phrase = PHRASE_REASON.get(key);
  if (phrase) return phrase;
  const segments = gluedSegments(line);
  if (segments.length > 1) {
    const keys = segments.map(keyOf);
    if (keys.every((segment) => PHRASE_REASON.has(segment) || MENU_WORDS.has(segment)))
      return 'Menu items or buttons run together';
  }
  const trimmed = line.trim();
  if (COMMENT_COUNT.test(trimmed)) return 'Comments counter or button';
  if (CREDIT.test(trimmed) && wordCount(trimmed) <= 14 && !/\.$/.test(trimmed)) return 'Picture credit or copyright';
  if (READ_MORE_LINK.test(trimmed) && trimmed.length <= 200) return 'Link to another article';
  if (trimmed.length <= 400 && COOKIE_NOTICE.test(trimmed) && COOKIE_CONSENT.test(trimmed)) return 'Cookie notice';
  return null;
}

/** Short items of a menu: a few words, no sentence punctuation, starting with a capital or a digit. */
function isMenuItem(line: string): boolean {
  const trimmed = line.trim();
  return (
    trimmed.length <= 30 &&
    wordCount(trimmed) <= 4 &&
    /^[\p{Lu}\p{N}]/u.test(trimmed) &&
    !/[.,;:?!]$/.test(trimmed) &&
    hasLetterOrDigit(trimmed)
  );
}

/** A title in a list of links to other articles: one line, not ending like a sentence of running text. */
function isHeadline(line: string): boolean {
  const trimmed = line.trim();
  const words = wordCount(trimmed);
  return trimmed.length <= 160 && words <= 25 && !/\.$/.test(trimmed);
}

const MAX_RELATED_ITEMS = 15;

export function proposeCleanup(text: string): CleanupProposal {
  const lines: CleanupLine[] = text.split(/\r?\n/).map((line, index) => ({ index, text: line, chrome: false, reason: null }));
  const mark = (line: CleanupLine, reason: string) => {
    if (line.chrome) return;
    line.chrome = true;
    line.reason = reason;
  };
  const content = lines.filter((line) => !isBlank(line.text));
  const prose = content.filter((line) => isProse(line.text));
  const firstProse = prose[0]?.index ?? Infinity;
  const lastProse = prose.at(-1)?.index ?? -Infinity;

  // Lines that are chrome by themselves.
  for (const line of content) {
    const reason = strongReason(line.text);
    if (reason) mark(line, reason);
  }

  // Lines repeated from earlier in the text (captions shown twice, a standfirst repeated, "Share" bars).
  const seen = new Map<string, number>();
  content.forEach((line, position) => {
    const key = line.text.replace(/\s+/g, ' ').trim();
    // Short lines may repeat in an article by right (speaker labels in an interview); captions and standfirsts are longer.
    if (key.length < 20) return;
    const first = seen.get(key);
    if (first !== undefined) mark(line, `Repeats line ${first + 1}`);
    else seen.set(key, line.index);
    // A caption followed by the same caption with its credit appended.
    for (const previous of content.slice(Math.max(0, position - 2), position)) {
      const earlier = previous.text.replace(/\s+/g, ' ').trim();
      if (earlier.length >= 40 && key !== earlier && key.startsWith(earlier) && key.length - earlier.length <= 120)
        mark(line, `Repeats line ${previous.index + 1} with a credit added`);
    }
  });

  // Lists of other articles under a "Related" or "You might also like" heading.
  content.forEach((line, position) => {
    if (line.reason !== 'Heading of a list of other articles') return;
    const heading = line.text.trim();
    let items = 0;
    for (const next of content.slice(position + 1)) {
      if (items >= MAX_RELATED_ITEMS || !isHeadline(next.text)) break;
      mark(next, `In the “${heading}” list`);
      items++;
    }
  });

  // Runs of short items (menus, footers): chrome when outside the article's prose or mixed with known chrome.
  let run: CleanupLine[] = [];
  const closeRun = () => {
    const outside = run.length > 0 && (run.at(-1)!.index < firstProse || run[0]!.index > lastProse);
    const chrome = run.filter((line) => line.chrome).length;
    if (run.length >= 3 && (outside || chrome * 2 >= run.length))
      for (const line of run) mark(line, `Looks like a menu: ${run.length} short items in a row`);
    run = [];
  };
  for (const line of lines) {
    if (!isBlank(line.text) && (isMenuItem(line.text) || line.chrome)) run.push(line);
    else closeRun();
  }
  closeRun();

  // Weak signs count when chrome sits right next to them; a newly marked line vouches for its neighbour, so one pass
  // down and one up follow every run of them outwards from the chrome.
  const vouchedFor = (line: CleanupLine, neighbour: CleanupLine | undefined) => {
    if (line.chrome || !neighbour?.chrome) return;
    const reason = weakReason(line.text);
    if (reason) mark(line, reason);
  };
  content.forEach((line, position) => vouchedFor(line, content[position - 1]));
  for (let position = content.length - 1; position >= 0; position--) vouchedFor(content[position]!, content[position + 1]);

  return { lines };
}

/**
 * The text without the removed lines. Blank lines left next to a removed line fold into one, so removing an
 * "ADVERTISEMENT" between two paragraphs leaves one blank line between them, not three.
 */
export function keptTextOf(text: string, removed: ReadonlySet<number>): string {
  const kept: string[] = [];
  let afterRemoval = false;
  text.split(/\r?\n/).forEach((line, index) => {
    if (removed.has(index)) {
      afterRemoval = true;
      return;
    }
    if (isBlank(line)) {
      if (afterRemoval && (kept.length === 0 || isBlank(kept.at(-1)!))) return;
    } else {
      afterRemoval = false;
    }
    kept.push(line);
  });
  if (afterRemoval) while (kept.length && isBlank(kept.at(-1)!)) kept.pop();
  return kept.join('\n');
}
