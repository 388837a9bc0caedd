/**
 * The dates benchmark, run in the page by `npm run bench -- dates` (bench/dates.ts) through the harness: 1,000
 * generated news-like documents of about 5 KB each, in six languages, with absolute, relative and numeric dates among
 * numbers and lengths of time that are not dates, read by the dates worker in batches while the page watches its own
 * thread for long tasks. Only the benchmark harness imports this module.
 */
import { DatesClient } from '../../renderer/src/dates/client';
import type { DocumentToRead } from '../../renderer/src/dates/types';
import { seededRandom } from './generate';
import { watchLongTasks } from './longTasks';

export interface DatesBenchOptions {
  documents: number;
  /** Characters per document, about. */
  size: number;
  /** Documents per request to the worker. */
  batch: number;
}

export interface DatesBenchResult {
  documents: number;
  textMB: number;
  languages: number;
  dates: number;
  relative: number;
  unresolved: number;
  /** Getting the worker ready (started, every language's parser built) before the first batch. */
  prepareMs: number;
  /** From the first batch asked for to the last one answered, as the page sees it; and the worker's own time. */
  totalMs: number;
  workerMs: number;
  /** The longest main-thread task meanwhile; 0 when none passed 50 ms. */
  longestTaskMs: number;
}

type Pick = <T>(items: readonly T[]) => T;

/** One language's sentences: each takes a way to pick, and returns a sentence with dates, or none. */
interface Language {
  tag: string;
  sentences: ((pick: Pick, number: () => number) => string)[];
}

const NAMES = ['Ana Ruiz', 'Eric Snoeck', 'Helena Marwick', 'Tomasz Kowalczyk', 'Inês Ferreira', 'Declan Mulhearn'];
const PLACES = ['Antwerp', 'Rotterdam', 'Lisbon', 'Hamburg', 'Marseille', 'Gdańsk'];
const EN_MONTHS = 'January February March April May June July August September October November December'.split(' ');
const EN_DAYS = 'Monday Tuesday Wednesday Thursday Friday'.split(' ');
const year = (number: () => number) => 2012 + (number() % 10);
const day = (number: () => number) => 1 + (number() % 28);
const month = (number: () => number) => 1 + (number() % 12);
const two = (value: number) => String(value).padStart(2, '0');

const ENGLISH: Language['sentences'] = [
  (pick) => `Prosecutors said on ${pick(EN_DAYS)} that ${pick(NAMES)} had been arrested in ${pick(PLACES)}.`,
  (pick, n) => `The company was registered on ${day(n)} ${pick(EN_MONTHS)} ${year(n)} and dissolved in ${pick(EN_MONTHS)} last year.`,
  (pick, n) => `Between ${day(n)} ${pick(EN_MONTHS)} ${year(n)} and ${day(n)} ${pick(EN_MONTHS)} ${year(n) + 1}, some ${n() % 900} containers passed through ${pick(PLACES)}.`,
  (pick, n) => `Last year the port handled ${n() % 90} tonnes more than in ${year(n)}, the authorities said.`,
  (pick, n) => `A two-year investigation followed; it may take ${n() % 9 + 2} months to read the ${n() % 5000} messages.`,
  (pick) => `${pick(NAMES)} told reporters that the cash was counted at night and moved the next day.`,
  (pick, n) => `The shipment left ${pick(PLACES)} three days ago, worth €${n() % 90}.${n() % 9} million.`,
  (pick) => `None of the ${pick(['firms', 'banks', 'brokers'])} replied to requests for comment.`,
];

const LANGUAGES: Language[] = [
  {
    tag: 'en-US',
    sentences: [...ENGLISH, (pick, n) => `The contract, signed ${two(month(n))}/${two(day(n))}/${year(n)}, was filed with the court.`],
  },
  {
    tag: 'en-GB',
    sentences: [...ENGLISH, (pick, n) => `The contract, signed ${two(day(n))}/${two(month(n))}/${year(n)}, was filed with the court.`],
  },
  {
    tag: 'de',
    sentences: [
      (pick) => `Die Staatsanwaltschaft teilte am ${pick(['Montag', 'Dienstag', 'Mittwoch'])} mit, ${pick(NAMES)} sei in ${pick(PLACES)} festgenommen worden.`,
      (pick, n) => `Die Firma wurde am ${day(n)}. ${pick(['März', 'Juli', 'Oktober', 'Dezember'])} ${year(n)} gegründet und im Juli letzten Jahres aufgelöst.`,
      (pick, n) => `Der Vertrag vom ${two(day(n))}.${two(month(n))}.${year(n)} liegt dem Gericht vor.`,
      (pick, n) => `Die Ermittlungen dauerten zwei Jahre; ${n() % 900} Container wurden geprüft.`,
      () => `Keines der Unternehmen äußerte sich auf Anfrage.`,
    ],
  },
  {
    tag: 'es',
    sentences: [
      (pick) => `La fiscalía informó el ${pick(['lunes', 'martes', 'miércoles'])} de que ${pick(NAMES)} fue detenido en ${pick(PLACES)}.`,
      (pick, n) => `La empresa se registró el ${day(n)} de ${pick(['marzo', 'julio', 'octubre'])} de ${year(n)} y cerró en julio del año pasado.`,
      (pick, n) => `El contrato del ${two(day(n))}/${two(month(n))}/${year(n)} consta en el tribunal.`,
      (pick, n) => `La investigación duró dos años y revisó ${n() % 900} contenedores.`,
      () => `Ninguna de las empresas respondió a las preguntas.`,
    ],
  },
  {
    tag: 'fr',
    sentences: [
      (pick) => `Le parquet a indiqué ${pick(['lundi', 'mardi', 'mercredi'])} que ${pick(NAMES)} avait été arrêté à ${pick(PLACES)}.`,
      (pick, n) => `La société a été enregistrée le ${day(n)} ${pick(['mars', 'juillet', 'octobre'])} ${year(n)} et dissoute l'année dernière.`,
      (pick, n) => `Le contrat du ${two(day(n))}/${two(month(n))}/${year(n)} figure au dossier.`,
      (pick, n) => `L'enquête a duré deux ans et porté sur ${n() % 900} conteneurs.`,
    ],
  },
  {
    tag: 'nl',
    sentences: [
      (pick) => `Het Openbaar Ministerie meldde ${pick(['maandag', 'dinsdag', 'woensdag'])} dat ${pick(NAMES)} in ${pick(PLACES)} is aangehouden.`,
      (pick, n) => `Het bedrijf werd op ${day(n)} ${pick(['maart', 'juli', 'oktober'])} ${year(n)} ingeschreven en vorig jaar opgeheven.`,
      (pick, n) => `Het contract van ${two(day(n))}-${two(month(n))}-${year(n)} ligt bij de rechtbank.`,
      (pick, n) => `Het onderzoek duurde twee jaar; ${n() % 900} containers werden gecontroleerd.`,
    ],
  },
];

/** The documents, the same every time: a language each, published on a day of 2021 (one in ten without a date). */
export function datesDocuments(count: number, size: number, seed = 17): DocumentToRead[] {
  const random = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const number = () => Math.floor(random() * 1_000_000);
  return Array.from({ length: count }, (_, index) => {
    const language = LANGUAGES[index % LANGUAGES.length]!;
    const paragraphs: string[] = [];
    let length = 0;
    while (length < size) {
      const paragraph = Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(language.sentences)(pick, number)).join(' ');
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    const published = index % 10 === 9 ? null : { value: `2021-${two(1 + (index % 12))}-${two(1 + (index % 28))}`, precision: 'day' as const };
    return { documentId: `d${index}`, text: paragraphs.join('\n\n'), language: language.tag, reference: published };
  });
}

export async function runDatesBenchmark(options: DatesBenchOptions): Promise<DatesBenchResult> {
  const documents = datesDocuments(options.documents, options.size);
  const client = new DatesClient();
  const stopWatch = watchLongTasks();
  try {
    let started = performance.now();
    await client.prepare(LANGUAGES.map((language) => language.tag));
    const prepareMs = performance.now() - started;
    started = performance.now();
    let workerMs = 0;
    const found = [];
    // Batches one after another, as the app would send a case's documents: each answer is small enough to take in.
    for (let from = 0; from < documents.length; from += options.batch) {
      const answer = await client.findDatesInBatch(documents.slice(from, from + options.batch));
      workerMs += answer.workerMs;
      found.push(...answer.documents.flatMap((document) => document.dates));
    }
    const totalMs = performance.now() - started;
    return {
      documents: documents.length,
      textMB: documents.reduce((sum, document) => sum + document.text.length, 0) / 1_000_000,
      languages: LANGUAGES.length,
      dates: found.length,
      relative: found.filter((date) => date.relative).length,
      unresolved: found.filter((date) => !date.resolved).length,
      prepareMs,
      totalMs,
      workerMs,
      longestTaskMs: stopWatch(),
    };
  } finally {
    client.close();
  }
}
