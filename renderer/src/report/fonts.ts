/**
 * The fonts a report is printed in ship with the app, so a report looks the same on every machine and no glyph shows
 * as a box: the Noto families from the @fontsource packages, which cut each font into subsets by Unicode range. A report
 * carries inline only the subsets its text uses (a Latin-only report none of the 10 MB of Chinese, Japanese and Korean).
 * The files are build assets of the app, fetched from its own origin when a report is made: never at start, never from
 * the network.
 */
import notoSerifRanges from '@fontsource/noto-serif/unicode.json';
import notoSansRanges from '@fontsource/noto-sans/unicode.json';
import notoSansMonoRanges from '@fontsource/noto-sans-mono/unicode.json';
import notoSansScRanges from '@fontsource/noto-sans-sc/unicode.json';
import notoSansJpRanges from '@fontsource/noto-sans-jp/unicode.json';
import notoSansKrRanges from '@fontsource/noto-sans-kr/unicode.json';

type FontStyle = 'normal' | 'italic';

interface ShippedFont {
  family: string;
  /** The @fontsource package's name, which starts each of its file names. */
  package: string;
  /** Subset name → its CSS unicode-range, as the package's unicode.json gives them. */
  ranges: Readonly<Record<string, string>>;
  faces: readonly { weight: 400 | 700; style: FontStyle }[];
}

const REGULAR = { weight: 400, style: 'normal' } as const;
const ITALIC = { weight: 400, style: 'italic' } as const;
const BOLD = { weight: 700, style: 'normal' } as const;

/**
 * The fonts shipped, with the faces of each the report's style uses. Chinese, Japanese and Korean come in their regular
 * weight only (each is 2.5–4 MB a weight): Chromium makes their bold by thickening the regular.
 */
const SHIPPED = {
  serif: { family: 'Noto Serif', package: 'noto-serif', ranges: notoSerifRanges, faces: [REGULAR, ITALIC, BOLD] },
  sans: { family: 'Noto Sans', package: 'noto-sans', ranges: notoSansRanges, faces: [REGULAR, BOLD] },
  mono: { family: 'Noto Sans Mono', package: 'noto-sans-mono', ranges: notoSansMonoRanges, faces: [REGULAR] },
  sc: { family: 'Noto Sans SC', package: 'noto-sans-sc', ranges: notoSansScRanges, faces: [REGULAR] },
  jp: { family: 'Noto Sans JP', package: 'noto-sans-jp', ranges: notoSansJpRanges, faces: [REGULAR] },
  kr: { family: 'Noto Sans KR', package: 'noto-sans-kr', ranges: notoSansKrRanges, faces: [REGULAR] },
} as const satisfies Record<string, ShippedFont>;
type ShippedKey = keyof typeof SHIPPED;

/** The fonts each style names, in order: a character is drawn in the first that has it. */
const CHAINS = {
  serif: ['serif', 'sc', 'jp', 'kr'],
  sans: ['sans', 'sc', 'jp', 'kr'],
  mono: ['mono', 'sans', 'sc', 'jp', 'kr'],
} as const satisfies Record<string, readonly ShippedKey[]>;

const familyList = (chain: readonly ShippedKey[], generic: string) =>
  [...chain.map((key) => `'${SHIPPED[key].family}'`), generic].join(', ');

/** The families the report's style names, each followed by the CJK fallbacks. */
export const REPORT_FONTS = {
  serif: familyList(CHAINS.serif, 'serif'),
  sans: familyList(CHAINS.sans, 'sans-serif'),
  mono: familyList(CHAINS.mono, 'monospace'),
} as const;

/**
 * The files, as the build's asset URLs by file name. Only the weights and styles of SHIPPED are bundled, and of the CJK
 * fonts only the numbered slices their unicode.json lists (not the packages' whole-script files). `no-inline`:
 * even a tiny subset stays a file, as the app's Content-Security-Policy lets it fetch from its own origin only.
 */
const FILE_URLS: ReadonlyMap<string, string> = new Map(
  Object.entries(
    import.meta.glob<string>(
      [
        '../../../node_modules/@fontsource/noto-serif/files/*-400-normal.woff2',
        '../../../node_modules/@fontsource/noto-serif/files/*-400-italic.woff2',
        '../../../node_modules/@fontsource/noto-serif/files/*-700-normal.woff2',
        '../../../node_modules/@fontsource/noto-sans/files/*-400-normal.woff2',
        '../../../node_modules/@fontsource/noto-sans/files/*-700-normal.woff2',
        '../../../node_modules/@fontsource/noto-sans-mono/files/*-400-normal.woff2',
        '../../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-[0-9]*-400-normal.woff2',
        '../../../node_modules/@fontsource/noto-sans-jp/files/noto-sans-jp-[0-9]*-400-normal.woff2',
        '../../../node_modules/@fontsource/noto-sans-kr/files/noto-sans-kr-[0-9]*-400-normal.woff2',
      ],
      { query: '?url&no-inline', import: 'default', eager: true },
    ),
  ).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

/**
 * What every report prints besides its data (page numbers, the running header, quotes and dashes): always included,
 * so the report's own words never fall back to a system font.
 */
const ALWAYS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~' +
  '\u00a0\u00a9\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026';

/** One font file a report needs: a subset of a face, with the characters it is used for. */
export interface ReportFontFile {
  family: string;
  weight: number;
  style: FontStyle;
  /** The package's name for the subset: "latin-ext", "greek", or a number for the CJK fonts' slices. */
  subset: string;
  /** Its CSS unicode-range. */
  unicodeRange: string;
  /** The file's name in its package ("noto-sans-sc-97-400-normal.woff2"). */
  file: string;
}

/** Each font's subsets by code point (the first subset listed that holds it), built the first time it is asked. */
const subsetIndexes = new Map<ShippedKey, Map<number, string>>();

function subsetIndex(key: ShippedKey): Map<number, string> {
  let index = subsetIndexes.get(key);
  if (index) return index;
  index = new Map();
  for (const [subset, range] of Object.entries(SHIPPED[key].ranges as Record<string, string>)) {
    for (const [from, to] of parseUnicodeRange(range)) {
      for (let point = from; point <= to; point++) if (!index.has(point)) index.set(point, subset);
    }
  }
  subsetIndexes.set(key, index);
  return index;
}

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]]; a wildcard ("U+4??") spans its digits' values. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part): [number, number] => {
      if (part.includes('?')) return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'f'), 16)];
      const [from, to = from] = part.split('-');
      return [parseInt(from!, 16), parseInt(to!, 16)];
    });
}

const fileName = (font: ShippedFont, subset: string, weight: number, style: FontStyle) =>
  `${font.package}-${subset.replace(/^\[|\]$/g, '')}-${weight}-${style}.woff2`;

/**
 * The font files `text` needs: for each character, in each style's chain of fonts, the subset of the first font that
 * has it, in every face of that font (the text does not say which words are bold). Characters no shipped font has are
 * left to the system.
 */
export function reportFontFiles(text: string): ReportFontFile[] {
  const points = new Set<number>();
  for (const character of ALWAYS + text) points.add(character.codePointAt(0)!);
  const needed = new Map<ShippedKey, Set<string>>();
  for (const chain of Object.values(CHAINS)) {
    for (const point of points) {
      for (const key of chain) {
        const subset = subsetIndex(key).get(point);
        if (subset === undefined) continue;
        let subsets = needed.get(key);
        if (!subsets) needed.set(key, (subsets = new Set()));
        subsets.add(subset);
        break;
      }
    }
  }
  const files: ReportFontFile[] = [];
  for (const [key, font] of Object.entries(SHIPPED) as [ShippedKey, ShippedFont][]) {
    const subsets = needed.get(key);
    if (!subsets) continue;
    for (const { weight, style } of font.faces) {
      for (const [subset, unicodeRange] of Object.entries(font.ranges)) {
        if (!subsets.has(subset)) continue;
        files.push({ family: font.family, weight, style, subset, unicodeRange, file: fileName(font, subset, weight, style) });
      }
    }
  }
  return files;
}

/** Reads a font file's bytes, given its URL in the build and its name. */
export type FontFileLoader = (url: string, file: string) => Promise<Uint8Array>;

/** Fetches a font file from the app's own origin, where the build put it. */
async function fetchFontFile(url: string, file: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`The report's font file ${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  if (!response.ok) throw new Error(`The report's font file ${file} could not be loaded (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Files already read, as base64, by name: a report is laid out twice, and reports are often made again. */
const encoded = new Map<string, Promise<string>>();

function encodedFile(file: string, load: FontFileLoader): Promise<string> {
  const url = FILE_URLS.get(file);
  if (url === undefined) return Promise.reject(new Error(`The report's font file ${file} is not bundled with Casebook.`));
  if (load !== fetchFontFile) return load(url, file).then(base64);
  let pending = encoded.get(file);
  if (!pending) {
    pending = fetchFontFile(url, file).then(base64);
    encoded.set(file, pending);
    // A failed read is tried again next time rather than remembered.
    pending.catch(() => encoded.delete(file));
  }
  return pending;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let at = 0; at < bytes.length; at += chunk) binary += String.fromCharCode(...bytes.subarray(at, at + chunk));
  return btoa(binary);
}

/** `@font-face` rules, with the font files inline, for the characters `text` uses. */
export async function reportFontFaces(text: string, load: FontFileLoader = fetchFontFile): Promise<string> {
  const files = reportFontFiles(text);
  const data = await Promise.all(files.map((file) => encodedFile(file.file, load)));
  return files
    .map(
      (file, index) =>
        `@font-face{font-family:'${file.family}';font-style:${file.style};font-weight:${file.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${data[index]}) format('woff2');unicode-range:${file.unicodeRange}}`,
    )
    .join('\n');
}
