import { z } from 'zod';
import { LIMITS, REPORT_SIZE, SAVED_FILE_SIZE, tooLong } from './limits';

/** Schemas for every request of `CasebookApi` (see `contract.ts`), parsed by the main process before it acts. */

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
  suggestedName: fileName.refine((name) => name.toLowerCase().endsWith('.pdf'), {
    error: 'A PDF file name ends in .pdf.',
  }),
  html: z.string().min(1).max(LIMITS.reportBytes, { error: REPORT_SIZE }),
});

export const externalUrlSchema = z
  .string()
  .max(4096)
  .refine(
    (value) => {
      try {
        return ['http:', 'https:', 'mailto:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: 'Only http, https and mailto addresses open outside the app.' },
  );

