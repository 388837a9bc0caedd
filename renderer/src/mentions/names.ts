/**
 * The names the matcher looks for: each entity's name and aliases, folded. Names that fold alike are one pattern,
 * carried by every entity that has it.
 */
import type { EntityType } from '../../../shared/domain';
import { foldName } from './folding';

/** One name or alias of one entity, as the matcher is given it. */
export interface MentionName {
  entityId: string;
  /** The name or alias as the researcher wrote it. */
  name: string;
  /** Identifiers (phone numbers, e-mail addresses, account numbers) take no grammatical endings. */
  entityType?: EntityType;
}

/** Where a document names an entity, in the document's own offsets (UTF-16, end exclusive). */
export interface Mention {
  entityId: string;
  /** Which of the entity's names or aliases matched, as written on the entity. */
  name: string;
  start: number;
  end: number;
}

const IDENTIFIER_TYPES: ReadonlySet<EntityType> = new Set(['phone', 'email', 'account']);

/** An entity carrying a pattern, through one or more of its names that fold alike ("Müller", "Muller"). */
interface Carrier {
  entityId: string;
  names: string[];
  identifier: boolean;
}

/**
 * Every folded name, numbered once for good, with the entities that carry it. A pattern no entity carries any more
 * keeps its number (it is dead), so an automaton built with it stays valid and only has its hits ignored.
 */
export class NamePatterns {
  private readonly numbers = new Map<string, number>();
  private readonly folded: string[] = [];
  private readonly carriers: Carrier[][] = [];
  /** Whether each pattern takes ENDINGS: unless every entity carrying it is an identifier. */
  private readonly endings: boolean[] = [];

  /**
   * Gives an entity a name; the number of the name's pattern if its mentions must be found again (it was dead, or
   * takes endings now), null if not or if the name is too short to look for.
   */
  add(name: MentionName): number | null {
    const folded = foldName(name.name);
    if (folded === null) return null;
    const pattern = this.numberOf(folded);
    const carriers = this.carriers[pattern]!;
    const carrier = carriers.find((each) => each.entityId === name.entityId);
    if (carrier) {
      if (!carrier.names.includes(name.name)) carrier.names.push(name.name);
    } else {
      carriers.push({
        entityId: name.entityId,
        names: [name.name],
        identifier: name.entityType !== undefined && IDENTIFIER_TYPES.has(name.entityType),
      });
    }
    return this.settle(pattern, carriers.length === 1 && !carrier);
  }

  /** Takes a name from an entity; the pattern's number if its mentions must be found again or dropped, else null. */
  remove(name: Pick<MentionName, 'entityId' | 'name'>): number | null {
    const folded = foldName(name.name);
    const pattern = folded === null ? undefined : this.numbers.get(folded);
    if (pattern === undefined) return null;
    const carriers = this.carriers[pattern]!;
    const at = carriers.findIndex((each) => each.entityId === name.entityId);
    const carrier = carriers[at];
    if (!carrier?.names.includes(name.name)) return null;
    carrier.names.splice(carrier.names.indexOf(name.name), 1);
    if (carrier.names.length === 0) carriers.splice(at, 1);
    return this.settle(pattern, carriers.length === 0);
  }

  isLive(pattern: number): boolean {
    return this.carriers[pattern]!.length > 0;
  }

  takesEndings(pattern: number): boolean {
    return this.endings[pattern]!;
  }

  foldedName(pattern: number): string {
    return this.folded[pattern]!;
  }

  /** Numbers of the patterns some entity carries. */
  live(): number[] {
    return this.folded.flatMap((_, pattern) => (this.isLive(pattern) ? [pattern] : []));
  }

  /** The mentions a pattern found from `start` to `end` makes: one for each entity carrying it. */
  mentions(pattern: number, start: number, end: number): Mention[] {
    return this.carriers[pattern]!.map((carrier) => ({ entityId: carrier.entityId, name: carrier.names[0]!, start, end }));
  }

  private numberOf(folded: string): number {
    let pattern = this.numbers.get(folded);
    if (pattern === undefined) {
      pattern = this.folded.length;
      this.numbers.set(folded, pattern);
      this.folded.push(folded);
      this.carriers.push([]);
      this.endings.push(false);
    }
    return pattern;
  }

  /** Updates whether a pattern takes endings after its carriers changed; its number if its mentions change. */
  private settle(pattern: number, livenessChanged: boolean): number | null {
    const takesEndings = this.carriers[pattern]!.some((carrier) => !carrier.identifier);
    const endingsChanged = takesEndings !== this.endings[pattern];
    this.endings[pattern] = takesEndings;
    return livenessChanged || endingsChanged ? pattern : null;
  }
}
