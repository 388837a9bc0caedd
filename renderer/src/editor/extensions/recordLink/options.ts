import type { RecordLinkStyle } from '../../../../../shared/textReferences';
import { RECORD_KINDS } from '../../../../../shared/vocabulary';
import { fold } from '../../../search/fold';
import type { RecordChoice } from '../../caseText';

/** What one option of the list that `@` or `[[` opens does when chosen. */
export type SuggestionOption =
  | { kind: 'insert'; choice: RecordChoice; as: RecordLinkStyle }
  | { kind: 'quote'; choice: RecordChoice }
  | { kind: 'create'; name: string };

/** Most words a query for a new entity's name may have: past that, the researcher is writing on, not naming. */
const MOST_NAME_WORDS = 6;

/** Whether a query can still be the name of something: a few words, no sentence ending in it. */
export const looksLikeName = (typed: string): boolean => typed.trim().split(/\s+/).length <= MOST_NAME_WORDS && !/[.!?;:]\s/.test(typed);

/**
 * The options `@` offers: each entity found, then "Create entity “…”" for what was typed unless an entity offered is
 * already named exactly that (case and accents aside).
 */
export function mentionOptions(typed: string, found: readonly RecordChoice[]): SuggestionOption[] {
  const name = typed.trim();
  const options: SuggestionOption[] = found.map((choice) => ({ kind: 'insert', choice, as: 'mention' }));
  if (name && !found.some((choice) => fold(choice.title) === fold(name))) options.push({ kind: 'create', name });
  return options;
}

/** The options `[[` offers: each record found as a link, an excerpt also as a quote block, an event also as a dated line. */
export function linkOptions(found: readonly RecordChoice[]): SuggestionOption[] {
  return found.flatMap((choice): SuggestionOption[] => {
    const link: SuggestionOption = { kind: 'insert', choice, as: choice.ref.type === 'entity' ? 'mention' : 'link' };
    if (choice.ref.type === 'excerpt') return [link, { kind: 'quote', choice }];
    if (choice.ref.type === 'event') return [link, { kind: 'insert', choice, as: 'dated' }];
    return [link];
  });
}

/** What an option says in the list: the record, how it goes in, and what tells it apart. */
export function optionText(option: SuggestionOption): { text: string; detail: string } {
  if (option.kind === 'create') return { text: `Create entity “${option.name}”…`, detail: '' };
  const { choice } = option;
  const label = RECORD_KINDS[choice.ref.type].label;
  const title = choice.ref.type === 'excerpt' ? `“${choice.title}”` : choice.title;
  if (option.kind === 'quote') return { text: `${title} as quote block`, detail: choice.detail };
  if (option.as === 'dated') return { text: `${title} as dated line`, detail: choice.detail };
  return { text: title, detail: [option.as === 'mention' ? '' : label, choice.detail].filter(Boolean).join(' · ') };
}
