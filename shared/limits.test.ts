import { describe, expect, it } from 'vitest';
import { saveFileRequestSchema } from './contractSchemas';
import {
  FILE_SIZE,
  LIMITS,
  PARSE_TIME,
  REPORT_LAYOUT_TIME,
  REPORT_SIZE,
  SAVED_FILE_SIZE,
  TEXT_LENGTH,
  eachTooLong,
  pdfPagesWarning,
  tooLong,
  tooMany,
} from './limits';
import { entityInputSchema, excerptInputSchema } from './validation';

const MEGABYTE = 1024 * 1024;

describe('limits on files: each message names the file and the limit, and says what to do', () => {
  it('file size, when importing and when opening', () => {
    expect(FILE_SIZE.message('scan-archive.pdf', 201 * MEGABYTE)).toBe(
      'scan-archive.pdf is 201 MB; Casebook imports files up to 200 MB. Split it into smaller files and import those.',
    );
    expect(FILE_SIZE.message('archive.pdf', 3 * MEGABYTE + 1, 'open')).toBe(
      'archive.pdf is 4 MB; Casebook opens files up to 200 MB. Split it into smaller files and add those.',
    );
    expect(FILE_SIZE.max).toBe(200 * MEGABYTE);
  });

  it('text length', () => {
    expect(TEXT_LENGTH.message('transcript.txt')).toBe('transcript.txt has more text than Casebook can keep (50 million characters).');
    expect(TEXT_LENGTH.max).toBe(50_000_000);
  });

  it('parse time, the usual limit or the time a file was given', () => {
    expect(PARSE_TIME.message('slow.pdf')).toBe('slow.pdf took longer than 60 s to read and was stopped.');
    expect(PARSE_TIME.message('slow.pdf', 50)).toBe('slow.pdf took longer than 0.05 s to read and was stopped.');
    expect(PARSE_TIME.max).toBe(60_000);
  });

  it('gives the import worker the same sentence without the file name, which the pipeline puts in front', () => {
    for (const [limit, details] of [
      [FILE_SIZE, [201 * MEGABYTE]],
      [TEXT_LENGTH, []],
      [PARSE_TIME, []],
    ] as const) {
      const refusal = (limit.refusal as (...args: readonly unknown[]) => string)(...details);
      const message = (limit.message as (name: string, ...args: readonly unknown[]) => string)('report.pdf', ...details);
      expect(message).toBe(`report.pdf ${refusal}`);
    }
  });

  it('a PDF longer than Casebook reads imports with a warning giving both page counts', () => {
    expect(pdfPagesWarning(12_000)).toBe('Only the first 5,000 of its 12,000 pages were read.');
  });
});

describe('limits on what a researcher types, and on saving and printing', () => {
  it('state the field and the limit, with thousands separated', () => {
    expect(tooLong('Case name', LIMITS.nameLength)).toBe('Case name is too long: at most 200 characters.');
    expect(eachTooLong('tag', LIMITS.tagLength)).toBe('Each tag is at most 60 characters.');
    expect(tooMany('aliases', LIMITS.aliasCount)).toBe('At most 50 aliases.');
    expect(SAVED_FILE_SIZE).toBe('The file is too large to save: at most 2 GiB.');
    expect(REPORT_SIZE).toBe('The report is too large to print: at most 100 MB.');
    expect(REPORT_LAYOUT_TIME).toBe('the report took more than 60 s to lay out');
  });

  it('are the messages the schemas give', () => {
    const quote = excerptInputSchema.safeParse({ quote: 'q'.repeat(LIMITS.quoteLength + 1) });
    expect(quote.error?.issues[0]?.message).toBe('The quote is too long: at most 20,000 characters.');
    const name = entityInputSchema.safeParse({ name: 'n'.repeat(LIMITS.nameLength + 1), type: 'person' });
    expect(name.error?.issues[0]?.message).toBe(tooLong('Entity name', LIMITS.nameLength));
    const fileName = saveFileRequestSchema.safeParse({ suggestedName: `${'f'.repeat(LIMITS.fileNameLength)}.pdf`, bytes: new Uint8Array() });
    expect(fileName.error?.issues[0]?.message).toBe('The file name is too long: at most 255 characters.');
  });
});
