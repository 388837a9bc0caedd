import type { DocumentKind } from '../../../shared/domain';
import { bomEncoding, looksLikeText, utf16ByNulPattern } from './charset';
import { isZip, listZipEntries } from './zip';

/** The Compound File signature of Office 97–2003 files, and of Office files encrypted with a password. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const isOle2 = (bytes: Uint8Array) => OLE2.every((byte, i) => bytes[i] === byte);

/** Rich Text Format: text bytes, but markup no reader would want to see raw. */
const isRtf = (bytes: Uint8Array) => [0x7b, 0x5c, 0x72, 0x74, 0x66].every((byte, i) => bytes[i] === byte);

/** A page saved as a single file by a browser: MHTML (a MIME message) or Safari's .webarchive. */
function isWebArchive(name: string, bytes: Uint8Array): boolean {
  if (['mht', 'mhtml', 'webarchive'].includes(extensionOf(name))) return true;
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  return /^MIME-Version:/im.test(head) && /Content-Type:\s*multipart\/related/i.test(head);
}

/** The image formats Casebook imports (to be read by OCR), by their signatures. */
export type ImageFormat = 'png' | 'jpeg' | 'tiff';

const IMAGE_SIGNATURES: readonly [ImageFormat, readonly number[]][] = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
];

export function imageFormatOf(bytes: Uint8Array): ImageFormat | null {
  return IMAGE_SIGNATURES.find(([, signature]) => signature.every((byte, i) => bytes[i] === byte))?.[0] ?? null;
}

export const IMAGE_MIME_TYPES: Readonly<Record<ImageFormat, string>> = { png: 'image/png', jpeg: 'image/jpeg', tiff: 'image/tiff' };

/** Where "%PDF-" starts within the first 1024 bytes (a download can put stray bytes before it), else -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, 1024) - 5;
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return i;
  }
  return -1;
}

/** A zip whose parts are a WordprocessingML package (.docx, .docm, .dotx). */
export function isWordZip(bytes: Uint8Array): boolean {
  return listZipEntries(bytes)?.some((entry) => entry.name.startsWith('word/')) ?? false;
}

/** The first kilobyte as text, for sniffing markup whatever the encoding. */
export function textPrefix(bytes: Uint8Array): string {
  const encoding = bomEncoding(bytes) ?? utf16ByNulPattern(bytes) ?? 'windows-1252';
  return new TextDecoder(encoding).decode(bytes.subarray(0, 1024));
}

export function looksLikeHtml(bytes: Uint8Array): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!-{2}[\s\S]*?-{2}>\s*)*<(?:!doctype\s+html|html[\s>])/i.test(textPrefix(bytes).replace(/^\ufeff/, ''));
}

export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const KIND_BY_EXTENSION: Record<string, DocumentKind> = {
  pdf: 'pdf',
  docx: 'docx',
  docm: 'docx',
  dotx: 'docx',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  tif: 'image',
  tiff: 'image',
};

const KIND_BY_MIME_TYPE: Record<string, DocumentKind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
};

/**
 * What a file is: by its content's signature first (a PDF or a Word zip, whatever its name), then by its
 * extension, then by the type the host reported, then by sniffing markup or text. Null when it is none of them.
 */
export function detectKind(name: string, bytes: Uint8Array, mimeType?: string): DocumentKind | null {
  if (pdfHeaderOffset(bytes) >= 0) return 'pdf';
  if (imageFormatOf(bytes)) return 'image';
  if (isZip(bytes) && isWordZip(bytes)) return 'docx';
  const byExtension = KIND_BY_EXTENSION[extensionOf(name)];
  // An image is one by its content: a .png that is not one is nothing Casebook can read.
  if (byExtension === 'image') return null;
  if (byExtension) return byExtension;
  // Other archives, Office 97–2003 files, RTF and web archives are never plain text, whatever the host says.
  if (isZip(bytes) || isOle2(bytes) || isRtf(bytes) || isWebArchive(name, bytes)) return null;
  const byMimeType = mimeType ? KIND_BY_MIME_TYPE[mimeType.split(';')[0]!.trim().toLowerCase()] : undefined;
  if (byMimeType) return byMimeType;
  if (looksLikeHtml(bytes)) return 'html';
  return looksLikeText(bytes) ? 'text' : null;
}

const SUPPORTED =
  'PDF (.pdf), Word (.docx), web pages (.html, .htm), Markdown (.md), plain text (.txt) and scanned images (.png, .jpg, .tif)';

/** Why a file of unknown kind cannot be imported, with what to do when the file gives a hint. */
export function unsupportedMessage(name: string, bytes: Uint8Array): string {
  const extension = extensionOf(name);
  if (isOle2(bytes) || ['doc', 'xls', 'ppt'].includes(extension))
    return `is an older Microsoft Office file, which Casebook cannot read. Save it as .docx or PDF and import that. Casebook imports ${SUPPORTED} files.`;
  if (isWebArchive(name, bytes))
    return 'is a web archive (a page saved as a single file, .mhtml or .webarchive), which Casebook cannot read yet. Save the page as "Webpage, HTML only" and import that.';
  if (isRtf(bytes) || ['odt', 'rtf', 'pages', 'wpd'].includes(extension))
    return `is in a word-processor format Casebook cannot read${extension ? ` (.${extension})` : ''}. Save it as .docx or PDF and import that.`;
  const type = extension ? ` (.${extension})` : '';
  return `is of a type Casebook cannot import${type}. Casebook imports ${SUPPORTED} files.`;
}
