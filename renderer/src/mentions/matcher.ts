/**
 * The mention matcher: every entity's names and aliases in one automaton, and the rules that make a found name a
 * mention (rules.ts). Pure: no worker, no database. `scan` answers for one text; the case's mentions
 * (caseMentions.ts) keep each document's candidates and ask for the few names that change.
 */
import { scannerFor, type HitScanner } from './automaton';
import { foldText, originalOffset, type MatchText } from './folding';
import { NamePatterns, type Mention, type MentionName } from './names';
import { selectMentions, standsAlone } from './rules';

/**
 * Names added since the automaton was built are looked for beside it, one by one or in an automaton of their own,
 * until there are more than this many; then the automaton is built again with them, when a text is next scanned (so
 * that names given in many batches before any text build it once).
 */
const REBUILD_AFTER = 32;

const FINDS_NOTHING: HitScanner = () => {};

export class MentionMatcher {
  private readonly patterns = new NamePatterns();
  private automaton = FINDS_NOTHING;
  /** Live patterns the automaton does not hold, and the scanner for them. */
  private added: number[] = [];
  private addedScanner = FINDS_NOTHING;
  private readonly inAutomaton = new Set<number>();
  /** Whether the automaton is to be built again before the next scan. */
  private stale: boolean;

  constructor(names: readonly MentionName[] = []) {
    for (const name of names) this.patterns.add(name);
    this.stale = names.length > 0;
  }

  /** The mentions in a text: every name found as a word, leftmost and longest first, in the text's own offsets. */
  scan(text: string): Mention[] {
    return this.mentionsOf(selectMentions(this.candidates(foldText(text))));
  }

  /**
   * Where the names stand as words in a folded text, as triples (pattern, start, end) in the original's offsets,
   * overlaps included; only those of the patterns `only` scans for if given.
   */
  candidates(text: MatchText, only?: HitScanner): Int32Array {
    const found: number[] = [];
    const keep = (pattern: number, start: number, end: number) => {
      if (!this.patterns.isLive(pattern)) return;
      if (!standsAlone(text, start, end, this.patterns.takesEndings(pattern))) return;
      found.push(pattern, originalOffset(text, start), originalOffset(text, end));
    };
    if (only) only(text.folded, keep);
    else {
      if (this.stale) this.rebuild();
      this.automaton(text.folded, keep);
      this.addedScanner(text.folded, keep);
    }
    return Int32Array.from(found);
  }

  /** The mentions that selected triples make: one for each entity carrying the name found. */
  mentionsOf(selected: Int32Array): Mention[] {
    const mentions: Mention[] = [];
    for (let at = 0; at < selected.length; at += 3)
      mentions.push(...this.patterns.mentions(selected[at]!, selected[at + 1]!, selected[at + 2]!));
    return mentions;
  }

  /**
   * Gives entities names. Returns the patterns whose mentions must be found again in every text (names new to the
   * case, or that take endings now); a name another entity already has only adds that entity to its mentions.
   */
  addNames(names: readonly MentionName[]): number[] {
    const changed = this.changedBy(names, (name) => this.patterns.add(name));
    const added = changed.filter((pattern) => this.patterns.isLive(pattern) && !this.inAutomaton.has(pattern));
    if (added.length && !this.stale) {
      this.added = [...new Set([...this.added, ...added])];
      if (this.added.length > REBUILD_AFTER) this.stale = true;
      else this.addedScanner = this.scannerOf(this.added);
    }
    return changed;
  }

  /** Takes names from entities. Returns the patterns whose mentions must be dropped or found again in every text. */
  removeNames(names: readonly Pick<MentionName, 'entityId' | 'name'>[]): number[] {
    return this.changedBy(names, (name) => this.patterns.remove(name));
  }

  isLive(pattern: number): boolean {
    return this.patterns.isLive(pattern);
  }

  /** A scanner for these patterns alone: to look for new names in texts already scanned. */
  scannerOf(patterns: readonly number[]): HitScanner {
    return scannerFor(patterns.map((pattern) => ({ pattern, folded: this.patterns.foldedName(pattern) })));
  }

  private changedBy<N>(names: readonly N[], change: (name: N) => number | null): number[] {
    const changed = new Set<number>();
    for (const name of names) {
      const pattern = change(name);
      if (pattern !== null) changed.add(pattern);
    }
    return [...changed];
  }

  private rebuild(): void {
    const live = this.patterns.live();
    this.automaton = this.scannerOf(live);
    this.inAutomaton.clear();
    for (const pattern of live) this.inAutomaton.add(pattern);
    this.added = [];
    this.addedScanner = FINDS_NOTHING;
    this.stale = false;
  }
}
