/**
 * Excerpt highlights by colour: one CSS Highlight per colour (the colour of an excerpt's first tag, or the neutral
 * one), each styled by a `::highlight()` rule generated here, since tag colours are the researcher's, not the
 * stylesheet's.
 */

/** The neutral highlight, for excerpts without a coloured tag (styled in workspace.css). */
export const NEUTRAL_HIGHLIGHT = 'casebook-excerpt';

/** Where two excerpts overlap, drawn over both so the overlap shows as such. */
export const OVERLAP_HIGHLIGHT = 'casebook-excerpt-overlap';

/** An excerpt's colour (its first tag's, as `#rrggbb`), or null for the neutral one. */
export type ColourOf = (excerpt: { tags: readonly string[] }) => string | null;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The highlight name for a colour; anything but a hex colour (the only form a tag's colour takes) is neutral. */
export function highlightNameOf(colour: string | null): string {
  return colour && HEX.test(colour) ? `casebook-excerpt-${colour.slice(1).toLowerCase()}` : NEUTRAL_HIGHLIGHT;
}

const styled = new Set<string>();
let sheet: HTMLStyleElement | null = null;

/** Adds the `::highlight()` rule for a colour once: semi-transparent, so overlapping excerpts both show. */
export function ensureHighlightStyle(colour: string | null) {
  const name = highlightNameOf(colour);
  if (name === NEUTRAL_HIGHLIGHT || styled.has(name)) return;
  styled.add(name);
  sheet ??= document.head.appendChild(document.createElement('style'));
  sheet.dataset.highlights = 'excerpts';
  sheet.append(`::highlight(${name}) { background-color: color-mix(in srgb, ${colour} 40%, transparent); }\n`);
}
