/**
 * What a sanitiser's output must not hold, checked over the DOM a browser builds from it: an element or attribute
 * that runs script, an address that runs (`javascript:`, `vbscript:`, a `data:` page), an address the page would fetch
 * by itself, or CSS that fetches, read with css-tree's full parser (values parsed, not tokens searched). Written apart
 * from the sanitiser's own CSS check (renderer/src/html/css.ts), so the two do not share a blind spot. Only tests
 * import this module.
 */
import { ident, parse, string, url, walk } from 'css-tree';

/** Elements that run, embed, fetch, navigate, refresh or animate an attribute into an address. */
const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'portal',
  'fencedframe', 'noscript', 'animate', 'set', 'animatemotion', 'animatetransform', 'use', 'handler', 'listener',
  'bgsound', 'isindex',
]);
/** Attributes whose value a browser loads, or navigates to, by itself. */
const FETCHED_ATTRIBUTES = new Set([
  'src', 'srcset', 'imagesrcset', 'poster', 'background', 'data', 'action', 'formaction', 'ping', 'attributionsrc',
  'lowsrc', 'dynsrc', 'codebase', 'cite', 'longdesc', 'manifest', 'srcdoc', 'xlink:href', 'href', 'classid', 'archive',
]);
/** Text a person reads, which may name any address harmlessly. */
const TEXT_ATTRIBUTES = new Set(['title', 'alt', 'aria-label']);
/** Where a quotation came from: an address no browser fetches, kept as a link is. */
const SOURCE_ATTRIBUTES = new Set(['cite']);
const FETCHING_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', 'cross-fade', 'element', 'expression']);
const VENDOR_PREFIX = /^-(?:webkit|moz|ms|o)-/;
/** How a browser reads an address: control characters and white space around it and tabs or newlines in it go. */
const addressOf = (value: string) => value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
const RUNNING_ADDRESS = /^(?:javascript|vbscript|livescript):|^data:(?!image\/|audio\/|video\/|font\/)/;
const EMBEDDED = /^data:/;
/** CSS escapes decoded, so `u\72l` reads as `url`: a crude second reading, for the marker host. */
const decodeCssEscapes = (css: string) =>
  css.replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd)).replace(/\\(.)/g, '$1');

/** What in a piece of CSS fetches or runs, read with css-tree's full parser. */
export function cssProblems(css: string, context: 'stylesheet' | 'declarationList' | 'value'): string[] {
  // Any attribute value may be read as CSS (SVG's `fill`); one that is not CSS at all is only checked for the host.
  const problems: string[] = [];
  const decoded = decodeCssEscapes(css).toLowerCase();
  if (decoded.includes('leak.invalid')) problems.push(`names the marker host: ${css.slice(0, 120)}`);
  if (/expression\s*\(|javascript:/.test(decoded)) problems.push(`runs script: ${css.slice(0, 120)}`);
  let ast;
  try {
    ast = parse(css, { context });
  } catch {
    return context === 'value' ? problems : [...problems, `does not parse: ${css.slice(0, 120)}`];
  }
  walk(ast, (node) => {
    if (node.type === 'Url' && !EMBEDDED.test(addressOf(url.decode(node.value))))
      problems.push(`url(${node.value})`);
    if (node.type === 'Function') {
      const name = ident.decode(node.name).toLowerCase().replace(VENDOR_PREFIX, '');
      const only = node.children.first;
      const embedded = name === 'url' && node.children.size === 1 && only?.type === 'String' && /^data:/.test(addressOf(string.decode(only.value)));
      if (FETCHING_FUNCTIONS.has(name) && !embedded) problems.push(`${name}()`);
    }
    if (node.type === 'Atrule' && ['import', 'namespace', 'document'].includes(ident.decode(node.name).toLowerCase().replace(VENDOR_PREFIX, '')))
      problems.push(`@${node.name}`);
    if (node.type === 'Declaration' && ['behavior', 'binding'].includes(ident.decode(node.property).toLowerCase().replace(VENDOR_PREFIX, '')))
      problems.push(node.property);
    if (node.type === 'Raw' && /(?:url|image-set|src|image|cross-fade|element|expression)\s*\(|@import/i.test(decodeCssEscapes(node.value)))
      problems.push(`unparsed CSS that may fetch: ${node.value.slice(0, 120)}`);
  });
  return problems;
}

/** Every element under `root`, template contents included. */
function* elementsOf(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.localName === 'template') yield* elementsOf((element as HTMLTemplateElement).content);
  }
}

export interface CheckOptions {
  /** Whether `<a href>` may keep an address a person can follow (the sanitiser's profiles) or must have none. */
  links: boolean;
  /** Whether the one `<meta>` the saved page carries, its content security policy, is expected. */
  policyMeta: boolean;
}

/** Everything in `root` that would run or fetch; empty when the output is safe. */
export function problemsIn(root: ParentNode, { links, policyMeta }: CheckOptions): string[] {
  const problems: string[] = [];
  for (const element of elementsOf(root)) {
    const name = element.localName.toLowerCase();
    const isPolicy = policyMeta && name === 'meta' && element.getAttribute('http-equiv') === 'Content-Security-Policy';
    if (FORBIDDEN_ELEMENTS.has(name) && !isPolicy) problems.push(`<${name}>`);
    if (name === 'style') problems.push(...cssProblems(element.textContent ?? '', 'stylesheet'));
    for (const { name: attribute, value } of element.attributes) {
      const lower = attribute.toLowerCase();
      const address = addressOf(value);
      const where = `<${name} ${attribute}="${value.slice(0, 100)}">`;
      if (lower.startsWith('on')) problems.push(`handler ${where}`);
      if (TEXT_ATTRIBUTES.has(lower) || isPolicy) continue;
      const isLink = ((lower === 'href' || lower === 'xlink:href') && (name === 'a' || name === 'area')) || SOURCE_ATTRIBUTES.has(lower);
      if (isLink) {
        // A link a person may follow by clicking (the reader opens it outside the app) is never fetched by itself.
        if (!links || RUNNING_ADDRESS.test(address)) problems.push(`link ${where}`);
        continue;
      }
      // Any attribute may be one a browser reads as an address (an unknown one may become known): none starts with one.
      if (RUNNING_ADDRESS.test(address) || /javascript:|vbscript:|^(?:https?:|ftp:|file:)?\/\//.test(address)) problems.push(`address ${where}`);
      else if (FETCHED_ATTRIBUTES.has(lower) && address && !EMBEDDED.test(address)) problems.push(`fetches ${where}`);
      if (lower === 'style') problems.push(...cssProblems(value, 'declarationList'));
      else if (value.includes('(')) problems.push(...cssProblems(value, 'value').map((problem) => `${where}: ${problem}`));
    }
  }
  return problems;
}
