/**
 * What the researcher is offered of the engine's suggestions, given the case as it is now: the engine read the text
 * once (in its worker), while entities are added and suggestions dismissed as the researcher goes through them. So a
 * suggestion accepted, added as an alias or dismissed a moment ago is settled here, on the page, without reading the
 * text again: a name the case already has is "known" (never offered as new), a name dismissed is gone, and the
 * likely matches are ranked over the entities as they are now. Pure: no DOM, no database.
 */
import type { DismissedSuggestion, Entity } from '../../../shared/domain';
import { entityNameKey, isBuiltInEntityType } from '../../../shared/entities';
import { suggestionKey } from './keys';
import { EntityIndex } from './known';
import { SUGGESTION_TYPES, type KnownEntity, type Suggestion, type SuggestionType } from './types';

/** What a review needs of a suggestion, for one document's and for a batch's alike. */
export type ReviewableSuggestion = Pick<Suggestion, 'key' | 'name' | 'type' | 'variants'>;

export interface ReviewedSuggestion<S extends ReviewableSuggestion> {
  suggestion: S;
  /** The case's entity that already has this name (as its name or an alias), or null when the name is new. */
  known: Entity | null;
  /** The case's entities it is likely to be, best first (at most three): where it could go as an alias. */
  likely: { entity: Entity; score: number }[];
  /** Its other spellings in the text that no entity of the case has: kept as aliases of the entity it becomes. */
  otherSpellings: string[];
}

export interface SuggestionReview<S extends ReviewableSuggestion> {
  /** The suggestions offered, by type (people, organisations, places, other), groups without any left out. */
  groups: { type: SuggestionType; suggestions: ReviewedSuggestion<S>[] }[];
  /** The suggestions the case already has as entities. */
  known: ReviewedSuggestion<S>[];
}

/** What a group of suggestions is called in the panel. */
export const SUGGESTION_GROUP_LABELS: Record<SuggestionType, string> = {
  person: 'People',
  organisation: 'Organisations',
  place: 'Places',
  other: 'Other names',
};

const LIKELY = 3;

/** An entity as the engine's index reads it: the case's own types count as "other". */
const asKnown = (entity: Entity): KnownEntity => ({
  id: entity.id,
  name: entity.name,
  aliases: entity.aliases.map((alias) => alias.name),
  type: isBuiltInEntityType(entity.type) ? entity.type : 'other',
});

/**
 * The suggestions as they stand against the case: each known, or offered with its likely matches, the dismissed
 * ones left out (by their key, as the engine leaves them out when it reads a text).
 */
export function reviewSuggestions<S extends ReviewableSuggestion>(
  suggestions: readonly S[],
  entities: readonly Entity[],
  dismissed: readonly Pick<DismissedSuggestion, 'key'>[],
): SuggestionReview<S> {
  const dismissedKeys = new Set(dismissed.map((dismissal) => dismissal.key));
  // Each name and alias by the suggester's key, an entity of the suggestion's type preferred where two share one.
  const byKey = new Map<string, Entity[]>();
  const namesInCase = new Set<string>();
  for (const entity of entities)
    for (const name of [entity.name, ...entity.aliases.map((alias) => alias.name)]) {
      namesInCase.add(entityNameKey(name));
      const key = suggestionKey(name);
      if (!key) continue;
      const owners = byKey.get(key) ?? [];
      if (!owners.includes(entity)) owners.push(entity);
      byKey.set(key, owners);
    }
  const index = new EntityIndex(entities.map(asKnown));
  const byId = new Map(entities.map((entity) => [entity.id, entity]));

  const groups = new Map<SuggestionType, ReviewedSuggestion<S>[]>();
  const known: ReviewedSuggestion<S>[] = [];
  for (const suggestion of suggestions) {
    if (dismissedKeys.has(suggestion.key)) continue;
    const owners = byKey.get(suggestion.key) ?? [];
    const owner = owners.find((entity) => entity.type === suggestion.type) ?? owners[0] ?? null;
    const reviewed: ReviewedSuggestion<S> = {
      suggestion,
      known: owner,
      likely: owner ? [] : likelyMatches(index, byId, suggestion),
      otherSpellings: otherSpellingsOf(suggestion, namesInCase),
    };
    if (owner) known.push(reviewed);
    else groups.set(suggestion.type, [...(groups.get(suggestion.type) ?? []), reviewed]);
  }
  return {
    groups: SUGGESTION_TYPES.flatMap((type) => (groups.get(type)?.length ? [{ type, suggestions: groups.get(type)! }] : [])),
    known,
  };
}

/** The entities a suggestion is likely to be, by its name and each of its spellings, best first. */
function likelyMatches(index: EntityIndex, byId: ReadonlyMap<string, Entity>, suggestion: ReviewableSuggestion): ReviewedSuggestion<ReviewableSuggestion>['likely'] {
  const best = new Map<string, number>();
  for (const spelling of new Set([suggestion.name, ...suggestion.variants]))
    for (const match of index.matches(spelling, suggestion.type)) best.set(match.entityId, Math.max(best.get(match.entityId) ?? 0, match.score));
  return [...best]
    .map(([id, score]) => ({ entity: byId.get(id)!, score }))
    .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, LIKELY);
}

/** The spellings besides the name, each once (case and spacing aside), that no entity of the case has. */
function otherSpellingsOf(suggestion: ReviewableSuggestion, namesInCase: ReadonlySet<string>): string[] {
  const seen = new Set([entityNameKey(suggestion.name)]);
  const spellings: string[] = [];
  for (const variant of suggestion.variants) {
    const key = entityNameKey(variant);
    if (seen.has(key) || namesInCase.has(key)) continue;
    seen.add(key);
    spellings.push(variant);
  }
  return spellings;
}
