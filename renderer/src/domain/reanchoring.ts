import type { Excerpt, PageSpan, TextAnchor } from '../../../shared/domain';
import { locateQuote, pageAt, anchorAt, reanchor, type AnchorStrategy } from '../anchoring/anchor';
import type { CasebookDB } from '../db/schema';

/**
 * Excerpts following their quotes into a document's new text (a clean-up, lines put back, an undo, recognised text),
 * called by those operations inside their transaction, so the text and the excerpts never disagree.
 */

export interface ReanchorResult {
  /** Excerpts whose anchor moved (or that were found again after being orphaned). */
  relocated: Excerpt[];
  /** Excerpts that became orphaned with this change: their quote cannot be found in the new text. */
  orphaned: Excerpt[];
  /** How each excerpt found in the new text was found, by id (for tests and the interface). */
  strategies: Record<string, AnchorStrategy>;
}

/** Where the change is known to have put an excerpt: the anchor it had in that text, or its old start mapped into it. */
export type PlaceHint = { anchor?: TextAnchor | null; start?: number | null };

/**
 * Finds each excerpt's quote in the new text and writes what changed: found → its anchor there, `orphaned: false`;
 * not found → `orphaned: true`, its last known anchor kept so the researcher can see where it was.
 */
export async function reanchorExcerpts(
  db: CasebookDB,
  excerpts: readonly Excerpt[],
  text: string,
  at: string,
  options: { pages: readonly PageSpan[] | null; hintOf?: (excerpt: Excerpt) => PlaceHint },
): Promise<ReanchorResult> {
  const result: ReanchorResult = { relocated: [], orphaned: [], strategies: {} };
  // Written together at the end: one bulk write costs far less than thousands of single ones.
  const changed: Excerpt[] = [];
  for (const excerpt of excerpts) {
    const hint = options.hintOf?.(excerpt) ?? {};
    const found = find(text, excerpt, hint, options.pages);
    if (found) {
      result.strategies[excerpt.id] = found.strategy;
      if (!excerpt.orphaned && JSON.stringify(found.anchor) === JSON.stringify(excerpt.anchor)) continue;
      const moved: Excerpt = { ...excerpt, anchor: found.anchor, orphaned: false, updatedAt: at };
      changed.push(moved);
      result.relocated.push(moved);
    } else if (!excerpt.orphaned && excerpt.anchor) {
      const orphaned: Excerpt = { ...excerpt, orphaned: true, updatedAt: at };
      changed.push(orphaned);
      result.orphaned.push(orphaned);
    }
  }
  if (changed.length) await db.excerpts.bulkPut(changed);
  return result;
}

function find(
  text: string,
  excerpt: Excerpt,
  hint: PlaceHint,
  pages: readonly PageSpan[] | null,
): { anchor: TextAnchor; strategy: AnchorStrategy } | null {
  // The anchor the excerpt had in this very text (an undo brings it back) is tried first.
  if (hint.anchor) {
    const exact = reanchor(text, excerpt.quote, hint.anchor, { pages });
    if (exact) return exact;
  }
  if (excerpt.anchor) return reanchor(text, excerpt.quote, excerpt.anchor, { pages, hint: hint.start ?? null });
  // Never anchored (its quote was typed, or its document had no text yet): the quote itself, if the text has it.
  const place = locateQuote(text, excerpt.quote);
  return place ? { anchor: anchorAt(text, place.start, place.end, pageAt(pages, place.start)), strategy: 'quote' } : null;
}
