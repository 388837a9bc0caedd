import { describe, expect, it } from 'vitest';
import type { Alias, Entity } from '../../../shared/domain';
import { entityNameKey } from '../../../shared/entities';
import { suggestionKey } from './keys';
import { reviewSuggestions, type ReviewableSuggestion } from './review';
import type { SuggestionType } from './types';

let nextId = 1;
function entity(name: string, type: string, aliases: string[] = []): Entity {
  const settled: Alias[] = aliases.map((alias) => ({ name: alias, origin: 'typed' }));
  return {
    id: `entity-${nextId++}`,
    caseId: 'case',
    name,
    nameKey: entityNameKey(name),
    type,
    aliases: settled,
    aliasKeys: settled.map((alias) => entityNameKey(alias.name)),
    attributes: [],
    tags: [],
    description: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const suggested = (name: string, type: SuggestionType, variants: string[] = []): ReviewableSuggestion => ({
  key: suggestionKey(name),
  name,
  type,
  variants: [name, ...variants],
});

describe('reviewSuggestions', () => {
  const marwick = suggested('Helena Marwick', 'person', ['Marwick', 'HELENA MARWICK']);
  const seacrest = suggested('Seacrest Holdings Ltd', 'organisation', ['Seacrest Holdings']);
  const lisbon = suggested('Lisbon', 'place');
  const europol = suggested('Europol', 'organisation');

  it('offers new names grouped by type, people first, in the engine’s order', () => {
    const review = reviewSuggestions([marwick, seacrest, europol, lisbon], [], []);
    expect(review.groups.map((group) => [group.type, group.suggestions.map((item) => item.suggestion.name)])).toEqual([
      ['person', ['Helena Marwick']],
      ['organisation', ['Seacrest Holdings Ltd', 'Europol']],
      ['place', ['Lisbon']],
    ]);
    expect(review.known).toEqual([]);
  });

  it('shows a name the case has (as a name or an alias, accents, case and legal form aside) as known, never as new', () => {
    const lisboa = entity('Lisboa', 'place', ['lisbon']);
    const holdings = entity('Seacrest Holdings', 'organisation');
    const frederic = entity('Frederic Van Leeuw', 'person');
    const review = reviewSuggestions([marwick, seacrest, lisbon, suggested('Frédéric Van Leeuw', 'person', ['Van Leeuw'])], [lisboa, holdings, frederic], []);
    expect(review.groups.flatMap((group) => group.suggestions.map((item) => item.suggestion.name))).toEqual(['Helena Marwick']);
    expect(review.known.map((item) => [item.suggestion.name, item.known!.name])).toEqual([
      ['Seacrest Holdings Ltd', 'Seacrest Holdings'],
      ['Lisbon', 'Lisboa'],
      ['Frédéric Van Leeuw', 'Frederic Van Leeuw'],
    ]);
  });

  it('prefers, among entities sharing a name, the one of the suggestion’s type', () => {
    const sky = suggested('Sky', 'organisation');
    const place = entity('Sky', 'place');
    const service = entity('Sky', 'organisation');
    expect(reviewSuggestions([sky], [place, service], []).known[0]!.known).toBe(service);
  });

  it('leaves out what was dismissed, by the suggester’s key', () => {
    const review = reviewSuggestions([marwick, seacrest], [], [{ key: suggestionKey('SEACREST HOLDINGS') }]);
    expect(review.groups.flatMap((group) => group.suggestions.map((item) => item.suggestion.name))).toEqual(['Helena Marwick']);
  });

  it('ranks likely matches: the full names a surname ends, best first; a place that only shares the word is not one', () => {
    const helena = entity('Helena Marwick', 'person');
    const tom = entity('Tom Marwick', 'person');
    const street = entity('Marwick Street', 'place');
    const unrelated = entity('Inês Carvalho', 'person');
    const surname = suggested('Marwick', 'person');
    const [reviewed] = reviewSuggestions([surname], [street, unrelated, tom, helena], []).groups[0]!.suggestions;
    expect(reviewed!.likely.map(({ entity: match }) => match.name)).toEqual(['Helena Marwick', 'Tom Marwick']);
    // A name sharing some words comes after one the name ends.
    const partly = suggested('Helena Marwick-Stone', 'person');
    const [ranked] = reviewSuggestions([partly], [street, helena, entity('Stone', 'person')], []).groups[0]!.suggestions;
    expect(ranked!.likely.map(({ entity: match }) => match.name)[0]).toBe('Stone');
    expect(ranked!.likely.map(({ entity: match }) => match.name)).toContain('Helena Marwick');
  });

  it('finds an entity named by an acronym for the name written out, through the suggestion’s spellings', () => {
    const smt = entity('SMT', 'organisation');
    const written = suggested('Société Méridionale de Transit', 'organisation', ['Société Méridionale de Transit']);
    const [reviewed] = reviewSuggestions([written], [smt, entity('Lisbon', 'place')], []).groups[0]!.suggestions;
    expect(reviewed!.likely.map(({ entity: match }) => match.name)).toEqual(['SMT']);
  });

  it('offers no likely match when nothing in the case is like the name', () => {
    const [reviewed] = reviewSuggestions([europol], [entity('Helena Marwick', 'person')], []).groups[0]!.suggestions;
    expect(reviewed!.likely).toEqual([]);
  });

  it('keeps as other spellings those the case does not have, each once', () => {
    const [reviewed] = reviewSuggestions([marwick], [entity('Marwick', 'place')], []).groups[0]!.suggestions;
    expect(reviewed!.otherSpellings).toEqual([]);
    const [fresh] = reviewSuggestions([marwick], [], []).groups[0]!.suggestions;
    expect(fresh!.otherSpellings).toEqual(['Marwick']);
  });
});
