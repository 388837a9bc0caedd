/**
 * Every limit a researcher can meet, declared once with what Casebook says when something goes over it. The main
 * process (the files it opens and saves), the import worker and pipeline, the validation schemas and the interface
 * all take both from here, so a limit and its message never disagree. No runtime dependency: any part may import it.
 */

const MEGABYTE = 1024 * 1024;

/** Most bytes one `readFileRange` answers (a case archive read over IPC): a reader's window, or a piece of a large one. */
export const MAX_FILE_RANGE_BYTES = 16 * MEGABYTE;
/** Most bytes one `writeBackup` carries: the archive writer's pieces are about 1 MB. */
export const MAX_BACKUP_CHUNK_BYTES = 16 * MEGABYTE;

export const LIMITS = {
  /** Largest file Casebook opens or imports, in bytes. */
  fileBytes: 200 * MEGABYTE,
  /** Longest text one document holds, in characters, however it came in (imported, typed, cleaned up). */
  textLength: 50_000_000,
  /** Longest one file may take to read, in milliseconds; then its import worker is stopped. */
  parseMs: 60_000,
  /** Most pages of one PDF that are read. */
  pdfPages: 5_000,
  /** Longest name of a case, an entity, an alias or an author, in characters. */
  nameLength: 200,
  /** Longest title of a document, an event or a note, in characters. */
  titleLength: 300,
  aliasCount: 50,
  /** Most attributes one entity holds (nationality, role, addresses over the years…). */
  attributeCount: 100,
  /** Longest name of an attribute ("nationality"), in characters. */
  attributeKeyLength: 60,
  /** Longest value of an attribute, in characters. */
  attributeValueLength: 1_000,
  /** Most excerpts supporting one relationship. */
  supportingExcerpts: 500,
  /** Most entities taking part in one event. */
  eventParticipants: 200,
  /** Most entities merged into one in one go. */
  mergeCount: 100,
  /** Most rows one import of entities (a pasted list or a CSV) may hold. */
  entityImportRows: 10_000,
  tagCount: 50,
  tagLength: 60,
  /** Longest description of a codebook tag, in characters. */
  tagDescriptionLength: 2_000,
  /** Longest quote an excerpt keeps, in characters. */
  quoteLength: 20_000,
  sourceUrlLength: 2_000,
  /** Longest name of a file Casebook saves. */
  fileNameLength: 255,
  /** Largest file Casebook saves, in bytes. */
  savedFileBytes: 2 * 1024 * MEGABYTE,
  /** Largest report printed to PDF, in bytes of HTML. */
  reportBytes: 100 * MEGABYTE,
  /** Longest a report may take to lay out before it is printed, in milliseconds. */
  reportLayoutMs: 60_000,
  /**
   * Most pages of one report (its message: `reportTooLong` in renderer/src/report/print.ts, which alone uses it). A
   * report is printed in parts of about 150 pages, so its layouts stay small; what grows with the pages is the joined
   * PDF in memory and the time. A larger report is refused after measuring its parts, before the costly layouts.
   */
  reportPages: 10_000,
  /** Largest `.casebook` archive imported, in bytes. */
  archiveBytes: 2 * 1024 * MEGABYTE,
  /** Largest table of rows in an archive (its `records/<table>.ndjson` entry), in bytes. */
  archiveRecordsBytes: 1024 * MEGABYTE,
  /**
   * Most bytes one part of a zip the importers open (a Word document's `word/document.xml`, an image in it) may unpack
   * to: counted as it inflates, whatever the zip declares.
   */
  unzippedPartBytes: 100 * MEGABYTE,
  /** Most bytes all the parts of such a zip may unpack to, together (counted the same way). */
  unzippedBytes: 300 * MEGABYTE,
  /**
   * Most one part of a zip (a Word document's, a case archive's) may unpack to, as a multiple of its compressed size,
   * once past `unzippedRatioFrom` bytes. Text deflates to a fifth or a tenth, repeated JSON or XML to a fiftieth; a
   * zip bomb to a thousandth and less.
   */
  unzippedRatio: 500,
  unzippedRatioFrom: MEGABYTE,
  /** Largest image kept in a note (pasted or dropped), in bytes (its message: NOTE_IMAGE_SIZE in domain/attachments.ts). */
  noteImageBytes: 10 * MEGABYTE,
  /**
   * Most characters of text pasted into a rich-text field at once (about 150,000 words): more is refused, not frozen
   * on (its message: pasteTooLong in editor/extensions/pasteLimit, which alone uses it, so it loads with the editor).
   */
  pasteLength: 1_000_000,
} as const;

const number = (value: number) => value.toLocaleString('en');
export const megabytes = (bytes: number) => number(Math.ceil(bytes / MEGABYTE));
const seconds = (milliseconds: number) => (milliseconds / 1000).toLocaleString('en', { maximumFractionDigits: 3 });
const millions = (count: number) => `${number(count / 1_000_000)} million`;

/** A limit on files, and what Casebook says about a file over it. */
export interface FileLimit<Details extends unknown[]> {
  readonly max: number;
  /**
   * Why the file is refused, as the rest of a sentence that begins with its name ("is 201 MB; …"): the form the
   * import worker reports in, since the pipeline puts the name in front.
   */
  refusal(...details: Details): string;
  /** The whole message, naming the file (or, for text typed in, what holds it). */
  message(fileName: string, ...details: Details): string;
}

export function fileLimit<Details extends unknown[]>(max: number, refusal: (...details: Details) => string): FileLimit<Details> {
  return { max, refusal, message: (fileName, ...details) => `${fileName} ${refusal(...details)}` };
}

/** Opening a file (the host's dialogs) or importing one; `action` says which the researcher was doing. */
export const FILE_SIZE = fileLimit(LIMITS.fileBytes, (bytes: number, action: 'open' | 'import' = 'import') =>
  `is ${megabytes(bytes)} MB; Casebook ${action}s files up to ${megabytes(LIMITS.fileBytes)} MB. ` +
  `Split it into smaller files and ${action === 'open' ? 'add' : 'import'} those.`,
);

export const TEXT_LENGTH = fileLimit(
  LIMITS.textLength,
  () => `has more text than Casebook can keep (${millions(LIMITS.textLength)} characters).`,
);

/** `allowedMs` is the time the file was given, when not the usual limit. */
export const PARSE_TIME = fileLimit(
  LIMITS.parseMs,
  (allowedMs: number = LIMITS.parseMs) => `took longer than ${seconds(allowedMs)} s to read and was stopped.`,
);

const shortPart = (part: string) => (part.length > 80 ? `${part.slice(0, 79)}…` : part);

/** A zip (a Word document) whose parts together would unpack to more than Casebook imports. */
export const UNZIPPED_SIZE = fileLimit(
  LIMITS.unzippedBytes,
  () => `would unpack to more than ${megabytes(LIMITS.unzippedBytes)} MB, more than Casebook imports: it was not imported.`,
);

/** One part of such a zip over its limit; `part` is its name in the zip. */
export const UNZIPPED_PART_SIZE = fileLimit(
  LIMITS.unzippedPartBytes,
  (part: string) =>
    `holds a part (“${shortPart(part)}”) that would unpack to more than ${megabytes(LIMITS.unzippedPartBytes)} MB, more than Casebook imports: it was not imported.`,
);

/** A part of such a zip that unpacks to many times its compressed size, as a zip bomb's do. */
export const UNZIPPED_RATIO = fileLimit(
  LIMITS.unzippedRatio,
  (part: string) =>
    `holds a part (“${shortPart(part)}”) that would unpack to more than ${number(LIMITS.unzippedRatio)} times its compressed size, as a zip bomb does: it was not imported.`,
);

/** Not a refusal: a longer PDF imports with its first pages, and this warning. */
export const pdfPagesWarning = (pageCount: number) =>
  `Only the first ${number(LIMITS.pdfPages)} of its ${number(pageCount)} pages were read.`;

/** A field's text over its length: "Case name is too long: at most 200 characters." */
export const tooLong = (field: string, max: number) => `${field} is too long: at most ${number(max)} characters.`;
/** Each item of a list over its length: "Each tag is at most 60 characters." */
export const eachTooLong = (item: string, max: number) => `Each ${item} is at most ${number(max)} characters.`;
/** A list over its count: "At most 50 aliases." */
export const tooMany = (items: string, max: number) => `At most ${number(max)} ${items}.`;

export const SAVED_FILE_SIZE = `The file is too large to save: at most ${number(LIMITS.savedFileBytes / 1024 / MEGABYTE)} GiB.`;
export const REPORT_SIZE = `The report is too large to print: at most ${megabytes(LIMITS.reportBytes)} MB.`;
/** Electron's only: marked pure so the renderer's bundle, which never shows it, leaves it out. */
export const REPORT_LAYOUT_TIME = `the report took more than ${/* @__PURE__ */ seconds(LIMITS.reportLayoutMs)} s to lay out`;
/** An import of entities over its rows: refused whole, before anything is read into the case. */
export const IMPORT_ROWS = `Casebook imports at most ${number(LIMITS.entityImportRows)} entities at a time. Split the list into smaller ones and import each.`;

