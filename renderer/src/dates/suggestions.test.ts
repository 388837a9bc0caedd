import { describe, expect, it } from 'vitest';
import { readEventDate } from '../../../shared/readEventDate';
import { findDates } from './find';
import {
  dateFieldText,
  dateInWords,
  dateSuggestionKey,
  firstDateFieldText,
  namesInText,
  participantsInSentence,
  reviewDateSuggestions,
  type EventFromDocument,
} from './suggestions';

const TEXT =
  'Harbour police boarded the Silver Tern on Tuesday. Mara Quill and Odo Brandt were questioned. ' +
  'The ship had been flagged in July last year. Its owner changed last year.';
const published = { value: '2021-03-09', precision: 'day' as const };
const found = findDates(TEXT, { language: 'en', reference: published });
const at = (words: string) => found.find((date) => date.text === words)!;
const sentenceOf = (words: string) => TEXT.slice(at(words).sentence.start, at(words).sentence.end);

describe('reviewDateSuggestions', () => {
  it('offers every date found, in text order, with its sentence', () => {
    const review = reviewDateSuggestions('doc', TEXT, found, new Set(), []);
    expect(review.suggestions.map((suggestion) => [suggestion.found.text, suggestion.sentence, suggestion.state.kind])).toEqual([
      ['Tuesday', 'Harbour police boarded the Silver Tern on Tuesday.', 'offered'],
      ['July last year', 'The ship had been flagged in July last year.', 'offered'],
      ['last year', 'Its owner changed last year.', 'offered'],
    ]);
    expect(review.dismissed).toBe(0);
  });

  it('leaves out the dismissed, by their words and sentence, wherever the sentence has moved to', () => {
    const dismissed = new Set([dateSuggestionKey('doc', 'July last year', sentenceOf('July last year'))]);
    // Lines removed above it (a clean-up) move the sentence; it stays dismissed.
    const moved = `Advertisement\n${TEXT}`;
    const review = reviewDateSuggestions('doc', moved, findDates(moved, { language: 'en', reference: published }), dismissed, []);
    expect(review.suggestions.map((suggestion) => suggestion.found.text)).toEqual(['Tuesday', 'last year']);
    expect(review.dismissed).toBe(1);
    // Dismissed in one document, still offered in another.
    expect(reviewDateSuggestions('other', TEXT, found, dismissed, []).dismissed).toBe(0);
  });

  it('shows as made the dates whose whole sentence is an event’s evidence, with that event', () => {
    const sentence = at('Tuesday').sentence;
    const events: EventFromDocument[] = [
      { eventId: 'e1', title: 'Silver Tern boarded', anchor: { start: sentence.start, end: sentence.end }, quote: sentenceOf('Tuesday') },
      // Part of a sentence is not the sentence.
      { eventId: 'e2', title: 'Flagged', anchor: { start: at('July last year').span.start, end: at('July last year').span.end }, quote: 'July last year' },
      // An excerpt without a place covers the sentence by its words.
      { eventId: 'e3', title: 'Owner changed', anchor: null, quote: 'Its  owner changed last year. And more.' },
    ];
    const review = reviewDateSuggestions('doc', TEXT, found, new Set(), events);
    expect(review.suggestions.map((suggestion) => suggestion.state)).toEqual([
      { kind: 'made', eventId: 'e1', title: 'Silver Tern boarded' },
      { kind: 'offered' },
      { kind: 'made', eventId: 'e3', title: 'Owner changed' },
    ]);
  });
});

describe('participantsInSentence', () => {
  const sentence = at('Tuesday').sentence;
  const second = { start: sentence.end + 1, end: TEXT.indexOf('questioned.') + 'questioned.'.length };

  it('gives each entity named within the sentence once, in the order named, without a role', () => {
    const mentions = [
      { entityId: 'odo', start: TEXT.indexOf('Odo Brandt'), end: TEXT.indexOf('Odo Brandt') + 10 },
      { entityId: 'mara', start: TEXT.indexOf('Mara Quill'), end: TEXT.indexOf('Mara Quill') + 10 },
      { entityId: 'tern', start: TEXT.indexOf('Silver Tern'), end: TEXT.indexOf('Silver Tern') + 11 },
      { entityId: 'mara', start: TEXT.indexOf('Mara Quill'), end: TEXT.indexOf('Mara Quill') + 4 },
    ];
    expect(participantsInSentence(mentions, second)).toEqual([
      { entityId: 'mara', role: null },
      { entityId: 'odo', role: null },
    ]);
    expect(participantsInSentence(mentions, sentence)).toEqual([{ entityId: 'tern', role: null }]);
    expect(participantsInSentence(mentions, at('last year').sentence)).toEqual([]);
  });

  it('reads names and aliases as whole words, case aside, while the mentions are not ready', () => {
    const entities = [
      { id: 'mara', names: ['Mara Quill'] },
      { id: 'odo', names: ['Otto Brandt', 'odo brandt'] },
      // "Tern" inside "Silver Tern" counts; "Quil" inside "Quill" does not.
      { id: 'tern', names: ['Tern'] },
      { id: 'quil', names: ['Quil'] },
    ];
    expect(participantsInSentence(namesInText(entities, TEXT, second), second)).toEqual([
      { entityId: 'mara', role: null },
      { entityId: 'odo', role: null },
    ]);
    expect(participantsInSentence(namesInText(entities, TEXT, sentence), sentence)).toEqual([{ entityId: 'tern', role: null }]);
  });
});

describe('the date of a suggestion in words and in the date field', () => {
  it('says the date at its precision, and writes it as the event form reads it back to the same date', () => {
    expect(dateInWords(at('Tuesday'))).toBe('9 March 2021, known to the day');
    expect(dateInWords(at('July last year'))).toBe('July 2020, known to the month');
    expect(dateInWords(at('last year'))).toBe('2020, known to the year');
    const more = findDates('Talks ran between 15 September 2020 and April 2021, and resumed at 06:30 on 9 March 2021.', { language: 'en', reference: null });
    expect(more.map(dateFieldText)).toEqual(['15 September 2020 – April 2021', '9 March 2021, 06:30']);
    expect(found.map(dateFieldText)).toEqual(['9 March 2021', 'July 2020', '2020']);
    for (const date of [...found, ...more]) {
      const reading = readEventDate(dateFieldText(date), 'en-GB');
      expect(reading).toMatchObject({ ok: true, start: date.resolved!.start, end: date.resolved!.end });
    }
  });

  it('has no date for a relative expression in a document without a published date', () => {
    const [tuesday] = findDates('Police raided the port on Tuesday.', { language: 'en', reference: null });
    expect(dateInWords(tuesday!)).toBe('relative to an unknown date');
    expect(dateFieldText(tuesday!)).toBe('');
    expect(firstDateFieldText(findDates('On Tuesday, and on 3 May 2019.', { language: 'en', reference: null }))).toBe('3 May 2019');
  });
});
