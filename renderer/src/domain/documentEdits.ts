import type { CaseDocument, Excerpt, RecordRef, TextAnchor } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import { documentMetadataSchema, type DocumentMetadataInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { editRecord, now, parseInput, quoted, writeCase } from './core';
import { NotFoundError, ValidationError } from './errors';
import { recordTitle } from './records';

/** How much text either side of a quote an anchor keeps, to tell apart two places that quote the same words. */
export const ANCHOR_CONTEXT_LENGTH = 32;

const METADATA_FIELDS = ['title', 'authors', 'sourceUrl', 'publishedAt', 'language', 'tags', 'summary'] as const;

async function getDocument(db: CasebookDB, documentId: string): Promise<CaseDocument> {
  const document = await db.documents.get(documentId);
  if (!document)
    throw new NotFoundError('This document no longer exists. It may have been deleted in another window.');
  return document;
}

/**
 * Changes a document's details (title, authors, source, published date, language, tags, summary). Fields left out of
 * `input` keep their value; when nothing changes, nothing is written and no history entry is added.
 */
export async function updateDocumentMetadata(
  db: CasebookDB,
  documentId: string,
  input: Partial<DocumentMetadataInput>,
): Promise<CaseDocument> {
  const parsed = parseInput(documentMetadataSchema.partial(), input);
  const existing = await getDocument(db, documentId);
  const changed = METADATA_FIELDS.some(
    (field) => field in parsed && JSON.stringify(parsed[field]) !== JSON.stringify(existing[field]),
  );
  if (!changed) return existing;
  const missing = 'This document no longer exists. It may have been deleted in another window.';
  return editRecord(db, db.documents, documentId, missing, [], async (current) => {
    const updated: CaseDocument = { ...current, ...parsed, updatedAt: now() };
    await db.documents.put(updated);
    return {
      result: updated,
      change: {
        action: 'update',
        summary: `Edited details of ${quoted(updated.title)}`,
        records: [{ type: 'document', id: documentId }],
      },
    };
  });
}

/** Where a quote is, with the text around it, in a document's text. */
export function anchorAt(text: string, start: number, end: number, page: number | null = null): TextAnchor {
  return {
    start,
    end,
    prefix: text.slice(Math.max(0, start - ANCHOR_CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + ANCHOR_CONTEXT_LENGTH),
    page,
  };
}

const MAX_OCCURRENCES = 1_000;

/** Every place `quote` occurs in `text`, exactly or else with any run of white space standing for any other. */
function occurrencesOf(text: string, quote: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf(quote); at >= 0 && found.length < MAX_OCCURRENCES; at = text.indexOf(quote, at + 1))
    found.push({ start: at, end: at + quote.length });
  if (found.length || !quote.trim()) return found;
  // Line breaks often differ between a quote and its source (a PDF's lines, a copied paragraph).
  const pattern = quote
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  for (const match of text.matchAll(new RegExp(pattern, 'g'))) {
    found.push({ start: match.index, end: match.index + match[0].length });
    if (found.length >= MAX_OCCURRENCES) break;
  }
  return found;
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return length;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/**
 * Finds a quote in a text: the occurrence whose surroundings best match the old anchor's prefix and suffix, then the
 * one nearest the old position. Null when the quote is not in the text at all.
 */
export function locateQuote(
  text: string,
  quote: string,
  previous?: Pick<TextAnchor, 'start' | 'prefix' | 'suffix'> | null,
): { start: number; end: number } | null {
  const candidates = occurrencesOf(text, quote);
  if (!previous) return candidates[0] ?? null;
  let best: { start: number; end: number } | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const before = text.slice(Math.max(0, candidate.start - previous.prefix.length), candidate.start);
    const after = text.slice(candidate.end, candidate.end + previous.suffix.length);
    const score = commonSuffixLength(before, previous.prefix) + commonPrefixLength(after, previous.suffix);
    const distance = Math.abs(candidate.start - previous.start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = candidate;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** Clean-up works line by line on plain text; formatted or paged documents would lose their layout. */
export function canCleanUp(document: Pick<CaseDocument, 'html' | 'pages'>): boolean {
  return document.html === null && document.pages === null;
}

const linesOf = (text: string): string[] => text.split(/\r?\n/);
const isBlank = (line: string): boolean => line.trim() === '';

/**
 * How many non-blank lines of `original` were dropped to give `kept`, or null when `kept` is not `original` with
 * whole lines removed (a line edited, added or moved).
 */
export function countRemovedLines(original: string, kept: string): number | null {
  const keptLines = linesOf(kept).filter((line) => !isBlank(line));
  const originalLines = linesOf(original).filter((line) => !isBlank(line));
  let next = 0;
  for (const line of originalLines) if (next < keptLines.length && keptLines[next] === line) next++;
  return next === keptLines.length ? originalLines.length - keptLines.length : null;
}

export interface CleanupResult {
  document: CaseDocument;
  removedLines: number;
  /** Excerpts whose anchor moved to the quote's place in the new text. */
  relocated: Excerpt[];
  /** Excerpts whose quote is no longer in the text: their anchor is cleared, the quote itself is kept. */
  lost: Excerpt[];
}

/**
 * Replaces a plain-text document's text with the same text minus the lines the researcher chose to remove (site
 * menus, advertisements, share buttons). The original file is left as it was. Excerpts of the document are found
 * again in the new text by their quote; those whose quote is gone lose their anchor and are reported.
 */
export async function applyCleanup(db: CasebookDB, documentId: string, keptText: string): Promise<CleanupResult> {
  if (typeof keptText !== 'string' || keptText.length > LIMITS.textLength)
    throw new ValidationError([{ field: 'text', message: 'The cleaned text is not valid text.' }]);
  const existing = await getDocument(db, documentId);
  if (!canCleanUp(existing))
    throw new ValidationError([
      { field: '', message: `${quoted(existing.title)} has a formatted or paged version: clean-up works on plain text only.` },
    ]);
  const removedLines = countRemovedLines(existing.text, keptText);
  if (removedLines === null)
    throw new ValidationError([
      {
        field: '',
        message: `The text of ${quoted(existing.title)} changed since the clean-up was proposed. Open Clean up again.`,
      },
    ]);
  if (removedLines === 0) throw new ValidationError([{ field: '', message: 'No line is marked for removal.' }]);
  if (keptText.trim() === '')
    throw new ValidationError([{ field: '', message: 'Clean-up cannot remove every line of the document.' }]);

  return writeCase(db, existing.caseId, ['documents', 'excerpts'], async () => {
    // Read again inside the transaction: another window may have changed the text since.
    const current = await getDocument(db, documentId);
    if (current.text !== existing.text)
      throw new ValidationError([
        { field: '', message: `The text of ${quoted(current.title)} changed meanwhile. Open Clean up again.` },
      ]);
    const at = now();
    const relocated: Excerpt[] = [];
    const lost: Excerpt[] = [];
    const written: Excerpt[] = [];
    for (const excerpt of await db.excerpts.where('documentId').equals(documentId).toArray()) {
      const place = locateQuote(keptText, excerpt.quote, excerpt.anchor);
      if (place && excerpt.anchor) {
        const anchor = anchorAt(keptText, place.start, place.end, excerpt.anchor.page);
        if (JSON.stringify(anchor) === JSON.stringify(excerpt.anchor)) continue;
        const moved: Excerpt = { ...excerpt, anchor, updatedAt: at };
        await db.excerpts.put(moved);
        relocated.push(moved);
        written.push(moved);
      } else if (!place) {
        if (!excerpt.anchor) {
          lost.push(excerpt);
          continue;
        }
        const unanchored: Excerpt = { ...excerpt, anchor: null, updatedAt: at };
        await db.excerpts.put(unanchored);
        lost.push(unanchored);
        written.push(unanchored);
      }
    }
    const warnings = lost.map(
      (excerpt) => `After clean-up, the quote of excerpt ${quoted(recordTitle(excerpt))} is no longer in the text.`,
    );
    const document: CaseDocument = {
      ...current,
      text: keptText,
      warnings: [...current.warnings, ...warnings],
      updatedAt: at,
    };
    await db.documents.put(document);
    const records: RecordRef[] = [
      { type: 'document', id: documentId },
      ...written.map((excerpt) => ({ type: 'excerpt' as const, id: excerpt.id })),
    ];
    return {
      result: { document, removedLines, relocated, lost },
      change: {
        action: 'update',
        summary: `Cleaned up ${quoted(current.title)}: removed ${removedLines} ${removedLines === 1 ? 'line' : 'lines'}`,
        records,
      },
    };
  });
}
