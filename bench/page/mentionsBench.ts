/**
 * The mentions benchmark, run in the page by `npm run bench` (bench/mentions.ts) through the harness, in steps so
 * the memory can be read between them: a case of 10,000 entities with a name and three aliases each (people,
 * companies, ports and the places they are named after, vessels, Chinese and Japanese names, account numbers) and
 * 10,000 documents naming them, about 50 MB of text; the case scanned in the mentions worker; one 10 KB document
 * scanned again; an alias added and removed; and the naive way, one regular expression per name, over a 1 MB sample.
 * Only the benchmark harness imports this module.
 */
import { CasebookDB } from '../../renderer/src/db/schema';
import { MentionMatcher, MentionsConnection, attachMentions, type DocumentText, type MentionName } from '../../renderer/src/mentions';
import { syntheticDocuments } from './corpus';
import { seededRandom } from './generate';
import { watchLongTasks } from './longTasks';

export interface MentionsCase {
  entities: number;
  names: number;
  documents: number;
  textMB: number;
}

export interface MentionsBuildResult {
  /** From the page's first message to the last document scanned. */
  buildMs: number;
  /** Of it, the worker's own time building the automaton and scanning. */
  workerMs: number;
  longestTaskMs: number;
  mentions: number;
  entitiesMentioned: number;
}

export interface Timings {
  median: number;
  p95: number;
}

export interface MentionsRescanResult {
  documentChars: number;
  roundTrip: Timings;
  worker: Timings;
  longestTaskMs: number;
}

export interface MentionsAliasResult {
  addMs: number;
  removeMs: number;
  foundInDocuments: number;
}

export interface MentionsWiredResult {
  /** Writing the generated case to IndexedDB, before the clock starts. */
  writeMs: number;
  /** From the case opened (`mentionsOf(caseId)`) to every entity's counts received in the page. */
  countsMs: number;
  longestTaskMs: number;
  entitiesMentioned: number;
}

export interface MentionsNaiveResult {
  sampleChars: number;
  /** The automaton, built in the page, over the same sample: build, and the median of three scans. */
  automatonBuildMs: number;
  automatonScanMs: number;
  /** The naive scan's time for every name, measured for the first `namesTimed` and extrapolated if not all. */
  naiveMs: number;
  namesTimed: number;
}

/**
 * Given names, and syllables for family and place names, with the accents and letters folding has to handle. The
 * syllables are not those of the prose's invented words (corpus.ts), which would make nearly every word of it contain
 * a name: real names are seldom inside common words.
 */
const GIVEN = (
  'Frédéric Zoë Jürgen Renée Bjørn Søren Łukasz Ágnes José María Anna Jan Pieter Ingrid Olga Mehmet Ayşe François ' +
  'Hélène Nuno João Małgorzata Dagný Þórir Ærin Ines Sven Aoife Tomás Eleni Dmitri Nadia Pavel Leila Anders Joana'
).split(' ');
const SYLLABLES = 'vik zor bex jum wat quo fyn hax gud pil nox caz dwe yub kef ruj mib sov tey lup bry cof hej zam wix yol juk fev gix'.split(' ');
const ACCENTED: Record<string, string> = { o: 'ø', a: 'á', e: 'é', u: 'ü', z: 'ž', n: 'ñ', l: 'ł' };
/** Chinese surnames and given-name characters with their pinyin, for names and their romanised aliases. */
const HAN_SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const HAN_SURNAMES_PINYIN = 'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo'.split(' ');
const HAN_GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华'];
const HAN_GIVEN_PINYIN = 'wei fang na xiu ying min jing li qiang lei jun yang yong yan jie juan tao ming chao xia ping gang gui hua'.split(' ');
const KANA = [...'カキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ'];
const KANA_ROMAJI = 'ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me mo ya yu yo ra ri ru re ro wa'.split(' ');

const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** A family name unique to `index`, of two syllables or more, with an accent in one of three. */
function familyName(index: number): string {
  let name = '';
  for (let rest = index + SYLLABLES.length; rest > 0; rest = Math.floor(rest / SYLLABLES.length)) name += SYLLABLES[rest % SYLLABLES.length];
  if (index % 3 === 0) name = name.replace(/[oaeuzln]/, (letter) => ACCENTED[letter]!);
  return capital(name);
}

/** Digits of `index` in base `base`, `count` of them, to pick characters for a name unique to the index. */
const digits = (index: number, base: number, count: number) =>
  Array.from({ length: count }, (_, at) => Math.floor(index / base ** at) % base);

/** One entity's name and three aliases, and its type; by its index: what kind of entity it is. */
function entityNames(index: number): { names: string[]; type: MentionName['entityType']; cjk: boolean } {
  const family = familyName(index);
  const given = GIVEN[index % GIVEN.length]!;
  const kind = index % 20;
  if (kind < 10) return { names: [`${given} ${family}`, `${given[0]}. ${family}`, `${family.toUpperCase()} ${given}`, family], type: 'person', cjk: false };
  if (kind < 13) return { names: [`${family} Shipping Ltd`, `${family} Shipping`, `${family} Shipping Limited`, `${family} Group`], type: 'organisation', cjk: false };
  // Ports and the towns they are named after, one entity each: "Port of X" and "X" overlap.
  const place = familyName(kind === 14 ? index - 1 : index);
  if (kind === 13) return { names: [`Port of ${place}`, `${place} Port`, `${place} harbour`, `Porto di ${place}`], type: 'place', cjk: false };
  if (kind === 14) return { names: [place, `${place} City`, `City of ${place}`, `${place}-sur-Mer`], type: 'place', cjk: false };
  if (kind === 15) return { names: [`MV ${family} Star`, `${family} Star`, `M/V ${family} Star`, `Star of ${family}`], type: 'vessel', cjk: false };
  if (kind < 18) {
    const [surname, first, second] = digits(index, HAN_GIVEN.length, 3).map((digit, at) => (at === 0 ? digit % HAN_SURNAMES.length : digit));
    const han = `${HAN_SURNAMES[surname!]}${HAN_GIVEN[first!]}${HAN_GIVEN[second!]}`;
    const pinyin = `${HAN_SURNAMES_PINYIN[surname!]} ${capital(HAN_GIVEN_PINYIN[first!]!)}${HAN_GIVEN_PINYIN[second!]}`;
    return { names: [han, pinyin, `${pinyin.split(' ')[1]} ${pinyin.split(' ')[0]}`, `${HAN_SURNAMES[surname!]}${HAN_GIVEN[first!]}先生`], type: 'person', cjk: true };
  }
  if (kind === 18) {
    const syllables = digits(index, KANA.length, 3);
    const kana = syllables.map((digit) => KANA[digit]).join('');
    const romaji = capital(syllables.map((digit) => KANA_ROMAJI[digit]).join(''));
    return { names: [`${kana}商事`, kana, `${romaji} Trading`, `${kana}株式会社`], type: 'organisation', cjk: true };
  }
  const number = String(1_000_000_000 + index * 7919).slice(1);
  return {
    names: [`BE71 ${number.slice(0, 4)} ${number.slice(4)}`, `BE71${number}`, `+32 3 ${number.slice(0, 3)} ${number.slice(3, 5)} ${number.slice(5, 7)}`, `ACC-${number}`],
    type: 'account',
    cjk: false,
  };
}

/** How a document writes a name: mostly as it is, sometimes in capitals, without accents, possessive or broken across lines. */
function asWritten(name: string, random: () => number): string {
  const roll = random();
  if (roll < 0.55) return name;
  if (roll < 0.65) return name.toUpperCase();
  if (roll < 0.75) return name.normalize('NFD').replace(/\p{M}/gu, '');
  if (roll < 0.82) return `${name}'s`;
  if (roll < 0.88) return `${name}’s`;
  if (roll < 0.92) return `${name}s`;
  return name.replace(' ', '\n');
}

const MENTIONS_PER_DOCUMENT = 15;

interface Generated {
  names: MentionName[];
  documents: DocumentText[];
  caseFigures: MentionsCase;
  /** A 10 KB document naming entities, to scan again in place of one of the case's. */
  tenKilobytes: string;
}

/** The case: every entity's names, and documents of about `size` characters each with names put in. */
function generate(entities: number, documentCount: number, size: number): Generated {
  const random = seededRandom(23);
  const kinds = Array.from({ length: entities }, (_, index) => entityNames(index));
  const names = kinds.flatMap((kind, index) =>
    kind.names.map((name) => ({ entityId: `entity-${index}`, name, entityType: kind.type })),
  );
  const latin = kinds.flatMap((kind) => (kind.cjk ? [] : [kind.names]));
  const cjk = kinds.flatMap((kind) => (kind.cjk ? [kind.names] : []));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  /** Names put between words of the prose; in one document in ten a few sentences in Chinese or Japanese too. */
  const withNames = (text: string, index: number) => {
    const parts: string[] = [];
    let from = 0;
    for (let at = 1; at <= MENTIONS_PER_DOCUMENT; at++) {
      const space = text.indexOf(' ', Math.floor((text.length * at) / (MENTIONS_PER_DOCUMENT + 1)));
      if (space < from) continue;
      parts.push(text.slice(from, space + 1), asWritten(pick(pick(latin)), random), ' ');
      from = space + 1;
    }
    parts.push(text.slice(from));
    if (index % 10 === 7)
      for (let sentence = 0; sentence < 5; sentence++)
        parts.push(`\n\n${pick(pick(cjk))}与${pick(pick(cjk))}在${pick(pick(cjk))}的办公室会面，讨论了合同。`);
    return parts.join('');
  };

  const next = syntheticDocuments({ size });
  const documents: DocumentText[] = [];
  let characters = 0;
  for (let index = 0; index < documentCount; index++) {
    const text = withNames(next(index).text, index);
    characters += text.length;
    documents.push({ id: `document-${index}`, text });
  }
  const tenKilobytes = withNames(syntheticDocuments({ size: 10_000, seed: 99 })(0).text, 7).slice(0, 10_240);
  return {
    names,
    documents,
    tenKilobytes,
    caseFigures: { entities, names: names.length, documents: documentCount, textMB: characters / 1e6 },
  };
}

function timings(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
  };
}

let generated: Generated | null = null;
let connection: MentionsConnection | null = null;

const prepared = () => {
  if (!generated || !connection) throw new Error('The mentions benchmark was not prepared: call prepare first.');
  return { generated, connection };
};

/** The benchmark's steps, each awaited by bench/mentions.ts, which reads the memory between them. */
export const mentionsBenchmark = {
  /** Generates the case and starts the worker (empty), so its heap can be read before the build. */
  async prepare(options: { entities: number; documents: number; size: number }): Promise<MentionsCase> {
    generated = generate(options.entities, options.documents, options.size);
    connection?.close();
    connection = new MentionsConnection();
    await connection.build([], []);
    return generated.caseFigures;
  },

  async build(): Promise<MentionsBuildResult> {
    const { generated, connection } = prepared();
    const stopWatch = watchLongTasks();
    const started = performance.now();
    const { workerMs } = await connection.build(generated.names, generated.documents);
    const buildMs = performance.now() - started;
    const longestTaskMs = stopWatch();
    const counts = await connection.countsPerEntity();
    return {
      buildMs,
      workerMs,
      longestTaskMs,
      mentions: [...counts.values()].reduce((sum, count) => sum + count, 0),
      entitiesMentioned: counts.size,
    };
  },

  /** One document replaced by a 10 KB one and scanned again, `rounds` times. */
  async rescan(rounds: number): Promise<MentionsRescanResult> {
    const { generated, connection } = prepared();
    const roundTrips: number[] = [];
    const worker: number[] = [];
    const stopWatch = watchLongTasks();
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const { workerMs } = await connection.putDocuments([{ id: 'document-5', text: generated.tenKilobytes }]);
      roundTrips.push(performance.now() - started);
      worker.push(workerMs);
    }
    return { documentChars: generated.tenKilobytes.length, roundTrip: timings(roundTrips), worker: timings(worker), longestTaskMs: stopWatch() };
  },

  /** A new alias, looked for alone in every document, then removed. */
  async alias(): Promise<MentionsAliasResult> {
    const { connection } = prepared();
    // A word the prose uses, so the alias is found often and its mentions are merged with the others.
    const alias = { entityId: 'entity-0', name: 'harbour vessel' };
    const added = await connection.addNames([alias]);
    const foundInDocuments = (await connection.documentsMentioning('entity-0')).length;
    const removed = await connection.removeNames([alias]);
    return { addMs: added.workerMs, removeMs: removed.workerMs, foundInDocuments };
  },

  /**
   * The app's own path: the generated case written to a database, then opened as the app opens a case (the mentions
   * worker reads it from its own connection) until the watchlist's counts reach the page.
   */
  async wired(): Promise<MentionsWiredResult> {
    const { generated } = prepared();
    const db = new CasebookDB(`bench-mentions-${Date.now()}`);
    const live = attachMentions(db);
    try {
      const caseId = 'bench-case';
      const at = new Date().toISOString();
      const byEntity = new Map<string, MentionName[]>();
      for (const name of generated.names) byEntity.set(name.entityId, [...(byEntity.get(name.entityId) ?? []), name]);
      const entities = [...byEntity].map(([id, [first, ...aliases]]) => ({
        id, caseId, name: first!.name, nameKey: first!.name.toLowerCase(), type: first!.entityType ?? 'other',
        aliases: aliases.map((alias) => ({ name: alias.name, origin: 'typed' as const })),
        aliasKeys: aliases.map((alias) => alias.name.toLowerCase()), attributes: [], tags: [], description: null,
        createdAt: at, updatedAt: at,
      }));
      let started = performance.now();
      await db.entities.bulkPut(entities);
      for (let start = 0; start < generated.documents.length; start += 500)
        await db.documents.bulkPut(
          generated.documents.slice(start, start + 500).map((document) => ({ id: document.id, caseId, title: document.id, text: document.text, pages: null })) as never,
        );
      const writeMs = performance.now() - started;
      const stopWatch = watchLongTasks();
      started = performance.now();
      const mentions = live.of(caseId);
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (mentions.status.state === 'ready') resolve();
          else if (mentions.status.state === 'failed') reject(new Error(mentions.status.message));
        };
        mentions.subscribe(check);
        check();
      });
      const totals = await mentions.entityTotals();
      const countsMs = performance.now() - started;
      return { writeMs, countsMs, longestTaskMs: stopWatch(), entitiesMentioned: totals.length };
    } finally {
      live.close();
      await db.delete();
    }
  },

  /** The automaton against one case-insensitive regular expression per name, in the page, over about 1 MB of text. */
  naive(budgetMs: number): MentionsNaiveResult {
    const { generated } = prepared();
    let sample = '';
    for (const document of generated.documents) {
      if (sample.length >= 1_000_000) break;
      sample += `${document.text}\n\n`;
    }
    let started = performance.now();
    const matcher = new MentionMatcher(generated.names);
    const automatonBuildMs = performance.now() - started;
    const scans = Array.from({ length: 3 }, () => {
      const begun = performance.now();
      matcher.scan(sample);
      return performance.now() - begun;
    });

    started = performance.now();
    let namesTimed = 0;
    for (const { name } of generated.names) {
      const expression = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
      while (expression.exec(sample) !== null);
      namesTimed++;
      if (performance.now() - started > budgetMs) break;
    }
    const spent = performance.now() - started;
    return {
      sampleChars: sample.length,
      automatonBuildMs,
      automatonScanMs: timings(scans).median,
      naiveMs: (spent * generated.names.length) / namesTimed,
      namesTimed,
    };
  },

  close(): void {
    connection?.close();
    connection = null;
    generated = null;
  },
};
