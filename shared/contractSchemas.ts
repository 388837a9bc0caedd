import { z } from 'zod';
import { MENU_COMMAND_IDS, type AnyCommandId } from './commands';
import { EDITOR_MENU_COMMANDS } from './editorCommands';
import type { HostEventName, HostEventPayloads } from './contract';
import { normaliseExternalAddress } from './linkPolicy';
import { LIMITS, MAX_BACKUP_CHUNK_BYTES, MAX_FILE_RANGE_BYTES, REPORT_SIZE, SAVED_FILE_SIZE, tooLong } from './limits';

/** Schemas for every request and event of `CasebookApi` (see `contract.ts`). Main parses each request before it acts. */

/** One sentence per problem, naming the field when the schema's own message does not. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
      const message = issue.message.replace(/\.?$/, '');
      return `${message}${where}.`;
    })
    .join(' ');
}

const fileName = z
  .string()
  .min(1, { error: 'A file name is needed.' })
  .max(LIMITS.fileNameLength, { error: tooLong('The file name', LIMITS.fileNameLength) })
  .refine((name) => !/[/\\]/.test(name), { error: 'A file name cannot contain / or \\.' })
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: 'A file name cannot contain control characters.' })
  .refine((name) => name !== '.' && name !== '..', { error: 'A file name cannot be . or ..' });

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[a-z0-9]{1,12})$/i)).min(1).max(30),
});

export const openFilesRequestSchema = z.object({
  title: z.string().min(1).max(200),
  filters: z.array(fileFilterSchema).max(20).default([]),
  multiple: z.boolean().default(false),
});

export const saveFileRequestSchema = z.object({
  suggestedName: fileName,
  filters: z.array(fileFilterSchema).max(20).default([]),
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= LIMITS.savedFileBytes, { error: SAVED_FILE_SIZE }),
});

export const printToPdfRequestSchema = z.object({
  html: z.string().min(1, { error: 'The report is empty: there is nothing to print.' }).max(LIMITS.reportBytes, { error: REPORT_SIZE }),
});

/**
 * An address to open outside the app, parsed into the normalised address that is shown and opened (see
 * `normaliseExternalAddress`): http, https or mailto only, without user name or password, mailto without its query.
 */
export const externalUrlSchema = z.string().transform((value, context) => {
  const normalised = normaliseExternalAddress(value);
  if (normalised.ok) return normalised.address;
  context.addIssue({ code: 'custom', message: normalised.reason });
  return z.NEVER;
});

const token = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'is not a file token Casebook gave' });

export const readFileRangeRequestSchema = z.object({
  token,
  offset: z.number().int().nonnegative(),
  length: z.number().int().positive().max(MAX_FILE_RANGE_BYTES),
});

export const backupSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Least time between two backups of one case. */
  minutesBetween: z.number().int().min(5).max(7 * 24 * 60),
  keepLast: z.number().int().min(1).max(100),
  keepDailyForDays: z.number().int().min(0).max(365),
});

const caseId = z.string().min(1).max(100);

export const beginBackupRequestSchema = z.object({
  caseId,
  caseName: z.string().min(1).max(LIMITS.fileNameLength),
  reason: z.enum(['changes', 'upgrade']),
});

/** A backup being written, as `beginBackup` named it. */
const writeId = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'is not a backup Casebook began' });

export const writeBackupRequestSchema = z.object({
  writeId,
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_BACKUP_CHUNK_BYTES, {
    error: `A backup's bytes arrive at most ${MAX_BACKUP_CHUNK_BYTES / 1024 / 1024} MB at a time.`,
  }),
});

export const finishBackupRequestSchema = z.object({ writeId, commit: z.boolean() });

export const noteLibraryRequestSchema = z.object({ caseCount: z.number().int().nonnegative() });

// Events from the host: main parses each one before sending it, and the renderer again as it arrives.

export const menuCommandEventSchema = z.object({
  commandId: z.enum([...MENU_COMMAND_IDS, ...EDITOR_MENU_COMMANDS.map((command) => command.id)] as [AnyCommandId, ...AnyCommandId[]], {
    error: 'The application menu sent a command Casebook does not have.',
  }),
});

const shortText = z.string().min(1).max(1000);

export const caseFileOpenedEventSchema = z
  .object({
    name: shortText,
    size: z.number().int().nonnegative().nullable(),
    token: token.nullable(),
    error: shortText.nullable(),
  })
  .refine((event) => (event.token === null) !== (event.error === null) && (event.token === null) === (event.size === null), {
    error: 'A case file arrives either with its token or with the reason it could not be opened.',
  });

export const backupFinishedEventSchema = z.object({
  fileName: shortText,
  finishedAt: z.iso.datetime(),
  error: shortText.nullable(),
});

/** The schema of each event, by name. */
export const hostEventSchemas = {
  menuCommand: menuCommandEventSchema,
  caseFileOpened: caseFileOpenedEventSchema,
  backupFinished: backupFinishedEventSchema,
} as const satisfies { [K in HostEventName]: z.ZodType<HostEventPayloads[K]> };
