import { decodeText, junkRatio } from './charset';
import { checkTextLength, emptyDocument, normaliseLineEndings, guessTitle } from './document';
import { ImportError, type ParsedDocument } from './types';

/** Plain text in any encoding Casebook can recognise; its first short line is taken as the title. */
export function parseText(bytes: Uint8Array): ParsedDocument {
  const decoded = decodeText(bytes);
  checkTextLength(decoded.text.length);
  // Judged before NULs are dropped: a file full of them is binary, whatever decoded it.
  if (junkRatio(decoded.text.slice(0, 65_536)) > 0.05)
    throw new ImportError('does not contain readable text: it looks like binary data rather than a text file.');
  const text = normaliseLineEndings(decoded.text.replace(/^\ufeff/, '')).replace(/\f/g, '\n\n');
  return {
    ...emptyDocument('text'),
    title: guessTitle(text) ?? '',
    text,
    charset: decoded.charset,
    language: decoded.language,
    warnings: decoded.warnings,
  };
}
