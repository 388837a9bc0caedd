import type { CaseDocument, Entity, Excerpt, TextAnchor } from '../../../shared/domain';
import { excerptInputSchema, type ExcerptInput } from '../../../shared/validation';
import { quoteTitle, recordTitle } from '../../../shared/vocabulary';
import { anchorQuote } from '../anchoring/anchor';
import type { CasebookDB } from '../db/schema';
import { editRecord, newId, now, parseInput, quoted, writeCase } from './writeCase';
import { NotFoundError, ValidationError } from './errors';
import { checkTagsInCase } from './tags';

async function sourceOf(db: CasebookDB, caseId: string, documentId: string | null): Promise<CaseDocument | null> {
  if (!documentId) return null;
  const document = await db.documents.get(documentId);
  if (!document || document.caseId !== caseId)
    throw new NotFoundError('The document this excerpt quotes is not in this case any more.');
  return document;
}

/**
 * The anchor an excerpt gets, computed from its document's text as read inside the transaction: at the place the
 * researcher selected, which must hold the quote, or where the quote is found (near where it was before). A quote of a
 * document is its own words: one its text does not contain is refused, never kept as if it were a quote.
 */
function anchorIn(
  document: CaseDocument | null,
  quote: string,
  selected: TextAnchor | null,
  previous: TextAnchor | null,
): TextAnchor | null {
  if (!document) return null;
  const options = { pages: document.pages };
  if (!selected) {
    const found = anchorQuote(document.text, quote, { ...options, previous });
    if (!found) throw new ValidationError([{ field: 'quote', message: notInText(document, quote) }]);
    return found;
  }
  if (selected.start >= selected.end || selected.end > document.text.length)
    throw new ValidationError([
      {
        field: 'quote',
        message: `The selection is outside the text of ${quoted(document.title)}, which has ${document.text.length.toLocaleString('en')} characters. Select the words in the document again.`,
      },
    ]);
  const anchor = anchorQuote(document.text, quote, { ...options, at: selected });
  if (!anchor)
    throw new ValidationError([
      {
        field: 'quote',
        message: `The quote is not at the marked place in ${quoted(document.title)}: the text may have changed. Select the words again.`,
      },
    ]);
  return anchor;
}

/** Why a typed quote is refused: the document does not say it (or has no text yet to say anything). */
function notInText(document: CaseDocument, quote: string): string {
  if (!document.text.trim())
    return `${quoted(document.title)} has no text to quote yet: recognise its text in the reader first, or choose no source document.`;
  return `${quoted(document.title)} does not say ${quoted(quoteTitle(quote))}: a quote is the document’s own words, word for word. Select the passage in the document and mark it, or put a paraphrase in the comment.`;
}

/** The codebook is read only for an excerpt given tags, so an untagged one is written as before the codebook existed. */
const codebookIfTagged = (tags: readonly string[]) => (tags.length ? (['tags'] as const) : []);

export async function createExcerpt(db: CasebookDB, caseId: string, input: ExcerptInput): Promise<Excerpt> {
  const { anchor: selected, ...parsed } = parseInput(excerptInputSchema, input);
  return writeCase(db, caseId, ['excerpts', 'documents', ...codebookIfTagged(parsed.tags)], async () => {
    const excerpt = await addExcerpt(db, caseId, parsed, selected);
    return {
      result: excerpt,
      change: {
        action: 'create',
        summary: `Marked excerpt ${quoted(recordTitle('excerpt', excerpt))}`,
        records: [{ type: 'excerpt', id: excerpt.id }],
      },
    };
  });
}

/**
 * Marks a passage as an excerpt that mentions an entity, in one step ("Link selection to entity"): the excerpt and
 * its link are written in one transaction and read as one change in the history.
 */
export async function markExcerptMentioning(
  db: CasebookDB,
  caseId: string,
  input: ExcerptInput,
  entityId: string,
): Promise<{ excerpt: Excerpt; entity: Entity }> {
  const { anchor: selected, ...parsed } = parseInput(excerptInputSchema, input);
  return writeCase(db, caseId, ['excerpts', 'documents', 'entities', 'links', ...codebookIfTagged(parsed.tags)], async () => {
    const entity = await db.entities.get(entityId);
    if (!entity || entity.caseId !== caseId)
      throw new ValidationError([{ field: 'entityId', message: 'This entity is not in the case any more (deleted in another window?). Choose another.' }]);
    const excerpt = await addExcerpt(db, caseId, parsed, selected);
    const ends = { from: { type: 'excerpt' as const, id: excerpt.id }, to: { type: 'entity' as const, id: entity.id } };
    await db.links.add({ id: newId(), caseId, ...ends, kind: 'mentions', ends: [excerpt.id, entity.id], createdAt: excerpt.createdAt, updatedAt: excerpt.createdAt });
    return {
      result: { excerpt, entity },
      change: {
        action: 'create',
        summary: `Marked excerpt ${quoted(recordTitle('excerpt', excerpt))}, mentioning ${quoted(entity.name)}`,
        records: [ends.from, ends.to],
      },
    };
  });
}

/** Writes a new excerpt, anchored in its document's text as read inside the caller's transaction. */
export async function addExcerpt(
  db: CasebookDB,
  caseId: string,
  parsed: Omit<ReturnType<typeof excerptInputSchema.parse>, 'anchor'>,
  selected: TextAnchor | null,
): Promise<Excerpt> {
  await checkTagsInCase(db, caseId, parsed.tags);
  const document = await sourceOf(db, caseId, parsed.documentId);
  const anchor = anchorIn(document, parsed.quote, selected, null);
  const at = now();
  const excerpt: Excerpt = { id: newId(), caseId, ...parsed, anchor, orphaned: false, detachedFrom: null, createdAt: at, updatedAt: at };
  await db.excerpts.add(excerpt);
  return excerpt;
}

/** Edits an excerpt; when its quote or document changes, its anchor is found again in the document's text. */
export async function updateExcerpt(db: CasebookDB, excerptId: string, input: ExcerptInput): Promise<Excerpt> {
  const { anchor: selected, ...parsed } = parseInput(excerptInputSchema, input);
  const missing = 'This excerpt no longer exists. It may have been deleted in another window.';
  return editRecord(db, db.excerpts, excerptId, missing, ['documents', ...codebookIfTagged(parsed.tags)], async (existing) => {
    await checkTagsInCase(db, existing.caseId, parsed.tags);
    const quotesSource = (existing.documentId && parsed.documentId === existing.documentId) || existing.detachedFrom;
    if (quotesSource && parsed.quote !== existing.quote)
      throw new ValidationError([
        {
          field: 'quote',
          message: 'The quote is the document’s own words and cannot be typed over: select the passage again in the document to change it (Re-attach).',
        },
      ]);
    const document = await sourceOf(db, existing.caseId, parsed.documentId);
    // The form sends the excerpt's own anchor back: that is no new selection (and an orphaned excerpt's last place
    // does not hold its quote any more, yet its comment and tags can still be edited).
    const sameSelection = !selected || (selected.start === existing.anchor?.start && selected.end === existing.anchor?.end);
    const unchanged = parsed.documentId === existing.documentId && parsed.quote === existing.quote && sameSelection;
    // An excerpt made before quotes were anchored gets its place when edited, if its quote is found.
    const anchor = unchanged
      ? (existing.anchor ?? (document && anchorQuote(document.text, parsed.quote, { pages: document.pages })))
      : anchorIn(document, parsed.quote, selected, existing.anchor);
    const updated: Excerpt = { ...existing, ...parsed, anchor, updatedAt: now() };
    await db.excerpts.put(updated);
    return {
      result: updated,
      change: {
        action: 'update',
        summary: `Edited excerpt ${quoted(recordTitle('excerpt', updated))}`,
        records: [{ type: 'excerpt', id: excerptId }],
      },
    };
  });
}

/** A passage selected in the reader: its words and where they are in the document's text. */
export interface SelectedPassage {
  quote: string;
  anchor: TextAnchor | null;
}

/**
 * Attaches an excerpt to a passage selected again in its document: the way back for an orphaned excerpt (its quote
 * lost in a changed text), and the only way to change what an excerpt of a document quotes. The quote becomes the
 * selected words, anchored where they were selected; the excerpt is no longer orphaned.
 */
export async function reattachExcerpt(db: CasebookDB, excerptId: string, selection: SelectedPassage): Promise<Excerpt> {
  const { quote, anchor: selected } = parseInput(excerptInputSchema.pick({ quote: true, anchor: true }), selection);
  const missing = 'This excerpt no longer exists. It may have been deleted in another window.';
  if (!selected)
    throw new ValidationError([{ field: 'quote', message: 'Select the passage this excerpt quotes in the document’s text first.' }]);
  return editRecord(db, db.excerpts, excerptId, missing, ['documents'], async (existing) => {
    const document = await sourceOf(db, existing.caseId, existing.documentId);
    if (!document)
      throw new ValidationError([{ field: 'quote', message: 'This excerpt has no document to re-attach it to.' }]);
    const anchor = anchorIn(document, quote, selected, null);
    const updated: Excerpt = { ...existing, quote, anchor, orphaned: false, updatedAt: now() };
    await db.excerpts.put(updated);
    return {
      result: updated,
      change: {
        action: 'update',
        summary: `Re-attached excerpt ${quoted(recordTitle('excerpt', updated))} to its passage in ${quoted(document.title)}`,
        records: [
          { type: 'excerpt', id: excerptId },
          { type: 'document', id: document.id },
        ],
      },
    };
  });
}
