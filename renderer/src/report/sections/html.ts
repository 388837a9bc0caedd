/**
 * Small pieces every section writes with: escaping for HTML text, attributes and CSS strings, the anchors records
 * are linked by, and numbers and dates in the report's words. Everything from the case goes through `esc` or `attr`.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from the case, as HTML text or an attribute's value: `<img src=x>` prints as written. */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

/** An attribute `name="value"`, its value escaped. */
export const attr = (name: string, value: string): string => `${name}="${esc(value)}"`;

/**
 * A CSS string literal (for `content:` in the page's margin boxes): quotes and backslashes escaped, control characters
 * and line breaks as code points, and `<` too, so the text can never close the `<style>` element it sits in.
 */
export function cssString(text: string): string {
  const body = [...text]
    .map((char) => {
      const code = char.codePointAt(0)!;
      if (char === '"' || char === '\\' || char === '<' || char === '>' || code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
        return `\\${code.toString(16)} `;
      return char;
    })
    .join('');
  return `"${body}"`;
}

/** A piece of an id made of the record's id: ids are UUIDs, but anything else is kept to characters an id allows. */
const idPart = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, (char) => `_${char.codePointAt(0)!.toString(16)}`);

/** The element ids records are linked by, one kind of record each. */
export const anchors = {
  section: (name: string) => `section-${idPart(name)}`,
  note: (id: string) => `note-${idPart(id)}`,
  event: (id: string) => `event-${idPart(id)}`,
  entity: (id: string) => `entity-${idPart(id)}`,
  entityType: (type: string) => `entities-${idPart(type)}`,
  excerpt: (id: string) => `excerpt-${idPart(id)}`,
  excerptGroup: (key: string) => `excerpts-${idPart(key)}`,
  source: (id: string) => `source-${idPart(id)}`,
  figure: (name: string) => `figure-${idPart(name)}`,
} as const;

/** A link inside the report. */
export const link = (id: string, html: string, className?: string): string =>
  `<a href="#${esc(id)}"${className ? ` class="${className}"` : ''}>${html}</a>`;

const numberFormat = new Intl.NumberFormat('en-GB');
export const count = (value: number): string => numberFormat.format(value);

/** "1 excerpt", "2 excerpts". */
export const plural = (value: number, one: string, many = `${one}s`): string => `${count(value)} ${value === 1 ? one : many}`;

/** A size as people read it: "1.2 MB", "512 bytes". */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "A", "A and B", "A, B and C". */
export function wordList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** The numbered reference to an excerpt, `[12]`, linked to it. */
export const excerptRef = (number: number, excerptId: string): string =>
  link(anchors.excerpt(excerptId), `[${number}]`, 'ref');

/** A sentence start capitalised: "about 2019" becomes "About 2019". */
export const capitalised = (text: string): string => (text ? text[0]!.toLocaleUpperCase() + text.slice(1) : text);
