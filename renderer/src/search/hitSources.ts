/**
 * What each indexed record's hits are cut from, kept beside the index in the search worker and saved with it: its
 * title, its searched fields and, for a document, its pages. A query's snippets were once cut from records read from
 * IndexedDB, and reading the ten hits of a query whose records had not been read before took several times longer
 * than everything else the query did (4 to 15 ms against about 1 ms at 10,000 documents, more while the database was
 * busy). The text is held as UTF-8, about a byte a character: V8 holds a string with any character past Latin-1 (a
 * curly quote, a Polish name) at two bytes a character, and most real text has one.
 */
import type { CaseRecord, PageSpan, RecordType } from '../../../shared/domain';
import type { SavedSearchIndex } from '../db/schema';
import { recordTitle } from '../../../shared/vocabulary';
import { searchFieldsOf, type LinkedTitles, type SearchFields } from './searchFields';

export interface HitSource {
  /** The record's name or title, as a hit shows it (an excerpt's quote, shortened). */
  title: string;
  fields: SearchFields;
  /** A document's page spans, for a paged one. */
  pages: readonly PageSpan[] | null;
  /** A document's text length: offsets in its body below it are offsets in its text. */
  textLength: number | null;
}

/**
 * `tagNames`: the case's tag names by id, for an excerpt (found by the names of the tags it holds by id); `titles`: the
 * current titles of the records its texts mention (found by them as they are called now).
 */
export function hitSourceOf(
  type: RecordType,
  record: CaseRecord,
  tagNames: ReadonlyMap<string, string> = new Map(),
  titles: LinkedTitles = new Map(),
): HitSource {
  const isDocument = 'text' in record;
  return {
    title: recordTitle(type, record),
    fields: searchFieldsOf(type, record, tagNames, titles),
    pages: isDocument ? (record.pages ?? null) : null,
    textLength: isDocument ? record.text.length : null,
  };
}

/** One record's source as kept: its four strings end to end in UTF-8, with where they end. */
interface Kept {
  text: Uint8Array;
  /** Characters of the hit's title, of the title field and of the keywords; the body is the rest. */
  title: number;
  titleField: number;
  keywords: number;
  /** Each page span's page, start and end, one after the other; null for a record without pages. */
  pages: Uint32Array | null;
  /** The document's text length, or -1 for a record that is not a document. */
  textLength: number;
}

/** The hit sources of a whole index, packed for storage. */
export type PackedHitSources = SavedSearchIndex['hitSources'];

/** Numbers packed per record: its bytes, the three lengths in characters, its text length + 1, its page spans' numbers. */
const PACKED_NUMBERS = 6;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Room to encode a record in before copying out its exact bytes: enough for 350,000 characters, far more than most. */
const SCRATCH_BYTES = 1 << 20;
const scratch = new Uint8Array(SCRATCH_BYTES);

/**
 * `parts` end to end in UTF-8. Encoded one after the other into room enough (UTF-8 takes at most three bytes for a
 * UTF-16 unit) rather than joined first: twice as fast as encoding the joined string.
 */
function utf8(parts: readonly string[]): Uint8Array {
  const most = 3 * parts.reduce((sum, part) => sum + part.length, 0);
  const room = most <= SCRATCH_BYTES ? scratch : new Uint8Array(most);
  let at = 0;
  for (const part of parts) at += encoder.encodeInto(part, room.subarray(at)).written;
  return room.slice(0, at);
}

export class HitSources {
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;

  /** Bytes of text held, UTF-8. */
  get byteLength(): number {
    return this.bytes;
  }

  put(key: string, { title, fields, pages, textLength }: HitSource): void {
    this.delete(key);
    const text = utf8([title, fields.title, fields.keywords, fields.body]);
    this.kept.set(key, {
      text,
      title: title.length,
      titleField: fields.title.length,
      keywords: fields.keywords.length,
      pages: pages?.length ? Uint32Array.from(pages.flatMap(({ page, start, end }) => [page, start, end])) : null,
      textLength: textLength ?? -1,
    });
    this.bytes += text.length;
  }

  get(key: string): HitSource | undefined {
    const kept = this.kept.get(key);
    if (!kept) return undefined;
    const text = decoder.decode(kept.text);
    const titleEnd = kept.title;
    const titleFieldEnd = titleEnd + kept.titleField;
    const keywordsEnd = titleFieldEnd + kept.keywords;
    return {
      title: text.slice(0, titleEnd),
      fields: {
        title: text.slice(titleEnd, titleFieldEnd),
        keywords: text.slice(titleFieldEnd, keywordsEnd),
        body: text.slice(keywordsEnd),
      },
      pages: kept.pages && spansOf(kept.pages),
      textLength: kept.textLength < 0 ? null : kept.textLength,
    };
  }

  delete(key: string): void {
    const kept = this.kept.get(key);
    if (!kept) return;
    this.bytes -= kept.text.length;
    this.kept.delete(key);
  }

  /** Every source end to end, to save with the index. */
  pack(): PackedHitSources {
    const keys = [...this.kept.keys()];
    const numbers = new Uint32Array(keys.length * PACKED_NUMBERS);
    const texts = new Uint8Array(this.bytes);
    let pageNumbers = 0;
    for (const kept of this.kept.values()) pageNumbers += kept.pages?.length ?? 0;
    const pages = new Uint32Array(pageNumbers);
    let textAt = 0;
    let pagesAt = 0;
    keys.forEach((key, index) => {
      const kept = this.kept.get(key)!;
      numbers.set(
        [kept.text.length, kept.title, kept.titleField, kept.keywords, kept.textLength + 1, kept.pages?.length ?? 0],
        index * PACKED_NUMBERS,
      );
      texts.set(kept.text, textAt);
      textAt += kept.text.length;
      if (kept.pages) pages.set(kept.pages, pagesAt);
      pagesAt += kept.pages?.length ?? 0;
    });
    return { keys, numbers, texts, pages };
  }

  /**
   * The sources `pack()` saved. Each record's text is a view of the saved arrays, not a copy: a record changed since
   * loading leaves its old bytes there until the index is next loaded.
   */
  static unpack({ keys, numbers, texts, pages }: PackedHitSources): HitSources {
    const sources = new HitSources();
    let textAt = 0;
    let pagesAt = 0;
    keys.forEach((key, index) => {
      const at = index * PACKED_NUMBERS;
      const bytes = numbers[at]!;
      const pageNumbers = numbers[at + 5]!;
      sources.kept.set(key, {
        text: texts.subarray(textAt, textAt + bytes),
        title: numbers[at + 1]!,
        titleField: numbers[at + 2]!,
        keywords: numbers[at + 3]!,
        textLength: numbers[at + 4]! - 1,
        pages: pageNumbers ? pages.subarray(pagesAt, pagesAt + pageNumbers) : null,
      });
      sources.bytes += bytes;
      textAt += bytes;
      pagesAt += pageNumbers;
    });
    return sources;
  }
}

/** Page spans from their pages, starts and ends, one after the other. */
function spansOf(numbers: Uint32Array): PageSpan[] {
  const spans: PageSpan[] = [];
  for (let at = 0; at < numbers.length; at += 3) spans.push({ page: numbers[at]!, start: numbers[at + 1]!, end: numbers[at + 2]! });
  return spans;
}
