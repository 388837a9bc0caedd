import { z } from 'zod';
import { ALIAS_ORIGINS, CONFIDENCES, DATE_PRECISIONS, DATE_QUALIFIERS, EVENT_STATUSES, LINK_KINDS, RECORD_TYPES, type RichText } from './domain';
import { CASE_LOCALES, isCaseLocale } from './caseLocales';
import { entityNameKey } from './entities';
import { LIMITS, TEXT_LENGTH, eachTooLong, tooLong, tooMany } from './limits';
import { USUAL_YEARS, endNotBeforeStart, unusualYears } from './eventDates';
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
  locale: z
    .string()
    .refine(isCaseLocale, { error: `Dates can be read as ${CASE_LOCALES.map((entry) => entry.locale).join(', ')}, or as the computer reads them.` })
    .nullable()
    // Left out: a new case follows the computer, an edited one keeps its locale.
    .optional(),
});
export type CaseInput = z.input<typeof caseInputSchema>;


export const noteInputSchema = z.object({
  title: nameField('Note title', LIMITS.titleLength),
  body: richText.default(null),
});
export type NoteInput = z.input<typeof noteInputSchema>;

export const noteFolderInputSchema = z.object({
  name: nameField('Folder name'),
});
export type NoteFolderInput = z.input<typeof noteFolderInputSchema>;

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

// ---- entities, their types and relationships

/** A date range whose end, if any, is not before its start (a vaguer end may still fall after it, as for events). */
const dateRangeInOrder = (range: { start: z.output<typeof partialDateSchema> | null; end: z.output<typeof partialDateSchema> | null }) =>
  !range.start || !range.end || latestKeyOf(range.end) >= sortKeyOf(range.start);
const END_BEFORE_START = 'The end date is before the start date.';

/**
 * An entity's aliases: names typed (plain strings, taken as typed) or aliases with their origin. Cleaned, empty ones
 * dropped, each name once whatever its case and spacing (the first spelling kept).
 */
const aliasList = z
  .array(
    z.union([
      z.string(),
      z.object({ name: z.string(), origin: z.enum(ALIAS_ORIGINS).optional(), from: z.string().optional() }),
    ]),
    { error: 'Aliases must be a list of names.' },
  )
  .transform((items) => {
    const seen = new Set<string>();
    const aliases: { name: string; origin?: (typeof ALIAS_ORIGINS)[number]; from?: string }[] = [];
    for (const item of items) {
      const { name: typed, origin, from } = typeof item === 'string' ? { name: item, origin: undefined, from: undefined } : item;
      const name = cleanName(typed);
      const key = entityNameKey(name);
      if (!name || seen.has(key)) continue;
      seen.add(key);
      const source = from === undefined ? '' : cleanName(from);
      aliases.push({ name, ...(origin && { origin }), ...(source && { from: source }) });
    }
    return aliases;
  })
  .pipe(
    z
      .array(
        z.object({
          name: z.string().max(LIMITS.nameLength, { error: eachTooLong('alias', LIMITS.nameLength) }),
          origin: z.enum(ALIAS_ORIGINS).optional(),
          from: z.string().max(LIMITS.nameLength, { error: tooLong('Where an alias came from', LIMITS.nameLength) }).optional(),
        }),
      )
      .max(LIMITS.aliasCount, { error: tooMany('aliases', LIMITS.aliasCount) }),
  );

/** An attribute as the researcher gives it; without an id it is a new one. */
export const attributeInputSchema = z
  .object({
    id: z.string().min(1).optional(),
    key: nameField('Attribute name', LIMITS.attributeKeyLength),
    value: z
      .string({ error: 'The value must be text.' })
      .transform((value) => value.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, { error: 'An attribute needs a value: write one, or remove the attribute.' })
          .max(LIMITS.attributeValueLength, { error: tooLong('The value', LIMITS.attributeValueLength) }),
      ),
    start: partialDateSchema.nullable().default(null),
    end: partialDateSchema.nullable().default(null),
  })
  .refine(dateRangeInOrder, { error: END_BEFORE_START, path: ['end'] });
export type AttributeInput = z.input<typeof attributeInputSchema>;

const attributeList = z
  .array(attributeInputSchema, { error: 'Attributes must be a list.' })
  .max(LIMITS.attributeCount, { error: tooMany('attributes', LIMITS.attributeCount) });

/** One of the built-in types or the id of one of the case's own: which, the domain checks against the case. */
const entityTypeField = z
  .string({ error: 'Choose a type.' })
  .trim()
  .min(1, { error: 'Choose a type.' });

/** An alias that is the entity's own name says nothing new: it is dropped. */
function withoutOwnName<T extends { name: string; aliases?: { name: string }[] }>(entity: T): T {
  if (!entity.aliases) return entity;
  const own = entityNameKey(entity.name);
  return { ...entity, aliases: entity.aliases.filter((alias) => entityNameKey(alias.name) !== own) };
}

/** A new entity; the form gives aliases as typed names. */
export const entityInputSchema = z
  .object({
    name: nameField('Entity name'),
    type: entityTypeField,
    aliases: aliasList.default([]),
    attributes: attributeList.default([]),
    /** Ids of tags from the case's codebook. */
    tags: tagIds.default([]),
    description: richText.default(null),
  })
  .transform(withoutOwnName);
export type EntityInput = z.input<typeof entityInputSchema>;

/**
 * An edit of an entity: a name and a type, and whichever of the rest is given (what is left out stays as it is, so the
 * entity form, which shows no attributes, keeps them). An alias given as a plain name keeps the origin it already had.
 */
export const entityUpdateSchema = z
  .object({
    name: nameField('Entity name'),
    type: entityTypeField,
    aliases: aliasList.optional(),
    attributes: attributeList.optional(),
    tags: tagIds.optional(),
    description: richText.optional(),
  })
  .transform(withoutOwnName);
export type EntityUpdate = z.input<typeof entityUpdateSchema>;

const typeName = nameField('Type name', LIMITS.tagLength);

/** A type of entity of the case's own, with the letter (or icon) and colour its entities are shown with. */
export const entityTypeInputSchema = z
  .object({
    name: typeName,
    /** One or two characters; without one, the name's first letter. */
    letter: z
      .string({ error: 'The letter must be text.' })
      .trim()
      .nullable()
      .default(null)
      .refine((letter) => letter === null || [...letter].length <= 2, { error: 'Choose one or two characters to show.' }),
    icon: z
      .string({ error: 'The icon must be chosen from the list.' })
      .regex(/^[a-z0-9-]{1,40}$/, { error: 'The icon must be chosen from the list.' })
      .nullable()
      .default(null),
    colour: tagColour.nullable().default(null),
  })
  .transform((type) => ({ ...type, letter: type.letter || [...type.name][0]!.toLocaleUpperCase() }));
export type EntityTypeInput = z.input<typeof entityTypeInputSchema>;

/** A type of relationship of the case's own, as it reads both ways; without an inverse it reads the same both ways. */
export const relationshipTypeInputSchema = z
  .object({
    label: nameField('The label', LIMITS.tagLength),
    inverse: z.string({ error: 'The inverse label must be text.' }).nullable().default(null),
  })
  .transform((type, context) => {
    const inverse = cleanName(type.inverse ?? '') || type.label;
    if (inverse.length > LIMITS.tagLength) {
      context.addIssue({ code: 'custom', message: tooLong('The inverse label', LIMITS.tagLength), path: ['inverse'] });
      return z.NEVER;
    }
    return { label: type.label, inverse };
  });
export type RelationshipTypeInput = z.input<typeof relationshipTypeInputSchema>;

/** A relationship between two entities of the case, with the dates it held at their precision and how sure it is. */
export const relationshipInputSchema = z
  .object({
    from: z.string({ error: 'Choose the entity it goes from.' }).min(1, { error: 'Choose the entity it goes from.' }),
    to: z.string({ error: 'Choose the entity it goes to.' }).min(1, { error: 'Choose the entity it goes to.' }),
    type: z.string({ error: 'Choose the type of relationship.' }).min(1, { error: 'Choose the type of relationship.' }),
    start: partialDateSchema.nullable().default(null),
    end: partialDateSchema.nullable().default(null),
    confidence: z
      .enum(CONFIDENCES, { error: `Confidence must be one of: ${CONFIDENCES.join(', ')}.` })
      .default('unverified'),
    /** Ids of the case's excerpts that support it. */
    excerptIds: z
      .array(z.string().min(1), { error: 'Supporting excerpts must be chosen from the case.' })
      .transform((ids) => [...new Set(ids)])
      .pipe(z.array(z.string()).max(LIMITS.supportingExcerpts, { error: tooMany('supporting excerpts', LIMITS.supportingExcerpts) }))
      .default([]),
    note: richText.default(null),
  })
  .refine((relationship) => relationship.from !== relationship.to, {
    error: 'An entity cannot have a relationship with itself. Choose another entity.',
    path: ['to'],
  })
  .refine(dateRangeInOrder, { error: END_BEFORE_START, path: ['end'] });
export type RelationshipInput = z.input<typeof relationshipInputSchema>;

/** The entities to merge into the one kept. */
export const mergeInputSchema = z
  .object({
    keepId: z.string().min(1, { error: 'Choose the entity to keep.' }),
    mergeIds: z
      .array(z.string().min(1))
      .transform((ids) => [...new Set(ids)])
      .pipe(
        z
          .array(z.string())
          .min(1, { error: 'Choose at least one entity to merge into the one kept.' })
          .max(LIMITS.mergeCount, { error: `At most ${LIMITS.mergeCount} entities can be merged at once.` }),
      ),
  })
  .refine((merge) => !merge.mergeIds.includes(merge.keepId), {
    error: 'An entity cannot be merged into itself. Choose another entity to merge into it.',
    path: ['mergeIds'],
  });

/** An alias to split off into its own entity, and the links and relationships that go with it. */
export const splitAliasSchema = z.object({
  alias: nameField('The alias'),
  linksToMove: z
    .array(z.string().min(1))
    .transform((ids) => [...new Set(ids)])
    .default([]),
});

/**
 * A list of entities to import: a CSV with a header row (name, type, aliases; aliases separated by semicolons), or
 * pasted lines, one entity a line ("Marta Kowal; M. Kowal" gives an alias too), all of the type chosen.
 */
export const csvImportSchema = z.object({
  csv: z.string({ error: 'The CSV must be text.' }).max(LIMITS.textLength, { error: TEXT_LENGTH.message('This file') }),
});
export const linesImportSchema = z.object({
  lines: z.string({ error: 'The list must be text.' }).max(LIMITS.textLength, { error: TEXT_LENGTH.message('This list') }),
  type: entityTypeField,
});
/** Either; `entityImportSchemaFor` picks the one the input is, so its messages are that one's. */
export const entityImportSchema = z.union([csvImportSchema, linesImportSchema]);
export const entityImportSchemaFor = (input: unknown) =>
  typeof input === 'object' && input !== null && 'csv' in input ? csvImportSchema : linesImportSchema;
export type EntityImportInput = z.input<typeof entityImportSchema>;

/** A suggestion turned down: the name suggested and the type it was suggested as. */
export const dismissSuggestionSchema = z.object({ name: nameField('The name suggested'), type: entityTypeField });

/** Positions on the link chart by entity id; null takes an entity off the arrangement. */
export const chartLayoutInputSchema = z.record(
  z.string().min(1),
  z.object({ x: z.number({ error: 'A position must be a number.' }), y: z.number({ error: 'A position must be a number.' }) }).nullable(),
  { error: 'The arrangement must give positions by entity.' },
);
export type ChartLayoutInput = z.input<typeof chartLayoutInputSchema>;

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

// ---- events

/** One end of an event's date: a partial date with its qualifier ("about", "before", "after") or none. */
export const eventDateSchema = z
  .object({
    value: z.string().trim(),
    precision: z.enum(DATE_PRECISIONS),
    qualifier: z.enum(DATE_QUALIFIERS, { error: `A date’s qualifier is one of: ${DATE_QUALIFIERS.join(', ')}.` }).nullable().default(null),
  })
  .refine(isValidPartialDate, {
    error: `Not a valid date: use ${PARTIAL_DATE_FORMS} with a real day and time.`,
    path: ['value'],
  });

const participant = z.object({
  entityId: z.string({ error: 'Choose each participant from the case’s entities.' }).min(1, { error: 'Choose each participant from the case’s entities.' }),
  role: z
    .string({ error: 'A participant’s role must be text.' })
    .transform(cleanName)
    .pipe(z.string().max(LIMITS.nameLength, { error: tooLong('A participant’s role', LIMITS.nameLength) }))
    .nullable()
    .default(null)
    .transform((role) => role || null),
});

/**
 * An event as the researcher records it: a title, a date as precise as known (a single date or a range, or none for
 * "undated"), its place, participants with their roles, evidence excerpts, tags, confidence, status and description.
 * A year outside 1000..2200 is refused unless `confirmUnusualYear` says the researcher meant it.
 */
export const eventInputSchema = z
  .object({
    title: nameField('Event title', LIMITS.titleLength),
    start: eventDateSchema.nullable().default(null),
    end: eventDateSchema.nullable().default(null),
    placeId: z.string().min(1).nullable().default(null),
    participants: z
      .array(participant, { error: 'Participants must be chosen from the case’s entities.' })
      // One entity takes part once: the first role given is kept.
      .transform((list) => list.filter((one, index) => list.findIndex((other) => other.entityId === one.entityId) === index))
      .pipe(z.array(z.object({ entityId: z.string(), role: z.string().nullable() })).max(LIMITS.eventParticipants, { error: tooMany('participants', LIMITS.eventParticipants) }))
      .default([]),
    evidenceIds: z
      .array(z.string().min(1), { error: 'Evidence must be chosen from the case’s excerpts.' })
      .transform((ids) => [...new Set(ids)])
      .pipe(z.array(z.string()).max(LIMITS.supportingExcerpts, { error: tooMany('evidence excerpts', LIMITS.supportingExcerpts) }))
      .default([]),
    tags: tagIds.default([]),
    confidence: z.enum(CONFIDENCES, { error: `Confidence must be one of: ${CONFIDENCES.join(', ')}.` }).default('unverified'),
    status: z.enum(EVENT_STATUSES, { error: `Status must be one of: ${EVENT_STATUSES.join(', ')}.` }).default('unverified'),
    sameAs: z.string().min(1).nullable().default(null),
    description: richText.default(null),
    confirmUnusualYear: z.boolean().default(false),
  })
  .refine((event) => !event.end || event.start, { error: 'A range needs its start: type the date it began, or only one date.', path: ['end'] })
  // A vaguer end may still fall after the start: 9 March at 06:00 to "9 March" is fine, 9 March to "8 March" is not.
  .refine((event) => !event.start || !event.end || endNotBeforeStart(event.start, event.end), { error: END_BEFORE_START, path: ['end'] })
  .superRefine((event, context) => {
    const years = unusualYears(event.start, event.end);
    if (years.length && !event.confirmUnusualYear)
      context.addIssue({
        code: 'custom',
        path: ['start'],
        message: `The year ${years.join(' and ')} is outside ${USUAL_YEARS.from}–${USUAL_YEARS.to}: check it, or confirm that it is right.`,
      });
  });
export type EventInput = z.input<typeof eventInputSchema>;
