import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { HostError, REPORT_PDF_OPTIONS } from '../../../shared/contract';
import {
  externalUrlSchema,
  openFilesRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
} from '../../../shared/contractSchemas';
import { trustedOrigins } from '../services/security';
import { defineHandler, runHandler } from './guard';

const allowed = trustedOrigins(undefined);
const context = { window: null };

const saveFile = defineHandler({
  name: 'saveFile',
  action: 'save the file',
  schema: saveFileRequestSchema,
  run: vi.fn(async (request) => ({ saved: true, location: `/home/r/${request.suggestedName}` })),
});

const validSave = { suggestedName: 'case.casebook', bytes: new Uint8Array([1, 2, 3]) };

describe('runHandler', () => {
  it('runs the handler with the parsed request, defaults applied, for the app’s own page', async () => {
    const reply = await runHandler(saveFile, 'app://casebook/index.html#/cases/1', validSave, context, allowed);
    expect(reply).toEqual({ ok: true, value: { saved: true, location: '/home/r/case.casebook' } });
    expect(saveFile.run).toHaveBeenCalledWith({ ...validSave, filters: [] }, context);
  });

  it('refuses senders that are not the app, naming where they came from', async () => {
    const run = vi.fn();
    const handler = defineHandler({ name: 'openExternal', action: 'open the link', schema: externalUrlSchema, run });
    for (const sender of ['https://evil.example/page', 'file:///tmp/x.html', 'app://elsewhere/', 'data:text/html,hi']) {
      const reply = await runHandler(handler, sender, 'https://example.org', context, allowed);
      expect(reply).toEqual({
        ok: false,
        error: { code: 'not-allowed', message: expect.stringMatching(/^Casebook refused to open the link: the request came from /) },
      });
    }
    expect(await runHandler(handler, null, 'https://example.org', context, allowed)).toEqual({
      ok: false,
      error: {
        code: 'not-allowed',
        message: 'Casebook refused to open the link: the request came from an unknown page, not from Casebook itself.',
      },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('accepts the dev server only when it is the one configured', async () => {
    const handler = defineHandler({ name: 'getAppInfo', action: 'tell the version', schema: z.undefined(), run: async () => ({ name: 'Casebook', version: '1', host: 'electron' as const, platform: 'linux', dataFolder: '/tmp' }) });
    const dev = trustedOrigins('http://localhost:5173/');
    expect((await runHandler(handler, 'http://localhost:5173/#/', undefined, context, dev)).ok).toBe(true);
    expect((await runHandler(handler, 'http://localhost:5174/', undefined, context, dev)).ok).toBe(false);
    expect((await runHandler(handler, 'http://localhost:5173/', undefined, context, allowed)).ok).toBe(false);
  });

  it('explains which part of a bad request is wrong', async () => {
    const cases: [unknown, string][] = [
      [{ ...validSave, suggestedName: '../../etc/passwd' }, 'Casebook could not save the file: A file name cannot contain / or \\ (suggestedName).'],
      [{ ...validSave, suggestedName: '' }, 'Casebook could not save the file: A file name is needed (suggestedName).'],
      [{ ...validSave, bytes: [1, 2, 3] }, 'Casebook could not save the file: Invalid input (bytes).'],
      [undefined, 'Casebook could not save the file: Invalid input: expected object, received undefined.'],
    ];
    for (const [argument, message] of cases) {
      expect(await runHandler(saveFile, 'app://casebook/', argument, context, allowed)).toEqual({
        ok: false,
        error: { code: 'invalid-request', message },
      });
    }
  });

  it('rejects bad open, export and link requests as invalid, with a message', async () => {
    const run = vi.fn();
    const openFiles = defineHandler({ name: 'openFiles', action: 'open the files', schema: openFilesRequestSchema, run });
    const openReply = await runHandler(openFiles, 'app://casebook/', { title: 'Add', filters: [{ name: 'Any', extensions: ['../x'] }] }, context, allowed);
    expect(openReply).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('(filters.0.extensions.0)') },
    });

    const printToPdf = defineHandler({ name: 'printToPdf', action: 'print the report as a PDF', schema: printToPdfRequestSchema, run });
    expect(await runHandler(printToPdf, 'app://casebook/', { html: '' }, context, allowed)).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'Casebook could not print the report as a PDF: The report is empty: there is nothing to print (html).',
      },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('passes a HostError’s code and message through and explains unexpected failures', async () => {
    const failing = (error: unknown) =>
      defineHandler({ name: 'saveFile', action: 'save the file', schema: saveFileRequestSchema, run: async () => { throw error; } });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const diskFull = new HostError('write-failed', 'case.casebook could not be saved in /x: the disk is full.');
    expect(await runHandler(failing(diskFull), 'app://casebook/', validSave, context, allowed)).toEqual({
      ok: false,
      error: { code: 'write-failed', message: 'case.casebook could not be saved in /x: the disk is full.' },
    });
    expect(await runHandler(failing(new Error('boom')), 'app://casebook/', validSave, context, allowed)).toEqual({
      ok: false,
      error: { code: 'unknown', message: 'Casebook could not save the file: boom' },
    });
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});

describe('external links', () => {
  const handler = defineHandler({ name: 'openExternal', action: 'open the link', schema: externalUrlSchema, run: async () => undefined });

  it('opens http, https and mailto addresses', async () => {
    for (const url of ['https://example.org/a?b=c', 'http://example.org', 'mailto:someone@example.org']) {
      expect(await runHandler(handler, 'app://casebook/', url, context, allowed)).toEqual({ ok: true, value: undefined });
    }
  });

  it('refuses javascript:, file: and other schemes', async () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'file:///etc/passwd', 'app://casebook/', 'smb://server/share', 'not a url', 42]) {
      expect(await runHandler(handler, 'app://casebook/', url, context, allowed)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringMatching(/^Casebook could not open the link: /) },
      });
    }
    expect(await runHandler(handler, 'app://casebook/', 'file:///etc/passwd', context, allowed)).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'Casebook could not open the link: Only http, https and mailto addresses open outside the app.',
      },
    });
  });
});

describe('the report options', () => {
  it('are A4 with backgrounds, tagged and with an outline, as the Chromium tests print them', () => {
    expect(REPORT_PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true });
  });
});
