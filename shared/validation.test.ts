import { describe, expect, it } from 'vitest';
import type { DatePrecision, PartialDate } from './domain';
import { LIMITS } from './limits';
import {
  cleanName,
  entityInputSchema,
  entityTypeInputSchema,
  mergeInputSchema,
  relationshipInputSchema,
  relationshipTypeInputSchema,
  eventInputSchema,
  excerptInputSchema,
  tagDeleteChoiceSchema,
  tagInputSchema,
  linkInputSchema,
  textDocumentInputSchema,
} from './validation';
import { isValidPartialDate, sortKeyOf } from './partialDate';

const date = (value: string, precision: DatePrecision): PartialDate => ({ value, precision });

describe('isValidPartialDate', () => {
  it.each([
    ['2021', 'year'],
    ['0001', 'year'],
    ['2021-12', 'month'],
    ['2024-02-29', 'day'],
    ['2021-04-30', 'day'],
    ['2021-12-31', 'day'],
    ['2021-03-09T00:00', 'minute'],
    ['2021-03-09T23:59', 'minute'],
  ] as const)('accepts %s at %s precision', (value, precision) => {
    expect(isValidPartialDate(date(value, precision))).toBe(true);
  });

  it.each([
    ['2021-02-30', 'day', 'no 30 February'],
    ['2021-02-29', 'day', 'no 29 February outside a leap year'],
    ['1900-02-29', 'day', '1900 was not a leap year'],
    ['2021-04-31', 'day', 'April has 30 days'],
    ['2021-13', 'month', 'no month 13'],
    ['2021-00', 'month', 'no month 0'],
    ['2021-03-00', 'day', 'no day 0'],
    ['0000', 'year', 'no year 0'],
    ['2021-03-09T25:00', 'minute', 'no hour 25'],
    ['2021-03-09T24:00', 'minute', 'the day ends at 23:59'],
    ['2021-03-09T12:60', 'minute', 'no minute 60'],
    ['21', 'year', 'years have four digits'],
    ['2021-3', 'month', 'months have two digits'],
    ['2021-03', 'day', 'a month is not a day'],
    ['2021-03-09', 'minute', 'a day is not a minute'],
    ['2021-03-09 06:00', 'minute', 'the time follows a T'],
    ['2021-03-09T06:00:00', 'minute', 'no seconds'],
    ['２０２１', 'year', 'ASCII digits only'],
  ] as const)('rejects %s at %s precision (%s)', (value, precision, _why) => {
    expect(isValidPartialDate(date(value, precision))).toBe(false);
  });
});

describe('cleanName', () => {
  it('trims and folds inner runs of white space, tabs, newlines and no-break spaces to one space', () => {
    expect(cleanName('  Marta \t\n Kowal\u00a0 ')).toBe('Marta Kowal');
  });

  it('composes accents, so a name typed either way is the same name', () => {
    expect(cleanName('Zoe\u0308')).toBe('Zo\u00eb');
  });

  it('turns white space alone into the empty string', () => {
    expect(cleanName(' \t ')).toBe('');
  });
});

describe('sortKeyOf', () => {
  it('pads every precision to the same length', () => {
    expect(sortKeyOf(date('2021', 'year'))).toBe('2021-00-00T00:00');
    expect(sortKeyOf(date('2021-03', 'month'))).toBe('2021-03-00T00:00');
    expect(sortKeyOf(date('2021-03-09', 'day'))).toBe('2021-03-09T00:00');
    expect(sortKeyOf(date('2021-03-09T06:30', 'minute'))).toBe('2021-03-09T06:30');
  });

  it('puts a year before its months, a month before its days, a day before its times, all before the next', () => {
    const inOrder = [
      date('2020-12-31T23:59', 'minute'),
      date('2021', 'year'),
      date('2021-01', 'month'),
      date('2021-01-01', 'day'),
      date('2021-01-01T00:01', 'minute'),
      date('2021-01-31', 'day'),
      date('2021-02', 'month'),
      date('2022', 'year'),
    ];
    const keys = inOrder.map(sortKeyOf);
    expect([...keys].sort()).toEqual(keys);
  });
});

describe('eventInputSchema', () => {
  const event = (start: PartialDate, end: PartialDate | null) => ({ title: 'Charter signed', start, end });

  it('rejects an end before the start, on the end field', () => {
    const result = eventInputSchema.safeParse(event(date('2021-03-09', 'day'), date('2021-03-08', 'day')));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ['end'], message: 'The end date is before the start date.' }),
    ]);
  });

  it('rejects an end in an earlier, vaguer period', () => {
    expect(eventInputSchema.safeParse(event(date('2021-03-09', 'day'), date('2021-02', 'month'))).success).toBe(false);
    expect(eventInputSchema.safeParse(event(date('2021', 'year'), date('2020-12-31', 'day'))).success).toBe(false);
  });

  it('accepts a vaguer end that contains the start: 06:00 on 9 March until some time on 9 March', () => {
    const sameDay = event(date('2021-03-09T06:00', 'minute'), date('2021-03-09', 'day'));
    expect(eventInputSchema.safeParse(sameDay).success).toBe(true);
    expect(eventInputSchema.safeParse(event(date('2021-03-15', 'day'), date('2021-03', 'month'))).success).toBe(true);
    expect(eventInputSchema.safeParse(event(date('2021-06', 'month'), date('2021', 'year'))).success).toBe(true);
  });

  it('accepts an end equal to the start, and no end at all', () => {
    expect(eventInputSchema.safeParse(event(date('2021-03-09', 'day'), date('2021-03-09', 'day'))).success).toBe(true);
    expect(eventInputSchema.parse({ title: 'x', start: date('2021', 'year') }).end).toBeNull();
  });

  it('puts an invalid date’s message on its value', () => {
    const result = eventInputSchema.safeParse(event(date('2021-02-30', 'day'), null));
    expect(result.error!.issues[0]!.path).toEqual(['start', 'value']);
  });
});

describe('entityInputSchema', () => {
  it('cleans aliases, drops empty ones and duplicates, keeping the first spelling’s place', () => {
    const parsed = entityInputSchema.parse({
      name: 'Marta Kowal',
      type: 'person',
      aliases: [' M.  Kowal ', 'Kowalówna', 'M. Kowal', '', '   '],
    });
    expect(parsed.aliases.map((alias) => alias.name)).toEqual(['M. Kowal', 'Kowalówna']);
  });

  it(`allows at most ${LIMITS.aliasCount} aliases, counted after de-duplication`, () => {
    const many = Array.from({ length: LIMITS.aliasCount }, (_, i) => `Alias ${i}`);
    const repeated = entityInputSchema.safeParse({ name: 'A', type: 'person', aliases: [...many, 'Alias 0'] });
    expect(repeated.success).toBe(true);
    const result = entityInputSchema.safeParse({ name: 'A', type: 'person', aliases: [...many, 'One more'] });
    expect(result.error!.issues[0]!.message).toBe(`At most ${LIMITS.aliasCount} aliases.`);
  });

  it('keeps an alias’s origin when given, folds case when de-duplicating, and drops an alias that is the name itself', () => {
    const parsed = entityInputSchema.parse({
      name: 'Marta Kowal',
      type: 'person',
      aliases: [{ name: ' M. Kowal', origin: 'suggestion', from: ' Harbour  log ' }, 'm. kowal', 'MARTA kowal', { name: 'Kowalówna' }],
    });
    expect(parsed.aliases).toEqual([{ name: 'M. Kowal', origin: 'suggestion', from: 'Harbour log' }, { name: 'Kowalówna' }]);
  });

  it('checks attributes: a name and a value, dates in order, as precise as known', () => {
    const attribute = (fields: object) =>
      entityInputSchema.safeParse({ name: 'Nordlys', type: 'vessel', attributes: [{ key: 'Flag', value: 'Norway', ...fields }] });
    expect(attribute({ start: { value: '2019', precision: 'year' }, end: { value: '2019-06', precision: 'month' } }).success).toBe(true);
    const reversed = attribute({ start: { value: '2020', precision: 'year' }, end: { value: '2019-06', precision: 'month' } });
    expect(reversed.error!.issues[0]).toMatchObject({ path: ['attributes', 0, 'end'], message: 'The end date is before the start date.' });
    expect(attribute({ value: '  ' }).error!.issues[0]!.message).toBe('An attribute needs a value: write one, or remove the attribute.');
    expect(attribute({ key: '' }).error!.issues[0]!.message).toBe('Attribute name cannot be empty.');
  });
});

describe('entity type, relationship and merge schemas', () => {
  it('gives an entity type the first letter of its name when none is chosen', () => {
    expect(entityTypeInputSchema.parse({ name: ' handle ' })).toEqual({ name: 'handle', letter: 'H', icon: null, colour: null });
    expect(entityTypeInputSchema.safeParse({ name: 'Handle', letter: 'ABC' }).error!.issues[0]!.message).toBe('Choose one or two characters to show.');
  });

  it('reads a relationship type without an inverse the same both ways', () => {
    expect(relationshipTypeInputSchema.parse({ label: 'married to' })).toEqual({ label: 'married to', inverse: 'married to' });
    expect(relationshipTypeInputSchema.parse({ label: 'director of', inverse: ' directed  by' })).toEqual({ label: 'director of', inverse: 'directed by' });
  });

  it('refuses a relationship of an entity with itself, on its far end', () => {
    const result = relationshipInputSchema.safeParse({ from: 'a', to: 'a', type: 'owns' });
    expect(result.error!.issues[0]).toMatchObject({
      path: ['to'],
      message: 'An entity cannot have a relationship with itself. Choose another entity.',
    });
    expect(relationshipInputSchema.parse({ from: 'a', to: 'b', type: 'owns' })).toMatchObject({ confidence: 'unverified', excerptIds: [], note: null });
  });

  it('refuses merging an entity into itself, and an empty merge', () => {
    expect(mergeInputSchema.safeParse({ keepId: 'a', mergeIds: ['b', 'a'] }).error!.issues[0]!.message).toBe(
      'An entity cannot be merged into itself. Choose another entity to merge into it.',
    );
    expect(mergeInputSchema.safeParse({ keepId: 'a', mergeIds: [] }).error!.issues[0]!.message).toBe(
      'Choose at least one entity to merge into the one kept.',
    );
    expect(mergeInputSchema.parse({ keepId: 'a', mergeIds: ['b', 'b', 'c'] }).mergeIds).toEqual(['b', 'c']);
  });
});

describe('tag schemas', () => {
  it('cleans a tag’s name, colour and description, and refuses what cannot be one', () => {
    expect(tagInputSchema.parse({ name: '  Dawn   raids ' })).toEqual({ name: 'Dawn raids', parentId: null, colour: null, description: '' });
    expect(tagInputSchema.parse({ name: 'A', colour: ' #ABCDEF ' }).colour).toBe('#abcdef');
    expect(tagInputSchema.safeParse({ name: 'x'.repeat(LIMITS.tagLength + 1) }).error!.issues[0]!.message).toBe(
      `Tag name is too long: at most ${LIMITS.tagLength} characters.`,
    );
    expect(tagInputSchema.safeParse({ name: 'A', colour: 'blue' }).error!.issues[0]!.message).toMatch(/#rrggbb/);
    expect(tagDeleteChoiceSchema.safeParse('keep').success).toBe(false);
  });
});

describe('excerptInputSchema', () => {
  it(`allows at most ${LIMITS.tagCount} tags, chosen by id from the codebook, each once`, () => {
    const tags = Array.from({ length: LIMITS.tagCount + 1 }, (_, i) => `tag-${i}`);
    expect(excerptInputSchema.safeParse({ quote: 'q', tags }).error!.issues[0]!.message).toBe(
      `At most ${LIMITS.tagCount} tags.`,
    );
    expect(excerptInputSchema.parse({ quote: 'q', tags: ['a', 'b', 'a'] }).tags).toEqual(['a', 'b']);
    expect(excerptInputSchema.safeParse({ quote: 'q', tags: [''] }).success).toBe(false);
  });

  it('trims the quote and rejects a quote of white space', () => {
    expect(excerptInputSchema.parse({ quote: '  signed the charter \n' }).quote).toBe('signed the charter');
    const blank = excerptInputSchema.safeParse({ quote: ' \n ' });
    expect(blank.error!.issues[0]!.message).toBe('The quote cannot be empty.');
  });
});

describe('linkInputSchema', () => {
  it('rejects a record linked to itself', () => {
    const ref = { type: 'entity', id: 'e1' } as const;
    const result = linkInputSchema.safeParse({ from: ref, to: ref, kind: 'related-to' });
    expect(result.error!.issues[0]!.message).toBe('A record cannot be linked to itself.');
  });
});

describe('textDocumentInputSchema', () => {
  const withSource = (sourceUrl: string | null) =>
    textDocumentInputSchema.safeParse({ title: 'Log', text: 'x', sourceUrl });

  it.each(['http://example.org/a', 'https://example.org/a?b=c#d'])('accepts the web address %s', (url) => {
    expect(withSource(url).data?.sourceUrl).toBe(url);
  });

  it.each(['ftp://example.org/a', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@example.org', 'example.org'])(
    'rejects %s with a message naming http and https',
    (url) => {
      const result = withSource(url);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]).toMatchObject({
        path: ['sourceUrl'],
        message: 'The source must be an http or https address.',
      });
    },
  );

  it('takes a missing source as null', () => {
    expect(textDocumentInputSchema.parse({ title: 'Log', text: 'x' }).sourceUrl).toBeNull();
  });
});
