/**
 * An entity's attributes as the form holds them (text as typed, dates included) and as the domain takes them, and
 * how a date range reads on the page.
 */
import type { EntityAttribute, PartialDate } from '../../../../shared/domain';
import { formatPartialDate, parsePartialDate } from '../../../../shared/partialDate';
import type { AttributeInput } from '../../../../shared/validation';
import type { FieldIssue } from '../../domain/errors';

/** Keys a researcher often records, offered as the key field's suggestions (any other may be typed). */
export const SUGGESTED_ATTRIBUTE_KEYS = ['Nationality', 'Role', 'Registration', 'Address', 'Date of birth'] as const;

/** One row of the attributes editor: the attribute's id when it exists already, its dates as typed. */
export interface AttributeRow {
  id?: string;
  key: string;
  value: string;
  start: string;
  end: string;
}

const asText = (date: PartialDate | null) => date?.value.replace('T', ' ') ?? '';

export const attributeRowsOf = (attributes: readonly EntityAttribute[]): AttributeRow[] =>
  attributes.map(({ id, key, value, start, end }) => ({ id, key, value, start: asText(start), end: asText(end) }));

/** An unreadable date goes to the domain as typed, so its validation says what is wrong with it. */
const dateOf = (text: string): PartialDate | null =>
  text.trim() ? (parsePartialDate(text) ?? { value: text.trim(), precision: 'day' }) : null;

const blank = (row: AttributeRow) => !row.key.trim() && !row.value.trim() && !row.start.trim() && !row.end.trim();

/** The rows as the domain takes them; rows left wholly empty are left out (an added row not filled in). */
export function attributeInputsOf(rows: readonly AttributeRow[]): AttributeInput[] {
  return rows
    .filter((row) => !blank(row))
    .map((row) => ({
      ...(row.id && { id: row.id }),
      key: row.key,
      value: row.value,
      start: dateOf(row.start),
      end: dateOf(row.end),
    }));
}

/**
 * The domain names an attribute's problem by its place in the list it was given ("attributes.1.end"); the form says
 * which row that is, by its key, on the attributes field: "Attribute 2 (“Role”): The end date is before the start date."
 */
export function issuesNamingRows(issues: readonly FieldIssue[], rows: readonly AttributeRow[]): FieldIssue[] {
  const sent = rows.filter((row) => !blank(row));
  return issues.map((issue) => {
    const match = /^attributes\.(\d+)(?:\.(\w+))?/.exec(issue.field);
    if (!match) return issue;
    const index = Number(match[1]);
    const row = sent[index];
    const position = rows.indexOf(row!) + 1;
    const which = row?.key.trim() ? ` (“${row.key.trim()}”)` : '';
    const part = match[2] === 'start' ? ', from' : match[2] === 'end' ? ', to' : '';
    return { ...issue, field: 'attributes', message: `Attribute ${position}${which}${part}: ${issue.message}` };
  });
}

/** A date range only as precisely as it is known: "March 2021 – 2023", "from March 2021", "until 2023", or "". */
export function dateRangeText(start: PartialDate | null, end: PartialDate | null): string {
  if (start && end) return start.value === end.value ? formatPartialDate(start) : `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
  if (start) return `from ${formatPartialDate(start)}`;
  if (end) return `until ${formatPartialDate(end)}`;
  return '';
}
