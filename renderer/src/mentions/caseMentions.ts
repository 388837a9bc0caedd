/**
 * A case's mentions, kept current: each document's folded text and every place a name stands in it (its
 * candidates), from which its mentions are selected. A changed document is scanned again alone; a new name is looked
 * for alone in every document; a removed name's candidates are dropped. Either way the document's mentions are
 * selected again from all its candidates, so a shorter name that a removed one covered ("Antwerp" inside "Port of
 * Antwerp") takes its place, and the result is what scanning everything afresh would give.
 */
import { foldText, type MatchText } from './folding';
import { MentionMatcher } from './matcher';
import type { Mention, MentionName } from './names';
import { selectMentions } from './rules';

interface DocumentMentions {
  text: MatchText;
  /** Triples (pattern, start, end), overlaps included. */
  candidates: Int32Array;
  /** The triples selected from them. */
  mentions: Int32Array;
}

/** How many times a document mentions an entity. */
export interface DocumentCount {
  documentId: string;
  count: number;
}

export class CaseMentions {
  private readonly matcher: MentionMatcher;
  private readonly documents = new Map<string, DocumentMentions>();

  constructor(names: readonly MentionName[] = []) {
    this.matcher = new MentionMatcher(names);
  }

  get documentCount(): number {
    return this.documents.size;
  }

  /** Scans a new or changed document. */
  putDocument(documentId: string, text: string): void {
    const folded = foldText(text);
    const candidates = this.matcher.candidates(folded);
    this.documents.set(documentId, { text: folded, candidates, mentions: selectMentions(candidates) });
  }

  removeDocument(documentId: string): void {
    this.documents.delete(documentId);
  }

  addNames(names: readonly MentionName[]): void {
    this.refresh(this.matcher.addNames(names));
  }

  removeNames(names: readonly Pick<MentionName, 'entityId' | 'name'>[]): void {
    this.refresh(this.matcher.removeNames(names));
  }

  /** A document's mentions in its order; none for a document not scanned. */
  mentionsIn(documentId: string): Mention[] {
    const document = this.documents.get(documentId);
    return document ? this.matcher.mentionsOf(document.mentions) : [];
  }

  /** The mentions of the case's names in a text that is not one of its documents (as a reader renders one). */
  mentionsInText(text: string): Mention[] {
    return this.matcher.mentionsOf(selectMentions(this.matcher.candidates(foldText(text))));
  }

  /** Each document's mentions, document by document. */
  *eachDocument(): Generator<{ documentId: string; mentions: Mention[] }> {
    for (const [documentId, document] of this.documents) yield { documentId, mentions: this.matcher.mentionsOf(document.mentions) };
  }

  /** For each entity mentioned, in how many documents and how many times; entities without any are left out. */
  entityTotals(): { entityId: string; documents: number; mentions: number }[] {
    const totals = new Map<string, { entityId: string; documents: number; mentions: number }>();
    for (const { mentions } of this.eachDocument()) {
      const seen = new Set<string>();
      for (const { entityId } of mentions) {
        let total = totals.get(entityId);
        if (!total) totals.set(entityId, (total = { entityId, documents: 0, mentions: 0 }));
        total.mentions++;
        if (!seen.has(entityId)) {
          seen.add(entityId);
          total.documents++;
        }
      }
    }
    return [...totals.values()];
  }

  /** How many mentions each entity has across the case; entities without any are left out. */
  countsPerEntity(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const document of this.documents.values())
      for (const mention of this.matcher.mentionsOf(document.mentions))
        counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
    return counts;
  }

  /** The documents that mention an entity, with how often, most first. */
  documentsMentioning(entityId: string): DocumentCount[] {
    const found: DocumentCount[] = [];
    for (const [documentId, document] of this.documents) {
      const count = this.matcher.mentionsOf(document.mentions).filter((mention) => mention.entityId === entityId).length;
      if (count) found.push({ documentId, count });
    }
    return found.sort((a, b) => b.count - a.count || a.documentId.localeCompare(b.documentId));
  }

  /** Drops the candidates of the patterns given from every document and looks again for those still carried. */
  private refresh(patterns: readonly number[]): void {
    if (patterns.length === 0 || this.documents.size === 0) return;
    const changed = new Set(patterns);
    const live = patterns.filter((pattern) => this.matcher.isLive(pattern));
    const scanner = live.length ? this.matcher.scannerOf(live) : null;
    for (const document of this.documents.values()) {
      const kept = withoutPatterns(document.candidates, changed);
      const found = scanner ? this.matcher.candidates(document.text, scanner) : EMPTY;
      if (kept.length === document.candidates.length && found.length === 0) continue;
      const candidates = new Int32Array(kept.length + found.length);
      candidates.set(kept);
      candidates.set(found, kept.length);
      document.candidates = candidates;
      document.mentions = selectMentions(candidates);
    }
  }
}

const EMPTY = new Int32Array(0);

function withoutPatterns(candidates: Int32Array, patterns: ReadonlySet<number>): Int32Array {
  const kept: number[] = [];
  for (let at = 0; at < candidates.length; at += 3)
    if (!patterns.has(candidates[at]!)) kept.push(candidates[at]!, candidates[at + 1]!, candidates[at + 2]!);
  return kept.length === candidates.length ? candidates : Int32Array.from(kept);
}
