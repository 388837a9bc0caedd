import type { CaseDocument, DocumentCleanup, DocumentVersion, Excerpt, RecordRef, RemovedLine } from '../../../shared/domain';
import { keptLinesOf, offsetMapper } from '../cleanup/keptText';
import { hasLineNumbers } from '../cleanup/lineNumbers';
import type { CasebookDB } from '../db/schema';
import { getDocument } from './documentDetails';
import { NotFoundError, ValidationError } from './errors';
import { newId, now, quoted, writeCase } from './writeCase';
import { reanchorExcerpts } from './reanchoring';

/**
 * Clean-up of a document's text: lines of site text (menus, advertisement labels, share buttons…) taken out, put
 * back, and changes undone. Every text of a document is its text as extracted (version 1) without some of its lines,
 * so a clean-up is the set of lines removed (`document.cleanup`); each change keeps the text it replaces as a version
 * (`documentVersions`), and undo brings the last one back. The original file is never touched. Excerpts follow their
 * quotes into whichever text is current, by the anchoring module.
 */

/**
 * Whether clean-up can change the document: plain text, or a formatted version that numbers its lines (so the reader
 * can hide what is removed). A PDF's pages, and formatted documents imported before Casebook numbered their lines,
 * would no longer match their text.
 */
export function canCleanUp(document: Pick<CaseDocument, 'html' | 'pages'>): boolean {
  return document.pages === null && (document.html === null || hasLineNumbers(document.html));
}

const linesOf = (text: string): string[] => text.split(/\r?\n/);
const isBlank = (line: string): boolean => line.trim() === '';
const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

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

export interface TextChangeResult {
  document: CaseDocument;
  /** Excerpts whose anchor moved to the quote's place in the new text (or found it again). */
  relocated: Excerpt[];
  /** Excerpts that became orphaned: their quote cannot be found in the new text; quote and last place are kept. */
  orphaned: Excerpt[];
}

export interface CleanupResult extends TextChangeResult {
  removedLines: number;
  restoredLines: number;
}

/** A line the researcher chose to remove, as the clean-up dialog sends it: its index and words in the text as extracted. */
export interface LineToRemove {
  index: number;
  text: string;
  /** Why, as proposed; null for a line the researcher ticked without a proposal. */
  reason?: string | null;
}

/** The text as extracted: version 1 once a change was kept, else the text itself. Read inside the transaction. */
async function textAsExtracted(db: CasebookDB, document: CaseDocument): Promise<string> {
  if (document.textVersion <= 1) return document.text;
  const first = await db.documentVersions.where('[documentId+number]').equals([document.id, 1]).first();
  if (!first) throw new NotFoundError(`The text of ${quoted(document.title)} as extracted is missing, so it cannot be cleaned up.`);
  return first.text;
}

const removedSet = (cleanup: DocumentCleanup | null) => new Set((cleanup?.removed ?? []).map((line) => line.index));

/**
 * Replaces a document's text by its text as extracted without the lines `decide` chooses, keeping the text it
 * replaces as the next version, in one transaction with its history entry. Excerpts move to where their quotes are
 * in the new text (an excerpt whose quote is gone is marked orphaned, keeping its quote and last place).
 */
async function removeLines(
  db: CasebookDB,
  documentId: string,
  decide: (document: CaseDocument, lines: readonly string[]) => { removed: RemovedLine[]; change: string; summary: string },
): Promise<TextChangeResult & { before: ReadonlySet<number>; after: ReadonlySet<number> }> {
  const found = await getDocument(db, documentId);
  return writeCase(db, found.caseId, ['documents', 'excerpts', 'documentVersions'], async () => {
    // Read again inside the transaction: another window may have changed the text since.
    const current = await getDocument(db, documentId);
    if (!canCleanUp(current))
      throw new ValidationError([
        {
          field: '',
          message: current.pages
            ? `${quoted(current.title)} is a paged document: clean-up works on text and formatted documents, not on PDFs.`
            : `${quoted(current.title)} was imported before Casebook numbered the lines of formatted documents, so its formatted version could not follow a clean-up. Import the file again to clean it up.`,
        },
      ]);
    const base = await textAsExtracted(db, current);
    const lines = linesOf(base);
    const { removed, change, summary } = decide(current, lines);
    if (removed.length && removed.length >= lines.filter((line) => !isBlank(line)).length)
      throw new ValidationError([{ field: '', message: 'Clean-up cannot remove every line of the document.' }]);

    const before = removedSet(current.cleanup);
    const after = new Set(removed.map((line) => line.index));
    const from = keptLinesOf(base, before);
    const to = keptLinesOf(base, after);
    const at = now();
    const excerpts = await db.excerpts.where('documentId').equals(documentId).toArray();
    await keepVersion(db, current, excerpts, change, at);
    const document: CaseDocument = {
      ...current,
      text: to.text,
      cleanup: removed.length ? { removed: [...removed].sort((a, b) => a.index - b.index) } : null,
      textVersion: current.textVersion + 1,
      updatedAt: at,
    };
    await db.documents.put(document);
    // The text before is the text as extracted without the lines removed before, unless it was changed some other way.
    const mapped = from.text === current.text;
    const mapOffset = offsetMapper(from.starts, to.starts);
    const { relocated, orphaned } = await reanchorExcerpts(db, excerpts, to.text, at, {
      pages: null,
      hintOf: (excerpt) => ({ start: excerpt.anchor && mapped ? mapOffset(excerpt.anchor.start) : null }),
    });
    const moved = { relocated, orphaned };
    return { result: { document, ...moved, before, after }, change: { action: 'update', summary, records: recordsOf(document, moved) } };
  });
}

/** Keeps the text a change replaces, with where each excerpt was in it, as the document's next version. */
async function keepVersion(db: CasebookDB, current: CaseDocument, excerpts: readonly Excerpt[], change: string, at: string) {
  const version: DocumentVersion = {
    id: newId(),
    caseId: current.caseId,
    documentId: current.id,
    number: current.textVersion,
    text: current.text,
    cleanup: current.cleanup,
    anchors: Object.fromEntries(excerpts.map((excerpt) => [excerpt.id, excerpt.anchor])),
    replacedAt: at,
    replacedBy: change,
  };
  await db.documentVersions.put(version);
}

const recordsOf = (document: CaseDocument, { relocated, orphaned }: { relocated: Excerpt[]; orphaned: Excerpt[] }): RecordRef[] => [
  { type: 'document', id: document.id },
  ...[...relocated, ...orphaned].map((excerpt) => ({ type: 'excerpt' as const, id: excerpt.id })),
];

/**
 * Sets which lines of the document's text as extracted are removed as site text: the researcher's choice in the
 * clean-up dialog, lines already removed included (leaving one out puts it back). Each line is checked against the
 * text as extracted, so a dialog opened on a text that changed since is refused.
 */
export async function applyCleanup(db: CasebookDB, documentId: string, lines: readonly LineToRemove[]): Promise<CleanupResult> {
  if (!Array.isArray(lines) || lines.some((line) => !Number.isInteger(line?.index) || line.index < 0 || typeof line.text !== 'string'))
    throw new ValidationError([{ field: 'lines', message: 'The lines to remove are not valid.' }]);
  const result = await removeLines(db, documentId, (document, extracted) => {
    const existing = new Map((document.cleanup?.removed ?? []).map((line) => [line.index, line]));
    const removed = new Map<number, RemovedLine>();
    for (const line of lines) {
      if (extracted[line.index] !== line.text || isBlank(line.text))
        throw new ValidationError([
          { field: '', message: `The text of ${quoted(document.title)} changed since the clean-up was proposed. Open Clean up again.` },
        ]);
      removed.set(line.index, existing.get(line.index) ?? { index: line.index, text: line.text, reason: (line.reason || 'Chosen in Clean up').slice(0, 200) });
    }
    const added = [...removed.keys()].filter((index) => !existing.has(index)).length;
    const restored = [...existing.keys()].filter((index) => !removed.has(index)).length;
    if (!added && !restored)
      throw new ValidationError([{ field: '', message: existing.size ? 'Nothing changed: the same lines are removed.' : 'No line is marked for removal.' }]);
    const parts = [added ? `removed ${plural(added, 'line', 'lines')}` : '', restored ? `put back ${plural(restored, 'line', 'lines')}` : ''];
    const change = parts.filter(Boolean).join(', ');
    return {
      removed: [...removed.values()],
      change: `${change[0]!.toUpperCase()}${change.slice(1)}`,
      summary: `Cleaned up ${quoted(document.title)}: ${change}`,
    };
  });
  const removedLines = [...result.after].filter((index) => !result.before.has(index)).length;
  const restoredLines = [...result.before].filter((index) => !result.after.has(index)).length;
  return { document: result.document, relocated: result.relocated, orphaned: result.orphaned, removedLines, restoredLines };
}

/** Puts lines removed as site text back into the document's text (the review in the reader). */
export async function restoreRemovedLines(db: CasebookDB, documentId: string, indexes: readonly number[]): Promise<CleanupResult> {
  if (!Array.isArray(indexes) || !indexes.length || indexes.some((index) => !Number.isInteger(index) || index < 0))
    throw new ValidationError([{ field: 'lines', message: 'Choose the lines to put back.' }]);
  const wanted = new Set(indexes);
  const result = await removeLines(db, documentId, (document) => {
    const removed = document.cleanup?.removed ?? [];
    const missing = [...wanted].filter((index) => !removed.some((line) => line.index === index));
    if (missing.length)
      throw new ValidationError([
        {
          field: '',
          message: `${missing.length === 1 ? 'A line' : 'Some lines'} to put back ${missing.length === 1 ? 'is' : 'are'} no longer removed from ${quoted(document.title)}. Open the review again.`,
        },
      ]);
    const change = `Put back ${plural(wanted.size, 'line', 'lines')}`;
    return { removed: removed.filter((line) => !wanted.has(line.index)), change, summary: `${change} in ${quoted(document.title)}` };
  });
  return { document: result.document, relocated: result.relocated, orphaned: result.orphaned, removedLines: 0, restoredLines: wanted.size };
}

export interface UndoResult extends TextChangeResult {
  /** What was undone, as the version says: "Removed 12 lines of site text at import". */
  undone: string;
}

/**
 * Undoes the last change to the document's text: the text it replaced (the last version kept) becomes current
 * again, with the lines it had removed, and each excerpt goes back to where it was in it.
 */
export async function undoTextChange(db: CasebookDB, documentId: string): Promise<UndoResult> {
  const found = await getDocument(db, documentId);
  return writeCase(db, found.caseId, ['documents', 'excerpts', 'documentVersions'], async () => {
    const current = await getDocument(db, documentId);
    const previous =
      current.textVersion > 1
        ? await db.documentVersions.where('[documentId+number]').equals([documentId, current.textVersion - 1]).first()
        : undefined;
    if (!previous)
      throw new ValidationError([{ field: '', message: `The text of ${quoted(current.title)} has no change to undo.` }]);
    const at = now();
    const document: CaseDocument = { ...current, text: previous.text, cleanup: previous.cleanup, textVersion: previous.number, updatedAt: at };
    await db.documents.put(document);
    await db.documentVersions.delete(previous.id);
    const excerpts = await db.excerpts.where('documentId').equals(documentId).toArray();
    const base = previous.number === 1 ? previous.text : await textAsExtracted(db, current);
    const from = keptLinesOf(base, removedSet(current.cleanup));
    const to = keptLinesOf(base, removedSet(previous.cleanup));
    const mapped = from.text === current.text && to.text === previous.text;
    // Where the excerpt was in that text, if it was marked before the change; else where its place maps to.
    const mapOffset = offsetMapper(from.starts, to.starts);
    const moved = await reanchorExcerpts(db, excerpts, previous.text, at, {
      pages: null,
      hintOf: (excerpt) => ({
        anchor: previous.anchors[excerpt.id],
        start: excerpt.anchor && mapped ? mapOffset(excerpt.anchor.start) : null,
      }),
    });
    const undone = previous.replacedBy;
    return {
      result: { document, relocated: moved.relocated, orphaned: moved.orphaned, undone },
      change: { action: 'update', summary: `Undid “${undone}” in ${quoted(current.title)}`, records: recordsOf(document, moved) },
    };
  });
}
