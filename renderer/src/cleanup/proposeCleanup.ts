/**
 * Proposes which lines of a web page's text are the site's chrome rather than the article: menus, advertisement
 * labels, share buttons, newsletter boxes, "Related" and tags lists, breadcrumbs, credits, author boxes, cookie
 * notices, repeated captions and pull quotes. Pure: no DOM, no database. For text pasted in the app it only proposes,
 * and the researcher decides; at import the importer removes what it proposes (`chromeToRemove`), and the reader
 * lists each removed line with its reason so that any can be put back. When in doubt a line is kept, because losing
 * a sentence of the article costs more than leaving a stray "Share" behind.
 */
import type { RemovedLine } from '../../../shared/domain';

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

/** What is known about the text besides its lines, which makes more of them recognisable. */
export interface CleanupContext {
  /**
   * The text is an article extracted from a saved page: what sits above its first sentence or below its last
   * (headline, kicker, byline, date, reading time) is not part of the story.
   */
  extracted?: boolean;
  /** The document's title: a first line that repeats it is the headline, which is kept as the title. */
  title?: string | null;
  /** The document's authors: a short line naming them above or below the article is its byline. */
  authors?: readonly string[];
  /** Lines already known to be chrome (from the page's markup), by index, with the reason. */
  known?: ReadonlyMap<number, string>;
  /**
   * Only reasons sure in any document will be used (see chromeToRemove): the rules that read a line in its context
   * (runs of menu items, lists under headings, repeats, pull quotes), which are never sure, are left out.
   */
  onlySure?: boolean;
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
      'story continues below advertisement', 'article continues below', 'adv', 'werbeanzeige', 'annuncio', '广告',
      '廣告', '推广', 'sponsorowane', 'gesponsord',
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
      'compartir', 'condividi', 'udostępnij', 'delen', 'compartilhar', 'paylaş', 'share full article', 'share article',
      'share this post', 'share this page', 'email this', 'print this story', 'email this story', 'print this article',
      'email this article', 'print this page', 'email this page', 'printer-friendly version', 'printer friendly version',
      'send to a friend', 'email to a friend', 'blogthis!', 'share to x', 'share to twitter',
      'share to facebook', 'share to pinterest', 'copier le lien', 'link kopieren', 'copiar enlace', 'kopiuj link',
      'link kopiëren', 'copia link', 'copiar link', 'deel dit artikel', 'compartir esta noticia', 'udostępnij artykuł',
      'condividi questo articolo', 'partilhar', 'partilhar este artigo', 'beitrag teilen', '分享', '分享到', '复制链接',
      'whatsapp', 'e-mail', 'qq空间', '微信', '微博',
    ),
  },
  {
    reason: 'Newsletter box',
    phrases: phrases(
      'newsletter', 'newsletters', 'sign up', 'sign up now', 'subscribe', 'subscribe now', 'subscribe for free',
      'get the newsletter', 'sign up for our newsletter', 'abonnieren', 'newsletter abonnieren', "s'abonner",
      's’abonner', "je m'abonne", 'suscríbete', 'suscribirse', 'zapisz się', 'subskrybuj', 'iscriviti', 'abonneren',
      'assine', 'inscreva-se', 'subscrever', 'nieuwsbrief', 'aanmelden', 'boletín', 'inscrivez-vous à notre newsletter',
      '订阅', 'subscribe to our newsletter', 'get our newsletter', 'sign up for our newsletters', 'free newsletter',
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
      'lesen sie auch', 'lea también', 'more from author', 'more from this author', 'related posts', 'related content',
      'related reading', 'further reading', 'mais lidas', 'leia mais', 'lees meer', 'mehr lesen', 'weiterlesen',
      'lire la suite', 'leer más', 'czytaj więcej', 'zobacz również', 'das könnte sie auch interessieren',
      'empfehlungen', 'artículos relacionados', 'articles similaires', 'gerelateerde artikelen', 'powiązane artykuły',
      'articoli correlati', 'artigos relacionados', '相关新闻', '相关阅读', '延伸阅读', '热门排行', '热门文章', '推荐阅读',
      '猜你喜欢', '相关推荐',
    ),
  },
  {
    reason: 'Comments counter or button',
    phrases: phrases(
      'comments', 'comment', 'leave a comment', 'add a comment', 'view comments', 'show comments', 'join the conversation',
      'kommentare', 'commentaires', 'comentarios', 'komentarze', 'commenti', 'reacties', 'leave a reply',
      'post a comment', 'kommentar schreiben', 'laisser un commentaire', 'deja un comentario', 'dodaj komentarz',
      'plaats een reactie', 'lascia un commento', 'deixe um comentário', 'comentários', '我要评论', '评论', '发表评论',
      'discussion about this post', 'post comments (atom)', 'subscribe to: post comments (atom)',
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
      'startseite', 'accueil', 'inicio', 'strona główna', 'previous article', 'next article', 'previous post',
      'next post', 'newer post', 'older post', 'article précédent', 'article suivant', 'vorheriger artikel',
      'nächster artikel', 'artículo anterior', 'artículo siguiente', 'poprzedni artykuł', 'następny artykuł',
      'vorig artikel', 'volgend artikel', 'articolo precedente', 'articolo successivo', 'artigo anterior',
      'artigo seguinte', '上一篇', '下一篇', '返回顶部', '首页', 'reuse this content', 'order reprints', "today's paper",
      'today’s paper', 'skip to main content', 'blog archive', 'powered by blogger',
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

/** What share rows are made of: the networks' names and the words around them. */
const SHARE_WORDS = phrases(
  ...CHROME_PHRASES.find((group) => group.reason === 'Share button')!.phrases,
  'x', 'bluesky', 'line', 'viber', 'xing', 'tumblr', 'weibo', 'qq好友', 'qq', 'sms', 'close button', 'more',
);

/** Share verbs alone ("Share", "Teilen", "Share this article"), which no authored document writes on a line alone. */
const SHARE_VERBS = phrases(
  'share', 'share this', 'share this article', 'share this story', 'share article', 'share full article',
  'share this post', 'share this page', 'share on facebook', 'share on twitter', 'share on x', 'share via email',
  'teilen', 'artikel teilen', 'beitrag teilen', 'partager', 'partager cet article', 'compartir', 'compartir esta noticia',
  'condividi', 'condividi questo articolo', 'udostępnij', 'udostępnij artykuł', 'delen', 'deel dit artikel',
  'compartilhar', 'partilhar', 'partilhar este artigo', 'paylaş', '分享', '分享到', 'copy link', 'copy the link',
);

/** Headings of the box about the author that some sites put at the end of an article. */
const AUTHOR_BOX = phrases(
  'about the author', 'about the authors', 'about me', 'über den autor', 'über die autorin', 'über die autoren',
  'à propos de l’auteur', "à propos de l'auteur", 'à propos de l’autrice', "à propos de l'autrice", 'sobre el autor',
  'sobre la autora', 'o autorze', 'o autorce', 'over de auteur', 'over de auteurs', 'l’autore', "l'autore",
  'l’autrice', "l'autrice", 'sobre o autor', 'sobre a autora', '作者简介', '关于作者',
);

/** What headings of lists of other articles begin with, beyond the phrase lists: "Related links", "More from …". */
const RELATED_HEADING =
  /^(related|more (from|on|in|about)|recommended|further|also on|other (stories|articles)|mehr (von|aus|zum)|weitere|plus (de|d’|d')|autres|más (de|sobre)|otras|więcej|inne|meer (van|over)|altri|altre|mais (de|sobre)|outros|相关|更多)\b/iu;

/** Headings of a list of the site's tags, followed by the tags one a line. */
const TAGS_HEADINGS = phrases(
  'tags', 'topics', 'labels', 'keywords', 'schlagworte', 'schlagwörter', 'themen', 'mots-clés', 'mots clés', 'sujets',
  'etiquetas', 'temas', 'archivado en', 'tagi', 'tematy', 'trefwoorden', 'onderwerpen', 'tag', 'argomenti', 'assuntos',
  '标签', '关键词', '文章关键词',
);

/** A line listing the site's tags: "Tags: Courts, Customs", "Schlagworte: Zoll Hafen". */
const TAGS_LINE = new RegExp(`^(${[...TAGS_HEADINGS].map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*[:：]\\s*\\S`, 'iu');

/**
 * Whether words are one of the site's buttons, labels or headings of the phrase lists ("Newsletter", "Share",
 * "Read more", "Comments", "Tags"), which a line of its own holding them is. Section names (MENU_WORDS: "Europe",
 * "Business") are left out: alone in a sentence they are the article's words.
 */
export function isSiteWording(words: string): boolean {
  const key = keyOf(words);
  return PHRASE_REASON.has(key) || AUTHOR_BOX.has(key) || TAGS_HEADINGS.has(key);
}

/** The line as the phrase lists spell it: lower case, single spaces, without bullets and trailing punctuation. */
function keyOf(line: string): string {
  // Normalising costs more than the rest together; plain ASCII has nothing to normalise.
  return (/[^\x00-\x7f]/.test(line) ? line.normalize('NFKC') : line)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[•·|›»>*#\-–—\s]+/, '')
    .replace(/[\s•·|:：›»>\-–—*.!…]+$/, '');
}

const isBlank = (line: string) => line.trim() === '';
const wordCount = (line: string) => line.trim().split(/\s+/).filter(Boolean).length;
const hasLetterOrDigit = (line: string) => /[\p{L}\p{N}]/u.test(line);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A sentence or more of running text: what an article is made of, and what chrome rarely is. */
function isProse(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length >= 120) return true;
  // Chinese and Japanese write no spaces between words: a sentence is told by its length and its full stop.
  if (CJK.test(trimmed)) return trimmed.length >= 15 && /[。！？!?…」”）)]$/.test(trimmed);
  return wordCount(trimmed) >= 8 && /[.!?…"”’»)]$/.test(trimmed);
}

/** Words glued together by a copy from a page whose buttons had no spaces between them: "Share this articleComments". */
function gluedSegments(line: string): string[] {
  return GLUED.test(line) ? line.trim().split(/(?<=\p{Ll})(?=\p{Lu})/u) : [line];
}

const GLUED = /\p{Ll}\p{Lu}/u;

/** The first word of each share phrase: a row of share buttons starts with one. */
const SHARE_FIRST_WORDS = new Set([...SHARE_WORDS].map((phrase) => phrase.split(' ')[0]!));

/** Whether a line is nothing but share buttons in a row: "Whatsapp Facebook Pinterest", "分享到： 微信 微博". */
function isShareRow(key: string): boolean {
  const words = key.split(/[\s|·•,;:：、/]+/).filter(Boolean);
  if (words.length < 2 || words.length > 20 || !SHARE_FIRST_WORDS.has(words[0]!)) return false;
  let buttons = 0;
  for (let at = 0; at < words.length; ) {
    if (!SHARE_FIRST_WORDS.has(words[at]!)) return false;
    // The longest phrase of the list starting here ("share on facebook" before "share").
    let matched = 0;
    for (let length = Math.min(4, words.length - at); length > 0 && !matched; length--)
      if (SHARE_WORDS.has(words.slice(at, at + length).join(' '))) matched = length;
    if (!matched) return false;
    buttons++;
    at += matched;
  }
  return buttons >= 2;
}

const COMMENT_COUNT = /^\d[\d.,\s]*\s*(comments?|kommentare?|commentaires?|comentarios?|komentarz[ey]?|commenti|reacties|条评论)$/i;
const CREDIT =
  /^[(（]?(©|\(c\)|copyright\b|photo(graph)?\s*:|photos?\s*:|image\s*:|picture\s*:|credit\s*:|crédit( photo)?\s*:|foto\s*:|fotos\s*:|fot\.|zdjęcie\s*:|bild\s*:|illustration\s*:|map\s*:|karte\s*:|carte\s*:|mapa\s*:|źródło\s*:|quelle\s*:|source\s*:|fuente\s*:|bron\s*:|fonte\s*:|图片来源|图片\s*[:：]|图\s*[/／:：]|摄影\s*[:：])/i;
const READ_MORE_LINK =
  /^(read more|read also|see also|related|also read|more|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr dazu|leer más|lea también|czytaj (też|także|również)|zobacz (też|także)|leggi anche|lees ook|leia também|延伸阅读|相关阅读|推荐阅读)\s*[:：|»›–—-]\s*\S/i;
const COPYRIGHT_YEAR = /^(©|\(c\)|copyright)\s*(©\s*)?(19|20)\d\d\b/i;
const ALL_RIGHTS =
  /all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|wszelkie prawa zastrzeżone|alle rechten voorbehouden|tutti i diritti riservati|todos os direitos reservados|版权所有/i;
/** A line naming who edited or sent the article, as Chinese portals end one: "责任编辑：王某", "来源：新华网". */
const EDITOR_LINE = /^[（(]?(责任编辑|编辑|记者|来源|作者|原标题|本文来源|校对|审核)\s*[:：]/;
const READING_TIME =
  /^(\d+\s*(min\.?|mins?|minutes?|minuten|minutos|minuti|minut)\s*(read|lesezeit|de lecture|lectura|leestijd|czytania|lettura|leitura)|(lesezeit|temps de lecture|lectura|leestijd|czas czytania|lettura|leitura|reading time|阅读时间)\s*[:：]?\s*\d+\s*\S*)$/i;
const BYLINE = /^(by|von|par|por|door|di|de|autor|autorka|author|written by|text|tekst|texte|reportage)\b\s*[:：]?\s*\p{Lu}/iu;
const BREADCRUMB_SEPARATOR = /\s(?:›|>|»|\/|→|\|)\s/;
const COOKIE_NOTICE = /\bcookies?\b|cookie/i;
const COOKIE_CONSENT =
  /\b(we use|we and our partners|this (site|website) uses|your (browsing )?experience|by continuing|accept all|cookie settings|consent to)\b|nous utilisons|wir verwenden|utilizamos|używamy|wij gebruiken|utilizziamo|本网站使用/i;

/** Words a date or time stamp may contain besides digits and separators. */
const DATE_WORDS =
  /\b(published|updated|posted|last|on|at|am|pm|gmt|utc|cet|cest|bst|edt|est|ago|hours?|hrs?|minutes?|mins?|seconds?|days?|yesterday|today|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?|janv(ier)?|févr(ier)?|mars|avr(il)?|mai|juin|juil(let)?|août|sept(embre)?|oct(obre)?|nov(embre)?|déc(embre)?|januar|februar|märz|april|juni|juli|oktober|dezember|uhr|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|januari|februari|maart|mei|augustus|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|le|el|am|um|de|du|à|o|godz|op|il|di|a)\b\.?/giu;

/** A line that only says when: "09/03/2021 - 14:23", "Updated 3 hours ago", "9 March 2021, 10:05 CET", "2023年7月19日". */
function isDateStamp(line: string): boolean {
  if (!/\d/.test(line) || line.length > 80) return false;
  return line.toLowerCase().replace(DATE_WORDS, ' ').replace(/[\d\s/.:,\-–—•·|+()年月日时分]/g, '') === '';
}

/** A count shown by a button: "18", "1.2K", "3,4 k". */
const COUNTER = /^\d{1,6}$|^\d{1,3}([.,]\d)?\s?[kKmM]$/;

const PROMOTION =
  /\b(sign(ing)? up|subscribe|subscription|unsubscribe|inbox|newsletter|privacy policy|download (the|our) app|follow us|embed|copy\/paste|copy link)\b/i;

/** Weak signs: chrome only when chrome is next to them, since an article may say such things in passing. */
function weakReason(line: string): string | null {
  const trimmed = line.trim();
  if (isDateStamp(trimmed)) return 'Date stamp among page chrome';
  if (COUNTER.test(trimmed)) return 'Counter among page chrome';
  if (trimmed.length <= 200 && PROMOTION.test(trimmed)) return 'Newsletter or promotion among page chrome';
  return null;
}

/** The reason a single line is chrome on its own, or null. */
function strongReason(line: string): string | null {
  // Every rule below is about short lines: a paragraph of running text is none of these.
  if (line.length > 400 && line.trim().length > 400) return null;
  const key = keyOf(line);
  if (!key) return null;
  const phrase = PHRASE_REASON.get(key);
  if (phrase) return phrase;
  if (AUTHOR_BOX.has(key)) return 'Heading of the author box';
  const segments = gluedSegments(line);
  if (segments.length > 1) {
    const keys = segments.map(keyOf);
    if (keys.every((segment) => PHRASE_REASON.has(segment) || MENU_WORDS.has(segment)))
      return 'Menu items or buttons run together';
  }
  const trimmed = line.trim();
  if (isShareRow(key)) return 'Share buttons in a row';
  if (COMMENT_COUNT.test(trimmed)) return 'Comments counter or button';
  if (CREDIT.test(trimmed) && wordCount(trimmed) <= 14 && !/\.$/.test(trimmed) && trimmed.length <= 120) return 'Picture credit or copyright';
  if (trimmed.length <= 200 && (COPYRIGHT_YEAR.test(trimmed) || ALL_RIGHTS.test(trimmed))) return 'Copyright notice';
  if (READ_MORE_LINK.test(trimmed) && trimmed.length <= 200) return 'Link to another article';
  if (EDITOR_LINE.test(trimmed) && trimmed.length <= 60) return 'Editor or source line';
  if (READING_TIME.test(key)) return 'Reading time';
  if (TAGS_LINE.test(trimmed) && trimmed.length <= 300 && !isProse(trimmed)) return 'Tags';
  if (isButtonRow(trimmed)) return 'Buttons or menu items in a row';
  if (isBreadcrumb(trimmed)) return 'Breadcrumbs';
  if (trimmed.length <= 400 && COOKIE_NOTICE.test(trimmed) && COOKIE_CONSENT.test(trimmed)) return 'Cookie notice';
  return null;
}

/** "Print this story | Email this story | Comments (3)": buttons or menu items between bars, each known for what it is. */
function isButtonRow(line: string): boolean {
  if (line.length > 200) return false;
  const items = line.split(/\s+[|·•]\s+/).map((item) => keyOf(item.replace(/\s*[([]\d+[)\]]$/, '')));
  return items.length >= 2 && items.every((item) => PHRASE_REASON.has(item) || MENU_WORDS.has(item));
}

/** "Home › World › Europe": short items between arrows or slashes, the first of them a home page. */
function isBreadcrumb(line: string): boolean {
  if (line.length > 200 || !BREADCRUMB_SEPARATOR.test(line)) return false;
  const items = line.split(/\s*(?:›|>|»|\/|→|\|)\s*/).filter(Boolean);
  if (items.length < 2 || items.some((item) => wordCount(item) > 12)) return false;
  return PHRASE_REASON.get(keyOf(items[0]!)) === 'Site navigation' || items.length >= 3;
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
  return trimmed.length <= 160 && words <= 25 && !/[.。]$/.test(trimmed);
}

/** Lower case, accents and punctuation aside: how a line is compared with the title or an author's name. */
const folded = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const MAX_RELATED_ITEMS = 15;
/** Beyond this many lines, the search for a line's words inside another line is left out: it grows with the square. */
const MAX_LINES_FOR_CONTAINED_REPEATS = 3_000;

/** Marks each line (40 to 400 characters) whose words stand inside a longer line of the text that is not chrome. */
function markContainedRepeats(content: readonly CleanupLine[], mark: (line: CleanupLine, reason: string) => void) {
  const keys = content.map((line) => line.text.replace(/\s+/g, ' ').trim());
  const starts: number[] = [];
  let joined = '';
  for (const key of keys) {
    starts.push(joined.length);
    joined += `${key}\n`;
  }
  /** The line an offset of `joined` falls in. */
  const lineAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  content.forEach((line, position) => {
    const key = keys[position]!;
    if (line.chrome || key.length < 40 || key.length > 400) return;
    for (let at = joined.indexOf(key); at >= 0; at = joined.indexOf(key, at + 1)) {
      const other = lineAt(at);
      if (other === position || content[other]!.chrome || keys[other]!.length <= key.length) continue;
      mark(line, `Repeats words of line ${content[other]!.index + 1}`);
      return;
    }
  });
}

export function proposeCleanup(text: string, context: CleanupContext = {}): CleanupProposal {
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

  // Lines the page's markup already showed to be chrome.
  for (const [index, reason] of context.known ?? []) if (lines[index] && !isBlank(lines[index].text)) mark(lines[index], reason);

  // Lines that are chrome by themselves.
  for (const line of content) {
    const reason = strongReason(line.text);
    if (reason) mark(line, reason);
  }
  // Only reasons found line by line can be sure in any document: the rules of context below are not needed.
  if (context.onlySure) return { lines };

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

  // A pull quote: a sentence of the article shown again, larger, on a line of its own.
  if (lines.length <= MAX_LINES_FOR_CONTAINED_REPEATS) markContainedRepeats(content, mark);

  // Lists of other articles under a "Related" or "You might also like" heading, and of tags under "Tags".
  // A heading known from the phrase lists leads its list whatever marked it; one that only reads like such a heading
  // ("Related links", "More from Jane Doe") does when at least two headlines follow it.
  const title = context.title ? folded(context.title) : '';
  content.forEach((line, position) => {
    const heading = line.text.trim();
    const key = keyOf(heading);
    const tags = TAGS_HEADINGS.has(key) && (!line.chrome || line.reason === 'Tags');
    const known = PHRASE_REASON.get(key) === 'Heading of a list of other articles';
    const likely = !known && !tags && RELATED_HEADING.test(key) && heading.length <= 60;
    if (!known && !tags && !likely) return;
    const items: CleanupLine[] = [];
    for (const next of content.slice(position + 1)) {
      // The headline under a sidebar's list is where the article starts, not one more item.
      if (title && folded(next.text) === title) break;
      if (items.length >= MAX_RELATED_ITEMS || !(tags ? isMenuItem(next.text) || next.text.length <= 40 : isHeadline(next.text))) break;
      items.push(next);
    }
    // A heading "Topics" over a paragraph is the article's own; over a run of short items it is the site's.
    if ((tags || likely) && items.length < 2) return;
    if (tags) mark(line, 'Heading of the tags list');
    if (likely) mark(line, 'Heading of a list of other articles');
    for (const item of items) mark(item, tags ? 'In the tags list' : `In the “${heading.replace(/[\s:：]+$/, '')}” list`);
  });

  // The author box: its heading and the few lines after it, when they end the text.
  content.forEach((line, position) => {
    if (!AUTHOR_BOX.has(keyOf(line.text))) return;
    const rest = content.slice(position + 1);
    if (rest.length <= 3 && rest.every((next) => next.text.length <= 600)) for (const next of rest) mark(next, 'In the author box');
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

  if (context.extracted) markAroundTheArticle(content, context, mark);

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
 * In an article extracted from a page, what stands above its body or below its last sentence without being part of
 * the story: the headline (kept as the title), a section label, the byline, the date and the reading time. The body
 * starts at the first of two sentences in a row: a standfirst may stand above the byline and date.
 */
function markAroundTheArticle(content: readonly CleanupLine[], context: CleanupContext, mark: (line: CleanupLine, reason: string) => void) {
  const title = context.title ? folded(context.title) : '';
  const authors = (context.authors ?? []).map(folded).filter((name) => name.length >= 3);
  // The story's own lines, chrome found so far aside: a caption repeated with its credit is no second sentence.
  const story = content.filter((line) => !line.chrome);
  const prose = story.map((line) => isProse(line.text));
  const firstProse = story[prose.indexOf(true)]?.index ?? Infinity;
  const lastProse = story[prose.lastIndexOf(true)]?.index ?? -Infinity;
  const bodyAt = prose.findIndex((isSentence, position) => isSentence && prose[position + 1]);
  const bodyStart = bodyAt >= 0 ? story[bodyAt]!.index : firstProse;
  const headline = story[0];
  if (headline && title && headline.index < bodyStart && folded(headline.text) === title) mark(headline, 'The headline, kept as the title');
  for (const line of content) {
    const above = line.index < bodyStart;
    if (line.chrome || !(above || line.index > lastProse)) continue;
    const trimmed = line.text.trim();
    const words = folded(trimmed);
    if (COUNTER.test(trimmed)) mark(line, 'Counter of likes or comments');
    else if (isDateStamp(trimmed)) mark(line, above ? 'Date above the article' : 'Date below the article');
    else if (trimmed.length <= 160 && !isProse(trimmed) && authors.some((name) => ` ${words}`.includes(` ${name}`))) mark(line, 'Byline');
    else if (trimmed.length <= 80 && wordCount(trimmed) <= 8 && BYLINE.test(trimmed) && !/[.!?]$/.test(trimmed)) mark(line, 'Byline');
    else if (line.index < firstProse && trimmed.length <= 25 && wordCount(trimmed) <= 2 && /^\p{L}/u.test(trimmed) && !/[.,;:!?。]$/.test(trimmed) && !CJK.test(trimmed))
      mark(line, 'Section label above the article');
  }
}

/** Reasons sure enough to act on in a document someone wrote (Word, Markdown), where a short line may be a heading. */
const SURE_IN_ANY_DOCUMENT = new Set([
  'Advertisement label',
  'Newsletter box',
  'Cookie notice',
  'Share buttons in a row',
  'Menu items or buttons run together',
]);

/**
 * The lines an importer takes out of a document's text as site chrome, each with its reason. For a saved web page
 * (`sure: false`), everything the proposer and the page's markup find; for a document someone wrote, such as a Word
 * file or Markdown notes that may have been saved from a web page, only what cannot be the author's own text:
 * advertisement labels, share buttons, newsletter and cookie notices.
 */
export function chromeToRemove(text: string, options: CleanupContext = {}): RemovedLine[] {
  const { onlySure } = options;
  const proposal = proposeCleanup(text, options);
  const removed: RemovedLine[] = [];
  for (const line of proposal.lines) {
    if (!line.chrome || !line.reason) continue;
    if (onlySure && !SURE_IN_ANY_DOCUMENT.has(line.reason) && !(line.reason === 'Share button' && SHARE_VERBS.has(keyOf(line.text)))) continue;
    removed.push({ index: line.index, text: line.text, reason: line.reason });
  }
  // Never the whole text: a document that is all "chrome" is better kept as it is.
  return removed.length && removed.length < proposal.lines.filter((line) => !isBlank(line.text)).length ? removed : [];
}
