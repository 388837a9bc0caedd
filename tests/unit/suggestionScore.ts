/**
 * Precision and recall of name suggestions against a list written by hand (tests/fixtures/suggestions/*.json): a
 * suggestion is right when its name, or one of its spellings, is one of an expected name's accepted spellings, and
 * only the first suggestion for an expected name is: a name suggested twice (not de-duplicated) counts once right
 * and once wrong. Names listed under `ignore` count neither way. Types are scored apart: of the right suggestions,
 * how many have the expected type.
 */
import { suggestionKey } from '../../renderer/src/suggestions/keys';
import type { Suggestion, SuggestionType } from '../../renderer/src/suggestions/types';

/** One expected name: a spelling, or several accepted spellings (the first is the name). */
type Entry = string | string[];

export interface ExpectedNames {
  language: string;
  person: Entry[];
  organisation: Entry[];
  place: Entry[];
  /** Names neither right nor wrong, each with why. */
  ignore: Record<string, string>;
}

export interface SuggestionScore {
  right: number;
  suggested: number;
  expected: number;
  rightType: number;
  wrong: string[];
  missed: string[];
  wrongType: string[];
}

const spellings = (entry: Entry) => (Array.isArray(entry) ? entry : [entry]);

export function scoreSuggestions(suggestions: readonly Pick<Suggestion, 'key' | 'name' | 'type' | 'variants'>[], expected: ExpectedNames): SuggestionScore {
  const wanted: { name: string; keys: Set<string>; type: SuggestionType; found: boolean }[] = [];
  for (const type of ['person', 'organisation', 'place'] as const)
    for (const entry of expected[type]) wanted.push({ name: spellings(entry)[0]!, keys: new Set(spellings(entry).map(suggestionKey)), type, found: false });
  const ignored = new Set(Object.keys(expected.ignore).map(suggestionKey));
  const score: SuggestionScore = { right: 0, suggested: 0, expected: wanted.length, rightType: 0, wrong: [], missed: [], wrongType: [] };
  for (const suggestion of suggestions) {
    const keys = new Set([suggestion.key, ...suggestion.variants.map(suggestionKey)]);
    const match = wanted.find((item) => [...keys].some((key) => item.keys.has(key)));
    if (!match && [...keys].some((key) => ignored.has(key))) continue;
    score.suggested++;
    if (!match || match.found) {
      score.wrong.push(`${suggestion.name} (${suggestion.type})`);
      continue;
    }
    match.found = true;
    score.right++;
    if (suggestion.type === match.type) score.rightType++;
    else score.wrongType.push(`${suggestion.name}: ${suggestion.type}, expected ${match.type}`);
  }
  score.missed = wanted.filter((item) => !item.found).map((item) => item.name);
  return score;
}

/** The scores of several texts added up. */
export function totalOf(scores: readonly SuggestionScore[]): SuggestionScore {
  return scores.reduce(
    (total, score) => ({
      right: total.right + score.right,
      suggested: total.suggested + score.suggested,
      expected: total.expected + score.expected,
      rightType: total.rightType + score.rightType,
      wrong: [...total.wrong, ...score.wrong],
      missed: [...total.missed, ...score.missed],
      wrongType: [...total.wrongType, ...score.wrongType],
    }),
    { right: 0, suggested: 0, expected: 0, rightType: 0, wrong: [], missed: [], wrongType: [] },
  );
}

export const precisionOf = (score: SuggestionScore) => (score.suggested ? score.right / score.suggested : 1);
export const recallOf = (score: SuggestionScore) => (score.expected ? score.right / score.expected : 1);
export const typeAccuracyOf = (score: SuggestionScore) => (score.right ? score.rightType / score.right : 1);

export const describeScore = (score: SuggestionScore) =>
  `precision ${precisionOf(score).toFixed(2)} (${score.right}/${score.suggested}), recall ${recallOf(score).toFixed(2)} (${score.right}/${score.expected}), ` +
  `type right ${typeAccuracyOf(score).toFixed(2)}` +
  (score.wrong.length ? `; wrong: ${score.wrong.join(', ')}` : '') +
  (score.missed.length ? `; missed: ${score.missed.join(', ')}` : '') +
  (score.wrongType.length ? `; type: ${score.wrongType.join(', ')}` : '');
