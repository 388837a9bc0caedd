import DOMPurify from 'dompurify';
import { sanitiserPolicy } from './trustedTypes';
import { cssFetches, declarationsWithoutFetches, stylesheetWithoutFetches } from './css';
import { TEXT_ATTRIBUTES, isAddress, silenceMedia } from './sanitize';

/**
 * The policy the saved page runs under, placed before anything else in it: nothing is fetched, no script runs (the
 * sandbox forbids them too), only the page's own inline styles and embedded images apply. It is the second layer:
 * the page is cleaned so that nothing in it would fetch in the first place.
 */
export const ORIGINAL_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/**
 * Elements that go with their content: they navigate, refresh, set the base address, load a stylesheet, embed another
 * document, submit, or hold markup that a browser may turn into a shadow tree (`<template shadowrootmode>`).
 */
const DROPPED_ELEMENTS = [
  'base', 'link', 'meta', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet', 'portal',
  'fencedframe', 'form', 'template', 'noscript',
];
/** Attributes that only ever fetch, navigate, submit or report: never kept, whatever their value. */
const DROPPED_ATTRIBUTES = [
  'srcset', 'imagesrcset', 'ping', 'attributionsrc', 'action', 'formaction', 'background', 'lowsrc', 'dynsrc',
  'srcdoc', 'manifest', 'codebase', 'archive', 'classid', 'longdesc', 'cite', 'profile',
];
/**
 * Attributes holding one address: kept only for an embedded picture (`data:image/`, all the policy lets in). Even `#id` goes: a srcdoc frame resolves it
 * against the app's own address, and an `<image href="#id">` would request that.
 */
const ADDRESS_ATTRIBUTES = new Set(['src', 'href', 'xlink:href', 'data', 'poster']);
const EMBEDDED = /^\s*data:image\//i;

/** The saved page's own DOMPurify instance, made on first use, so that its hooks never run for the other profiles. */
let purifier: ReturnType<typeof DOMPurify> | null = null;

function savedPagePurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeElement', (node, { tagName }) => {
    silenceMedia(node);
    if (tagName === 'style') node.textContent = stylesheetWithoutFetches(node.textContent ?? '');
  });
  // Links stay readable but inert: where they pointed moves to their tooltip, since following one would load a remote
  // page inside the frame.
  purifier.addHook('beforeSanitizeAttributes', (node) => {
    if (node.localName !== 'a' && node.localName !== 'area') return;
    const target = node.getAttribute('href') ?? node.getAttribute('xlink:href');
    if (target === null) return;
    node.setAttribute('title', target);
    node.removeAttribute('href');
    node.removeAttribute('xlink:href');
  });
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if (isAddress(data.attrValue) && !TEXT_ATTRIBUTES.has(name)) {
      // An address (or `javascript:`) where no address belongs, in an attribute the frame may yet read as one.
      data.keepAttr = false;
    } else if (name === 'style') {
      data.attrValue = declarationsWithoutFetches(data.attrValue);
      data.keepAttr = data.attrValue !== '';
    } else if (ADDRESS_ATTRIBUTES.has(name)) {
      data.keepAttr = EMBEDDED.test(data.attrValue);
    } else if (cssFetches(data.attrValue)) {
      // SVG's presentation attributes (`fill`, `filter`, `mask`...) are read as CSS: `url(https://…)` there fetches.
      data.keepAttr = false;
    }
  });
  return purifier;
}

/**
 * The cleaned root element made anew, with its attributes and children. An element made by the parser from
 * `<html is="…">` keeps that `is` value when serialised, even with the attribute gone; DOMPurify drops such an
 * element whole, which it cannot do to the root.
 */
function freshRoot(root: Element): Element {
  const fresh = root.ownerDocument.createElement(root.localName);
  for (const { name, value } of Array.from(root.attributes)) if (name !== 'is') fresh.setAttribute(name, value);
  fresh.append(...Array.from(root.childNodes));
  return fresh;
}

/**
 * The saved page made ready for a sandboxed srcdoc frame, in one DOMPurify pass over the whole document: no script,
 * handler or `javascript:` address; nothing the frame would fetch or navigate to (the CSP would block the request,
 * but the attempt alone is one too many): no refresh, base address, stylesheet, frame, form, template, remote
 * picture, media or font, and no CSS that fetches (read by css-tree, see ./css); link targets kept in a tooltip.
 * The page's own styles, embedded images and SVG drawings stay. The policy comes first in its head.
 */
export function originalPageSrcdoc(html: string): string {
  // DOMPurify parses with DOMParser, whose documents are inert: parsing runs nothing and loads nothing.
  // With WHOLE_DOCUMENT, what comes back is the cleaned page's <html> element.
  const cleaned = savedPagePurifier().sanitize(html, {
    WHOLE_DOCUMENT: true,
    RETURN_DOM: true,
    USE_PROFILES: { html: true, svg: true, svgFilters: true },
    FORBID_TAGS: DROPPED_ELEMENTS,
    FORBID_ATTR: DROPPED_ATTRIBUTES,
    // DOMPurify parses through the sanitiser's Trusted Types policy: the app's CSP allows no other for HTML.
    TRUSTED_TYPES_POLICY: sanitiserPolicy as TrustedTypePolicy,
  }) as Element;
  const root = freshRoot(cleaned);
  const page = root.ownerDocument;
  const head = root.querySelector(':scope > head') ?? root.insertBefore(page.createElement('head'), root.firstChild);
  const policy = page.createElement('meta');
  policy.setAttribute('http-equiv', 'Content-Security-Policy');
  policy.setAttribute('content', ORIGINAL_PAGE_CSP);
  head.prepend(policy);
  return `<!DOCTYPE html>${root.outerHTML}`;
}

/** originalPageSrcdoc's page as TrustedHTML, for the frame's srcdoc: the sanitiser's output, under its policy. */
export const originalPageDocument = (html: string): TrustedHTML => sanitiserPolicy.createHTML(originalPageSrcdoc(html));
