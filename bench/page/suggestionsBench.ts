/**
 * The suggestions benchmark, run in the page by `npm run bench -- suggestions` (bench/suggestions.ts) through the
 * harness: a generated English news text of 10,000 words, with site text among its paragraphs, read by the
 * suggestions worker for a case of 1,000 entities, while the page watches its own thread for long tasks. Only the
 * benchmark harness imports this module.
 */
import { SuggestionsClient } from '../../renderer/src/suggestions/client';
import type { KnownEntity } from '../../renderer/src/suggestions/types';
import { seededRandom } from './generate';
import { watchLongTasks } from './longTasks';

export interface SuggestionsBenchOptions {
  words: number;
  /** Times the document is read after the first request. */
  rounds: number;
  knownEntities: number;
}

export interface SuggestionsBenchResult {
  words: number;
  characters: number;
  suggestions: number;
  /** Places where the text names them. */
  mentions: number;
  /** Getting the worker ready (started, compromise loaded, a few sentences read), then the first document after it. */
  prepareMs: number;
  firstRoundTripMs: number;
  firstWorkerMs: number;
  /** The requests after it: the engine's time in the worker, and from the page's request to its answer. */
  workerMs: number[];
  roundTripMs: number[];
  /** The longest main-thread task while the worker read the text, every round; 0 when none passed 50 ms. */
  longestTaskMs: number;
}

const FIRST = 'Anna Pieter Helena Tomasz Claire Eric Frédéric Inês Declan Ruth Orla Rachid Lidia Marta Jens Zoë Ilze Sean'.split(' ');
const LAST = 'Kowalczyk Van Leeuw Marwick Brandsma Snoeck Ferreira-Lobo Mulhearn Ogundipe Finnegan Strachan Dubois-Nguyen Verhoef Müller Lindqvist Kalniņa Brophy Castaing Benhamou'.split(' ');
const ORGANISATIONS = ['Europol', 'Eurojust', 'Banco Meridional', 'Atlantic Quay Logistics', 'Seacrest Holdings Ltd', 'the Federal Judicial Police', 'Nordvale Secure Ltd', 'the National Crime Agency', 'Kelvin Fine Art', 'Sky ECC', 'EncroChat', 'Ghostline'];
const PLACES = 'Antwerp Rotterdam Lisbon Madeira Gibraltar Marseille Tangier Algeciras Ghent Breda Dubai Cyprus Glasgow Riga Hamburg Gdańsk Belgium Spain Morocco Latvia'.split(' ');
const DAYS = 'Monday Tuesday Wednesday Thursday Friday'.split(' ');
const NOUNS = 'containers phones payments accounts shipments invoices messages servers lorries warehouses'.split(' ');
const FILLER = [
  'The investigators spent months reading the messages before they moved against the network.',
  'Several of the suspects are said to have used false names when they rented the units.',
  'Defence lawyers argued that the recordings had been obtained without a proper warrant.',
  'The court heard that the cash was counted in a back room and moved at night.',
  'None of the companies involved replied to requests for comment.',
  'Prosecutors said further arrests could not be ruled out as the inquiry went on.',
];
const CHROME = ['ADVERTISEMENT', 'Share this article', 'Newsletter', 'Read more', 'Comments'];

/** A long news text, the same every time: names in several kinds of sentence, and the site's lines now and then. */
export function generateNewsText(words: number, seed = 11): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const sentences = [
    () => `Chief prosecutor ${person()} said the ${pick(NOUNS)} had been seized in ${pick(PLACES)} on ${pick(DAYS)}.`,
    () => `${pick(ORGANISATIONS).replace(/^the /, 'The ')} confirmed that ${Math.floor(random() * 90) + 10} ${pick(NOUNS)} were found at the port of ${pick(PLACES)}.`,
    () => `According to ${pick(LAST)}, the money went through ${pick(ORGANISATIONS)} and a company in ${pick(PLACES)}.`,
    () => `"We followed the ${pick(NOUNS)} for months," ${pick(LAST)} told reporters in ${pick(PLACES)}.`,
    () => `${person()}'s lawyer said her client had never been to ${pick(PLACES)}.`,
    // Sentences without a name: about half, as in news reports (the Sky ECC article names six things per 100 words).
    () => pick(FILLER),
    () => pick(FILLER),
    () => pick(FILLER),
    () => pick(FILLER),
    () => pick(FILLER),
  ];
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const paragraph = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(sentences)()).join(' ');
    count += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
    if (paragraphs.length % 12 === 0) paragraphs.push(pick(CHROME));
  }
  return paragraphs.join('\n\n');
}

/** A case's entities: some named in the text, most not. */
function caseEntities(count: number): KnownEntity[] {
  const random = seededRandom(5);
  return Array.from({ length: count }, (_, index) => {
    const named = index < 30;
    const name = named ? `${FIRST[index % FIRST.length]} ${LAST[(index * 7) % LAST.length]}` : `Entity ${index} ${Math.floor(random() * 1e6).toString(36)}`;
    return { id: `e${index}`, name, aliases: index % 5 === 0 ? [`${name} Jr`] : [], type: index % 3 === 0 ? 'organisation' : 'person' };
  });
}

export async function runSuggestionsBenchmark(options: SuggestionsBenchOptions): Promise<SuggestionsBenchResult> {
  const text = generateNewsText(options.words);
  const request = { language: 'en', knownEntities: caseEntities(options.knownEntities), dismissed: [] };
  const client = new SuggestionsClient();
  const stopWatch = watchLongTasks();
  try {
    let started = performance.now();
    await client.prepare();
    const prepareMs = performance.now() - started;
    started = performance.now();
    const first = await client.suggest(text, request);
    const firstRoundTripMs = performance.now() - started;
    const workerMs: number[] = [];
    const roundTripMs: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      started = performance.now();
      const answer = await client.suggest(text, request);
      roundTripMs.push(performance.now() - started);
      workerMs.push(answer.workerMs);
    }
    return {
      words: text.split(/\s+/).filter(Boolean).length,
      characters: text.length,
      suggestions: first.suggestions.length,
      mentions: first.suggestions.reduce((sum, suggestion) => sum + suggestion.count, 0),
      prepareMs,
      firstRoundTripMs,
      firstWorkerMs: first.workerMs,
      workerMs,
      roundTripMs,
      longestTaskMs: stopWatch(),
    };
  } finally {
    client.close();
  }
}
