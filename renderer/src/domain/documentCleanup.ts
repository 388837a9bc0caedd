import type { CaseDocument, Excerpt, RecordRef } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import { recordTitle } from '../../../shared/vocabulary';
import { anchorAt, locateQuote } from '../anchoring/anchor';
import type { CasebookDB } from '../db/schema';
import { getDocument } from './documentDetails';
import { ValidationError } from './errors';
import { now, quoted, writeCase } from './writeCase';

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
      (excerpt) => `After clean-up, the quote of excerpt ${quoted(recordTitle('excerpt', excerpt))} is no longer in the text.`,
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
