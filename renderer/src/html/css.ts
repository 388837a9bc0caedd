import generate from 'css-tree/generator';
import parse from 'css-tree/parser';
import { tokenize, tokenTypes } from 'css-tree/tokenizer';
import { ident, string, url } from 'css-tree/utils';
import walk from 'css-tree/walker';
import type { CssNode } from 'css-tree';

/**
 * CSS that would make a browser fetch something (or, in old browsers, run something), found the way a browser finds
 * it: by tokenising the text as the CSS Syntax specification says, with escapes decoded, rather than by searching it
 * for `url(`, which `u\72l(`, `\75 rl(` and `@import'x'` slip past.
 */

/** Functions whose argument is something to load (`url()` and its image and font forms), or that run script. */
const FETCHING_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', 'cross-fade', 'element', 'expression']);
/** At-rules that load a stylesheet, or point at an address. */
const FETCHING_AT_RULES = new Set(['import', 'namespace', 'document']);
/** Properties that attach behaviour to elements (old Internet Explorer and Firefox). */
const BINDING_PROPERTIES = new Set(['behavior', 'binding']);
/** Prefixes browsers put before their own names for standard ones (`-webkit-image-set`, `-moz-binding`). */
const VENDOR_PREFIX = /^-(?:webkit|moz|ms|o)-/;
/** An address embedded in the text itself: loading it fetches nothing. */
const EMBEDDED = /^\s*data:/i;
/** An address with a scheme and a host (`http://…`). */
const ADDRESS = /[a-z][a-z0-9+.-]*:\/\//i;

/** A name as a browser reads it: escapes decoded, in lower case, without a vendor prefix. */
const nameOf = (escaped: string) => ident.decode(escaped).toLowerCase().replace(VENDOR_PREFIX, '');

interface Token {
  type: number;
  text: string;
}

function tokensOf(css: string): Token[] {
  const tokens: Token[] = [];
  tokenize(css, (type, start, end) => {
    if (type !== tokenTypes.WhiteSpace && type !== tokenTypes.Comment) tokens.push({ type, text: css.slice(start, end) });
  });
  return tokens;
}

/**
 * Whether `css` (a stylesheet, a `style` attribute, or any attribute value a browser may read as CSS, such as SVG's
 * `fill`) holds a token that fetches: a `url()` not embedded in the text, a malformed one, a function that loads an
 * image or a font or runs script, or an at-rule that imports.
 */
export function cssFetches(css: string): boolean {
  // Every such token holds a parenthesis or an at sign: most values need no tokenising.
  if (!/[(@]/.test(css)) return false;
  const tokens = tokensOf(css);
  return tokens.some(({ type, text }, index) => {
    if (type === tokenTypes.Url) return !EMBEDDED.test(url.decode(text));
    if (type === tokenTypes.BadUrl) return true;
    if (type === tokenTypes.AtKeyword) return FETCHING_AT_RULES.has(nameOf(text.slice(1)));
    if (type !== tokenTypes.Function) return false;
    const name = nameOf(text.slice(0, -1));
    if (!FETCHING_FUNCTIONS.has(name)) return false;
    // `url("data:…")`: a quoted embedded image, the one argument, is the only form that stays.
    const [argument, closing] = [tokens[index + 1], tokens[index + 2]];
    const embedded =
      (name === 'url' || name === 'src') &&
      argument?.type === tokenTypes.String &&
      closing?.type === tokenTypes.RightParenthesis &&
      EMBEDDED.test(string.decode(argument.text));
    return !embedded;
  });
}

/**
 * Whether CSS (a stylesheet, a `style` attribute) names an address outside an embedded `data:` one, however escaped
 * (`0;url=http://host/`, `--x: http\3a //host`). No browser fetches it, but it is no styling either, and it tells
 * whoever reads the page where to look: it goes with what fetches.
 */
export function cssNamesAddress(css: string): boolean {
  if (!/[:\\]/.test(css)) return false;
  const named = tokensOf(css)
    .filter(({ type, text }) => !(type === tokenTypes.Url ? EMBEDDED.test(url.decode(text)) : type === tokenTypes.String && EMBEDDED.test(string.decode(text))))
    .map(({ text }) => text)
    .join('');
  return ADDRESS.test(ident.decode(named));
}

/** Whether a rule or declaration of a parsed stylesheet fetches or binds, and so goes. */
function fetchingNode(node: CssNode): boolean {
  if (node.type === 'Declaration') {
    const value = generate(node.value);
    return BINDING_PROPERTIES.has(nameOf(node.property)) || cssFetches(value) || cssNamesAddress(value);
  }
  if (node.type === 'Atrule')
    return FETCHING_AT_RULES.has(nameOf(node.name)) || (node.prelude !== null && cssFetches(generate(node.prelude)));
  return false;
}

/**
 * `css` parsed with css-tree, without the declarations and at-rules that fetch. The values are kept as written
 * (not re-parsed), and the result is checked once more as a whole: what css-tree read differently from a browser
 * cannot slip through, since then nothing is kept. Markup (`<`) is never kept either, so the text cannot close the
 * `<style>` element it is written back into.
 */
function withoutFetches(css: string, context: 'stylesheet' | 'declarationList'): string {
  const ast = parse(css, {
    context,
    parseValue: false,
    parseRulePrelude: false,
    parseAtrulePrelude: false,
    parseCustomProperty: false,
  });
  walk(ast, (node, item, list) => {
    if (list && fetchingNode(node)) list.remove(item);
  });
  const clean = generate(ast);
  return cssFetches(clean) || cssNamesAddress(clean) || clean.includes('<') ? '' : clean;
}

/** A stylesheet (a `<style>` element's text) without the rules and declarations that fetch; plain styling stays. */
export const stylesheetWithoutFetches = (css: string) => withoutFetches(css, 'stylesheet');

/** A `style` attribute without the declarations that fetch. */
export const declarationsWithoutFetches = (css: string) => withoutFetches(css, 'declarationList');
