import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../../tests/fixtures/legacy-encoding';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { parseHtmlDocument, withDocumentStructure } from './dom';
import { declaredHtmlCharset, findVisibleDate, languageTag, readPageMetadata, splitByline } from './html-metadata';
import { parseFile } from './parse';

const utf8 = (text: string) => new TextEncoder().encode(text);
const parseHtmlFixture = (name: string) => parseFile({ name, bytes: readFixture(name) });
const parsePage = (html: string, name = 'page.html') => parseFile({ name, bytes: utf8(html) });

const ARTICLE_BODY = [
  'The harbour board met on Monday to discuss the missing ledger and the cost of the audit that followed it.',
  'Members agreed to ask the police to review the key register, and to publish the minutes of the meeting.',
  'The chair said the board would not comment further until the review was complete, expected in the spring.',
]
  .map((paragraph) => `<p>${paragraph} ${paragraph}</p>`)
  .join('\n');

describe('a saved news page', () => {
  it('is read in the charset it declares after its first kilobyte', async () => {
    const bytes = readFixture('news-article.html');
    expect(new TextDecoder('latin1').decode(bytes).indexOf('charset=iso-8859-15')).toBeGreaterThan(1024);
    const document = await parseHtmlFixture('news-article.html');
    expect(document.charset).toBe('iso-8859-15');
    // € exists in ISO-8859-15 but not in the ISO-8859-1 that detection would have guessed.
    expect(document.text).toContain('payments worth about €2.4 million over four years');
    expect(document.text).toContain('Señora Inés Calloway');
    expect(document.text).toContain('the café and chandlery');
  });

  it('keeps the article and none of the site around it', async () => {
    const document = await parseHtmlFixture('news-article.html');
    expect(document.text.split('\n\n')).toHaveLength(6);
    expect(document.text.startsWith('A public inquiry into the finances of the Port of Saltmere')).toBe(true);
    expect(document.text).toContain('"It was on the shelf where it had always been," she told the panel.');
    expect(document.text.endsWith('two former board members are expected to give evidence.')).toBe(true);
    for (const chrome of [
      'We use cookies',
      'Accept all cookies',
      'ADVERTISEMENT',
      'Morning Tide',
      'Sign up',
      'Share on',
      'Copy link',
      'Related stories',
      'Dock workers vote',
      'All rights reserved',
      'Privacy policy',
      'Opinion',
      'dataLayer',
    ]) {
      expect(document.text, chrome).not.toContain(chrome);
      expect(document.html, chrome).not.toContain(chrome);
    }
    expect(document.html).toMatch(/<p data-lines="\d+">Auditors told the panel/);
  });

  it('takes its metadata from meta tags, JSON-LD and the canonical link', async () => {
    const document = await parseHtmlFixture('news-article.html');
    expect(document).toMatchObject({
      kind: 'html',
      title: 'Inquiry hears port ledger went missing weeks before audit',
      authors: ['Marta Kowalczyk', 'Tom Ashby'],
      siteName: 'The Harbour Courier',
      sourceUrl: 'https://www.harbourcourier.example/news/2023/03/quayside-inquiry-ledger',
      language: 'en-GB',
      pages: null,
      pageCount: null,
    });
  });

  it('replaces the absurd JSON-LD date (year 1) with the date shown on the page, and says so', async () => {
    const document = await parseHtmlFixture('news-article.html');
    expect(document.publishedAt).toBe('2023-03-14');
    expect(document.publishedAtSource).toEqual({ from: 'text', quote: 'Published 14 March 2023' });
    expect(document.warnings).toEqual(["The published date in the page's metadata (0001-01-01) was not plausible; used the date shown on the page."]);
  });
});

describe('articles in other languages', () => {
  it('reads a Spanish article in UTF-8', async () => {
    const document = await parseHtmlFixture('article-es.html');
    expect(document).toMatchObject({
      title: 'El ayuntamiento aprueba la reforma del mercado de abastos',
      charset: 'utf-8',
      language: 'es',
      languageSource: 'declared',
      publishedAt: '2022-06-08',
      publishedAtSource: { from: 'metadata' },
      authors: ['Lucía Fernández Ibáñez'],
      siteName: 'La Gaceta de Altamar',
      sourceUrl: 'https://www.gacetadealtamar.example/ciudad/mercado-de-abastos',
      warnings: [],
    });
    expect(document.text).toContain('«No podíamos esperar otro año», afirmó la concejala de Urbanismo, Begoña Muñoz.');
    expect(document.text).toContain('¿Quién garantiza que no habrá retrasos?');
    expect(document.text).not.toContain('Portada');
    expect(document.text).not.toContain('Todos los derechos reservados');
  });

  it('reads a Chinese article saved in GBK, dated by its <time> element', async () => {
    const document = await parseHtmlFixture('article-zh.html');
    expect(document).toMatchObject({ title: '港口管理局公布码头账簿调查结果', charset: 'gbk', language: 'zh-CN', publishedAt: '2023-05-20', siteName: '海湾日报', warnings: [] });
    expect(document.text).toContain('纸质账簿在审计前三周从档案室失踪，目前仍未找回。');
    expect(document.text).not.toContain('版权所有');
  });
});

describe('a hostile page', () => {
  it('imports its text without any of its scripts, handlers or trackers in the text', async () => {
    const document = await parseHtmlFixture('hostile.html');
    expect(document.title).toBe('Council minutes show budget overrun');
    expect(document.text).toContain('the sea wall repairs ran forty per cent over budget');
    expect(document.text).toContain('the minutes of the October meeting');
    expect(document.text).toContain('The council will publish the remaining minutes');
    for (const payload of ['alert', 'fetch(', 'document.cookie', 'tracker.example', 'evil.example', 'steal'])
      expect(document.text, payload).not.toContain(payload);
    // The HTML is returned unsanitised: the pipeline runs DOMPurify on it in the page.
    expect(typeof document.html).toBe('string');
  });
});

describe('markup without the usual structure', () => {
  it('reads a fragment saved as .html, with no <html>, <head> or <body>', async () => {
    const document = await parsePage('<meta charset="utf-8"><title>Clipped note</title>\n<p>First clipped paragraph about the ledger.</p><p>Second one.</p>', 'clip.html');
    expect(document.title).toBe('Clipped note');
    expect(document.text).toContain('First clipped paragraph about the ledger.');
    expect(document.text).toContain('Second one.');
  });

  it('gives linkedom the <html>, <head> and <body> a browser would add', () => {
    expect(withDocumentStructure('<p>x</p>')).toBe('<html><head></head><body><p>x</p></body></html>');
    expect(withDocumentStructure('<!doctype html><title>T</title><p>x</p>')).toBe('<!doctype html><html><head><title>T</title></head><body><p>x</p></body></html>');
    expect(withDocumentStructure('<html lang="pl"><head><title>T</title></head><p>x</p></html>')).toBe('<html lang="pl"><head><title>T</title></head><body><p>x</p></body></html>');
    const whole = '<!doctype html><html><head></head><body><p>x</p></body></html>';
    expect(withDocumentStructure(whole)).toBe(whole);
  });
});

describe('published dates', () => {
  const page = (head: string, article: string, lang = 'en') =>
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>T</title>${head}</head><body><nav><a href="/">Home</a></nav>${article}</body></html>`;

  it('uses a <time datetime> near the headline when the metadata date is absurd', async () => {
    const document = await parsePage(
      page('<meta property="article:published_time" content="2999-01-01">', `<article><h1>Board meets</h1><time datetime="2021-03-10">10 March</time>${ARTICLE_BODY}</article>`),
    );
    expect(document.publishedAt).toBe('2021-03-10');
    expect(document.warnings).toEqual(["The published date in the page's metadata (2999-01-01) was not plausible; used the date shown on the page."]);
  });

  it('reads "Published 10/03/2021" month first on a US English page, and says how it read it', async () => {
    const document = await parsePage(
      page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01"}</script>', `<article><h1>Board meets</h1><p>Published 10/03/2021</p>${ARTICLE_BODY}</article>`, 'en-US'),
    );
    expect(document.publishedAt).toBe('2021-10-03');
    expect(document.warnings[0]).toBe(
      "The published date in the page's metadata (0001-01-01) was not plausible; used the date shown on the page (10/03/2021, read as 3 October 2021).",
    );
  });

  it('takes the date under the headline when the page declares none, without a warning', async () => {
    const document = await parsePage(page('', `<article><h1>Board meets</h1><p class="byline">By Ana Ruiz · 2 May 2022</p>${ARTICLE_BODY}</article>`));
    expect(document).toMatchObject({ publishedAt: '2022-05-02', publishedAtSource: { from: 'text', quote: '2 May 2022' }, warnings: [] });
  });

  it('does not take dates from the story itself or from lists of other articles', async () => {
    const document = await parsePage(
      page(
        '<meta name="date" content="0000-00-00">',
        `<article><h1>Board meets</h1>${ARTICLE_BODY}<p>The ledger was last seen on 27 January 2023.</p></article><aside><ul><li>Older story, 12 March 2023</li></ul></aside>`,
      ),
    );
    expect(document.publishedAt).toBeNull();
    expect(document.warnings).toEqual(["The published date in the page's metadata (0000-00-00) was not plausible and was left out."]);
  });

  it('prefers the publication date to an update shown before it', () => {
    const doc = parseHtmlDocument('<body><article><h1>Board meets</h1><p>Updated 5 June 2022. Published 1 June 2022</p></article></body>');
    expect(findVisibleDate(doc)?.iso).toBe('2022-06-01');
  });
});

describe('page metadata', () => {
  it('finds the charset a page declares, wherever it is, but not in comments or scripts', () => {
    expect(declaredHtmlCharset(utf8('<?xml version="1.0" encoding="ISO-8859-2"?><html>'))).toBe('ISO-8859-2');
    expect(declaredHtmlCharset(utf8(`<html><head>${' '.repeat(5000)}<meta charset='koi8-r'>`))).toBe('koi8-r');
    expect(declaredHtmlCharset(utf8('<!-- <meta charset="big5"> --><script>"<meta charset=gbk>"</script><meta http-equiv="content-type" content="text/html;charset=windows-1251">'))).toBe(
      'windows-1251',
    );
    expect(declaredHtmlCharset(utf8('<html><body>no declaration</body></html>'))).toBeNull();
  });

  it('reads a Windows-1251 page it declares late', async () => {
    const html = `<html lang="ru"><head><title>Совет</title><style>${'p{}'.repeat(500)}</style><meta charset="windows-1251"></head><body><article><h1>Совет утвердил бюджет</h1><p>${'Городской совет утвердил бюджет порта. '.repeat(20)}</p></article></body></html>`;
    const document = await parseFile({ name: 'page.html', bytes: encodeLegacy(html, 'windows-1251') });
    expect(document).toMatchObject({ charset: 'windows-1251', language: 'ru' });
    expect(document.text).toContain('Городской совет утвердил бюджет порта.');
  });

  it('reads authors, site and address from JSON-LD graphs, and the address a browser saved the page from', () => {
    const doc = parseHtmlDocument(`<!-- saved from url=(0034)https://news.example/story?id=1 -->
      <html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Site"},
        {"@type":"NewsArticle","headline":"Headline","datePublished":"2020-02-02","author":[{"@type":"Person","name":"Ana Ruiz"},"Tom Ashby"],"publisher":{"@type":"Organization","name":"The Gazette"}}]}</script>
        <script type="application/ld+json">{ broken json </script></head><body></body></html>`);
    const metadata = readPageMetadata(doc, doc.documentElement.outerHTML.replace(/^/, '<!-- saved from url=(0034)https://news.example/story?id=1 -->'));
    expect(metadata).toMatchObject({
      title: 'Headline',
      authors: ['Ana Ruiz', 'Tom Ashby'],
      siteName: 'The Gazette',
      sourceUrl: 'https://news.example/story?id=1',
      dates: [{ raw: '2020-02-02', iso: '2020-02-02' }],
    });
  });

  it('resolves a relative canonical link against the page’s own address', () => {
    const doc = parseHtmlDocument('<html><head><link rel="Canonical" href="/news/1"><meta property="og:url" content="https://paper.example/news/1?utm=x"></head></html>');
    expect(readPageMetadata(doc, '').sourceUrl).toBe('https://paper.example/news/1');
  });

  it('splits bylines between full names only', () => {
    expect(splitByline('By Marta Kowalczyk and Tom Ashby')).toEqual(['Marta Kowalczyk', 'Tom Ashby']);
    expect(splitByline('Por Lucía Fernández y Begoña Muñoz')).toEqual(['Lucía Fernández', 'Begoña Muñoz']);
    expect(splitByline('Ruiz, Ana')).toEqual(['Ruiz, Ana']);
    expect(splitByline('Reuters and AP')).toEqual(['Reuters and AP']);
    expect(splitByline('Smith, J.; Doe, Jane')).toEqual(['Smith, J.', 'Doe, Jane']);
    expect(splitByline('https://paper.example/authors/ana')).toEqual([]);
  });

  it('canonicalises language tags', () => {
    expect(languageTag('en_gb')).toBe('en-GB');
    expect(languageTag(' zh-hans-cn ')).toBe('zh-Hans-CN');
    expect(languageTag('english')).toBeNull();
    expect(languageTag('')).toBeNull();
  });
});
