import { z } from 'zod';
import { DATE_PRECISIONS, ENTITY_TYPES, LINK_KINDS, RECORD_TYPES, type PartialDate, type RichText } from './domain';
import { LIMITS, TEXT_LENGTH, eachTooLong, tooLong, tooMany } from './limits';

/** Trimmed, with inner runs of white space folded to one space, so " Marta  Kowal " and "Marta Kowal" are the same name. */
export const cleanName = (value: string): string => value.normalize('NFC').trim().replace(/\s+/g, ' ');

const nameField = (what: string, max: number = LIMITS.nameLength) =>
  z
    .string({ error: `${what} must be text.` })
    .transform(cleanName)
    .pipe(
      z
        .string()
        .min(1, { error: `${what} cannot be empty.` })
        .max(max, { error: tooLong(what, max) }),
    );

/** TipTap JSON: checked for its outer shape only; the editor's schema governs the rest. */
const richText = z
  .custom<RichText>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      (value as RichText).type === 'doc' &&
      ((value as RichText).content === undefined || Array.isArray((value as RichText).content)),
    { error: 'Rich text must be a TipTap document.' },
  )
  .nullable();

const stringList = (what: string, plural: string, maxCount: number, maxLength: number) =>
  z
    .array(z.string())
    .transform((items) => [...new Set(items.map(cleanName).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(maxLength, { error: eachTooLong(what, maxLength) }))
        .max(maxCount, { error: tooMany(plural, maxCount) }),
    );

const DATE_PATTERNS: Record<(typeof DATE_PRECISIONS)[number], RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  minute: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
};

/** True when the value names a real calendar date (no 31 April, no month 13) of the stated precision. */
export function isValidPartialDate(date: PartialDate): boolean {
  if (!DATE_PATTERNS[date.precision].test(date.value)) return false;
  const [datePart, timePart] = date.value.split('T');
  const [year, month = 1, day = 1] = datePart!.split('-').map(Number) as [number, number?, number?];
  if (year < 1 || month < 1 || month > 12) return false;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) return false;
  if (timePart) {
    const [hours, minutes] = timePart.split(':').map(Number) as [number, number];
    if (hours > 23 || minutes > 59) return false;
  }
  return true;
}

export const partialDateSchema = z
  .object({ value: z.string().trim(), precision: z.enum(DATE_PRECISIONS) })
  .refine(isValidPartialDate, {
    error: 'Not a valid date: use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM with a real day and time.',
    path: ['value'],
  });

export const caseInputSchema = z.object({
  name: nameField('Case name'),
  description: richText.default(null),
});
export type CaseInput = z.input<typeof caseInputSchema>;

export const entityInputSchema = z.object({
  name: nameField('Entity name'),
  type: z.enum(ENTITY_TYPES, { error: `Type must be one of: ${ENTITY_TYPES.join(', ')}.` }),
  aliases: stringList('alias', 'aliases', LIMITS.aliasCount, LIMITS.nameLength).default([]),
  description: richText.default(null),
});
export type EntityInput = z.input<typeof entityInputSchema>;

export const eventInputSchema = z
  .object({
    title: nameField('Event title', LIMITS.titleLength),
    start: partialDateSchema,
    end: partialDateSchema.nullable().default(null),
    description: richText.default(null),
  })
  // A vaguer end may still fall after the start: 9 March at 06:00 to "9 March" is fine, 9 March to "8 March" is not.
  .refine((event) => !event.end || latestKeyOf(event.end) >= sortKeyOf(event.start), {
    error: 'The end date is before the start date.',
    path: ['end'],
  });
export type EventInput = z.input<typeof eventInputSchema>;

export const noteInputSchema = z.object({
  title: nameField('Note title', LIMITS.titleLength),
  body: richText.default(null),
});
export type NoteInput = z.input<typeof noteInputSchema>;

export const excerptInputSchema = z.object({
  documentId: z.string().min(1).nullable().default(null),
  quote: z
    .string()
    .transform((quote) => quote.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'The quote cannot be empty.' })
        .max(LIMITS.quoteLength, { error: tooLong('The quote', LIMITS.quoteLength) }),
    ),
  anchor: z
    .object({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      prefix: z.string(),
      suffix: z.string(),
      page: z.number().int().positive().nullable(),
    })
    .nullable()
    .default(null),
  comment: richText.default(null),
  tags: stringList('tag', 'tags', LIMITS.tagCount, LIMITS.tagLength).default([]),
});
export type ExcerptInput = z.input<typeof excerptInputSchema>;

export const textDocumentInputSchema = z.object({
  title: nameField('Document title', LIMITS.titleLength),
  text: z
    .string()
    .max(LIMITS.textLength, { error: TEXT_LENGTH.message('This document') }),
  sourceUrl: z
    .url({ protocol: /^https?$/, error: 'The source must be an http or https address.' })
    .nullable()
    .default(null),
});
export type TextDocumentInput = z.input<typeof textDocumentInputSchema>;

export const recordRefSchema = z.object({ type: z.enum(RECORD_TYPES), id: z.string().min(1) });

export const linkInputSchema = z
  .object({ from: recordRefSchema, to: recordRefSchema, kind: z.enum(LINK_KINDS) })
  .refine((link) => link.from.id !== link.to.id, { error: 'A record cannot be linked to itself.' });
export type LinkInput = z.input<typeof linkInputSchema>;

/** "2021-03" becomes "2021-03-00T00:00", so a month sorts before its days and years before their months. */
export function sortKeyOf(date: PartialDate): string {
  const template = '0000-00-00T00:00';
  return date.value + template.slice(date.value.length);
}

/** The last moment a partial date can stand for, comparable with `sortKeyOf`: "2021-03" becomes "2021-03-99T99:99". */
function latestKeyOf(date: PartialDate): string {
  const template = '9999-99-99T99:99';
  return date.value + template.slice(date.value.length);
}

/** A date a document was published, as precise as it is known: "2021", "2021-03" or "2021-03-09". */
const publishedDateField = z
  .string({ error: 'The published date must be text.' })
  .trim()
  .nullable()
  .transform((value) => value || null)
  .superRefine((value, context) => {
    if (value === null) return;
    const precision = ({ 4: 'year', 7: 'month', 10: 'day' } as const)[value.length as 4 | 7 | 10];
    if (!precision || !DATE_PATTERNS[precision].test(value))
      context.addIssue({ code: 'custom', message: 'Write the published date as YYYY, YYYY-MM or YYYY-MM-DD.' });
    else if (!isValidPartialDate({ value, precision }))
      context.addIssue({ code: 'custom', message: `There is no such date as ${value}: check the month and the day.` });
  });

/** A BCP 47 language tag, put in its canonical form ("EN-gb" becomes "en-GB"); empty means not known. */
const languageField = z
  .string({ error: 'The language must be text.' })
  .trim()
  .nullable()
  .transform((value, context) => {
    if (!value) return null;
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical && /^[a-z]{2,3}(?:-|$)/i.test(canonical)) return canonical;
    } catch {
      // Not a well-formed tag: reported below.
    }
    context.addIssue({ code: 'custom', message: 'Write the language as a code such as “en”, “pl” or “pt-BR”.' });
    return z.NEVER;
  });

/** A document's details as the researcher edits them; every field is what the reader shows. */
export const documentMetadataSchema = z.object({
  title: nameField('Document title', LIMITS.titleLength),
  authors: stringList('author', 'authors', LIMITS.aliasCount, LIMITS.nameLength),
  sourceUrl: z
    .string({ error: 'The source must be text.' })
    .trim()
    .nullable()
    .transform((value) => value || null)
    .pipe(
      z
        .url({ protocol: /^https?$/, error: 'The source must be an http or https address, such as https://example.org/page.' })
        .max(LIMITS.sourceUrlLength, { error: tooLong('The source address', LIMITS.sourceUrlLength) })
        .nullable(),
    ),
  publishedAt: publishedDateField,
  language: languageField,
  tags: stringList('tag', 'tags', LIMITS.tagCount, LIMITS.tagLength),
  summary: richText,
});
export type DocumentMetadataInput = z.input<typeof documentMetadataSchema>;
export type DocumentMetadata = z.output<typeof documentMetadataSchema>;
