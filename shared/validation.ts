import { z } from 'zod';
import { DATE_PRECISIONS, ENTITY_TYPES, LINK_KINDS, RECORD_TYPES, type RichText } from './domain';
import { LIMITS, TEXT_LENGTH, eachTooLong, tooLong, tooMany } from './limits';
import { PARTIAL_DATE_FORMS, isValidPartialDate, latestKeyOf, precisionOf, sortKeyOf } from './partialDate';

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

export const partialDateSchema = z
  .object({ value: z.string().trim(), precision: z.enum(DATE_PRECISIONS) })
  .refine(isValidPartialDate, {
    error: `Not a valid date: use ${PARTIAL_DATE_FORMS} with a real day and time.`,
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

/** Tags chosen from the codebook, by id: each once. */
const tagIds = z
  .array(z.string().min(1), { error: 'Tags must be chosen from the codebook.' })
  .transform((ids) => [...new Set(ids)])
  .pipe(z.array(z.string()).max(LIMITS.tagCount, { error: tooMany('tags', LIMITS.tagCount) }));

const tagColour = z
  .string({ error: 'The colour must be text.' })
  .trim()
  .regex(/^#[0-9a-f]{6}$/i, { error: 'Choose the colour as #rrggbb, such as #2563eb.' })
  .transform((colour) => colour.toLowerCase());

const tagDescription = z
  .string({ error: 'The description must be text.' })
  .trim()
  .max(LIMITS.tagDescriptionLength, { error: tooLong('The description', LIMITS.tagDescriptionLength) });

/** A tag of the codebook as the researcher creates it; without a colour, it takes the palette's next one. */
export const tagInputSchema = z.object({
  name: nameField('Tag name', LIMITS.tagLength),
  parentId: z.string().min(1).nullable().default(null),
  colour: tagColour.nullable().default(null),
  description: tagDescription.default(''),
});
export type TagInput = z.input<typeof tagInputSchema>;

export const tagNameSchema = nameField('Tag name', LIMITS.tagLength);
export const tagColourSchema = tagColour;
export const tagDescriptionSchema = tagDescription;
export const tagParentSchema = z.string().min(1).nullable();

/** What happens to the excerpts of a deleted tag: it is taken off them, or they get its parent tag instead. */
export const TAG_DELETE_CHOICES = ['remove', 'parent'] as const;
export const tagDeleteChoiceSchema = z.enum(TAG_DELETE_CHOICES, {
  error: 'Choose whether the tagged excerpts lose the tag or get its parent tag.',
});
export type TagDeleteChoice = z.output<typeof tagDeleteChoiceSchema>;

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
  /** Ids of tags from the case's codebook. */
  tags: tagIds.default([]),
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

/** A date a document was published, as precise as it is known: "2021", "2021-03" or "2021-03-09". */
const publishedDateField = z
  .string({ error: 'The published date must be text.' })
  .trim()
  .nullable()
  .transform((value) => value || null)
  .superRefine((value, context) => {
    if (value === null) return;
    const precision = precisionOf(value);
    if (!precision || precision === 'minute')
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
