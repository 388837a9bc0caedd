import { analyse } from 'chardet';
import { ImportError } from './types';

/** What bytes of text were decoded to, and from which encoding (the WHATWG name TextDecoder reports). */
export interface DecodedText {
  text: string;
  charset: string;
  /** How the charset was chosen: a byte order mark, the document's own declaration, or a guess. */
  source: 'bom' | 'declared' | 'utf8' | 'utf16-pattern' | 'detected';
  /** The language chardet associates with a legacy encoding it detected with confidence, else null. */
  language: string | null;
  warnings: string[];
}

/** Enough of a file to recognise its encoding; reading all of a large file would only be slower. */
const SAMPLE_BYTES = 64 * 1024;

/** A legacy ISO charset's Windows sibling: same letters, plus printable characters where ISO has C1 controls. */
const WINDOWS_SIBLING: Record<string, string> = {
  'iso-8859-2': 'windows-1250',
  'iso-8859-7': 'windows-1253',
  'iso-8859-8': 'windows-1255',
  'iso-8859-13': 'windows-1257',
};

/** The encoding TextDecoder uses for a label, or null when it has none (or only the "replacement" decoder). */
export function encodingForLabel(label: string): string | null {
  try {
    const { encoding } = new TextDecoder(label.trim());
    return encoding === 'replacement' ? null : encoding;
  } catch {
    return null;
  }
}

export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a byte order mark, recognised by its NULs: text that is mostly Latin has a zero byte in every
 * other position, after each letter (little-endian) or before it (big-endian).
 */
export function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Decodes, or returns null when the bytes are not valid in that encoding. */
function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const hasNonAscii = (bytes: Uint8Array) => bytes.some((byte) => byte >= 0x80);

/** Share of characters that real text does not contain: replacement characters, C0 (but layout) and C1 controls. */
export function junkRatio(text: string): number {
  if (text.length === 0) return 0;
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) junk++;
  }
  return junk / text.length;
}

/**
 * Decodes text whose encoding the file does not state, or states in its markup (`declared`, from an HTML meta tag).
 * Order: byte order mark, a usable declaration, UTF-16 by its NULs, valid UTF-8, then chardet's candidates, each
 * decoded and checked for characters no text contains, so a wrong guess is not stored as mojibake.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), charset: bom, source: 'bom', language: null, warnings };

  const declaredEncoding = declared ? encodingForLabel(declared) : null;
  if (declared && !declaredEncoding) warnings.push(`The page declares an unknown character set (${declared.slice(0, 40)}); it was detected instead.`);
  // A page can only declare UTF-16 in a way the browser reads before decoding: as a BOM, handled above.
  if (declaredEncoding && !declaredEncoding.startsWith('utf-16')) {
    if (declaredEncoding !== 'utf-8' && hasNonAscii(bytes)) {
      // Pages re-saved as UTF-8 often keep their old declaration; valid multi-byte UTF-8 is never an accident.
      const asUtf8 = decodeStrict(bytes, 'utf-8');
      if (asUtf8 !== null) {
        warnings.push(`The page declares the ${declaredEncoding} character set but is written in UTF-8; it was read as UTF-8.`);
        return { text: asUtf8, charset: 'utf-8', source: 'utf8', language: null, warnings };
      }
    }
    if (declaredEncoding === 'utf-8') {
      const strict = decodeStrict(bytes, 'utf-8');
      if (strict !== null) return { text: strict, charset: 'utf-8', source: 'declared', language: null, warnings };
      const damaged = mostlyUtf8(bytes);
      if (damaged) return { ...damaged, source: 'declared', warnings: [...warnings, ...damaged.warnings] };
      // Declared UTF-8 but is not: detect, as a browser would show mojibake here and the reader should not.
      const detected = detectLegacy(bytes);
      if (detected) {
        warnings.push(`The page declares UTF-8 but is not valid UTF-8; it was read as ${detected.charset}.`);
        return { ...detected, warnings };
      }
      return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', source: 'declared', language: null, warnings };
    }
    return { text: new TextDecoder(declaredEncoding).decode(bytes), charset: declaredEncoding, source: 'declared', language: null, warnings };
  }

  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) {
    const text = decodeStrict(bytes.subarray(0, bytes.length & ~1), utf16);
    if (text !== null && junkRatio(text.slice(0, 4096)) < 0.02) return { text, charset: utf16, source: 'utf16-pattern', language: null, warnings };
  }

  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', source: 'utf8', language: null, warnings };
  const damaged = mostlyUtf8(bytes);
  if (damaged) return { ...damaged, warnings: [...warnings, ...damaged.warnings] };

  const detected = detectLegacy(bytes);
  if (detected) return { ...detected, warnings };
  throw new ImportError(
    'could not be read as text: its character encoding was not recognised, or it is not a text file. Open it in a text editor, save it as UTF-8 and import it again.',
  );
}

/** Well-formed multi-byte UTF-8 sequences, and bytes that cannot be part of one. */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let wellFormed = length > 0 && i + length <= bytes.length;
    for (let k = 1; wellFormed && k < length; k++) wellFormed = (bytes[i + k]! & 0xc0) === 0x80;
    if (wellFormed) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * UTF-8 with a few broken bytes (files joined together, a cut-off download) is still UTF-8: read as such, with the
 * broken bytes replaced, rather than handed to detection, which would turn every accented letter into mojibake.
 */
function mostlyUtf8(bytes: Uint8Array): DecodedText | null {
  const { valid, invalid } = utf8Sequences(bytes.subarray(0, 1024 * 1024));
  if (valid < 3 || valid < invalid * 4) return null;
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) replaced++;
  return {
    text,
    charset: 'utf-8',
    source: 'utf8',
    language: null,
    warnings: [`${replaced.toLocaleString('en')} ${replaced === 1 ? 'byte was' : 'bytes were'} not valid UTF-8 and ${replaced === 1 ? 'was' : 'were'} replaced with �.`],
  };
}

/** chardet's candidates, best first, each decoded from a sample and kept only if it reads as text. */
function detectLegacy(bytes: Uint8Array): Omit<DecodedText, 'warnings'> | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const candidates: { encoding: string; confidence: number; language: string | null }[] = [];
  for (const match of analyse(sample)) {
    const encoding = encodingForLabel(match.name);
    if (!encoding || encoding === 'utf-8' || candidates.some((candidate) => candidate.encoding === encoding)) continue;
    candidates.push({ encoding, confidence: match.confidence, language: match.lang ?? null });
    const sibling = WINDOWS_SIBLING[encoding];
    if (sibling && !candidates.some((candidate) => candidate.encoding === sibling))
      candidates.push({ encoding: sibling, confidence: match.confidence - 1, language: match.lang ?? null });
    if (candidates.length >= 8) break;
  }
  let best: { encoding: string; confidence: number; language: string | null; junk: number } | null = null;
  for (const candidate of candidates) {
    const junk = junkRatio(new TextDecoder(candidate.encoding).decode(sample));
    if (junk === 0) {
      best = { ...candidate, junk };
      break;
    }
    if (!best || junk < best.junk) best = { ...candidate, junk };
  }
  if (!best || best.junk > 0.01) return null;
  return {
    text: new TextDecoder(best.encoding).decode(bytes),
    charset: best.encoding,
    source: 'detected',
    language: best.confidence >= 40 ? best.language : null,
  };
}

/** True when the start of the file reads as text: a BOM, UTF-16's NULs, or bytes without NULs and few controls. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bomEncoding(bytes) || utf16ByNulPattern(bytes)) return true;
  const length = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) controls++;
  }
  return controls <= length * 0.01;
}
