import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, HOST_ERROR_CODES, HostError, type HostResult } from '../../../shared/contract';
import { MAX_BACKUP_CHUNK_BYTES } from '../../../shared/limits';
import type { Backups } from '../services/backups';
import { FileTokens } from '../services/fileTokens';
import { trustedOrigins } from '../services/security';
import type { ApiName, HostHandler } from './guard';
import { createHandlers, registerIpcHandlers, type HostHandlers, type IpcRequestEvent } from './index';

// The handlers' modules reach Electron's dialogs, app and sessions; their `run` is replaced below, so none is called.
vi.mock('electron', () => ({ app: {}, dialog: {}, shell: {}, session: {}, protocol: {}, BrowserWindow: {} }));

/**
 * Every request of the contract, sent through the registered IPC listeners by fake senders with hostile payloads:
 * a request reaches its handler only from the app's own page and only as its schema parses it; anything else comes
 * back as a failure with a code and a message, and nothing throws.
 */

const allowedOrigins = trustedOrigins(undefined);
const NAMES = Object.keys(CHANNELS) as ApiName[];
const TOKEN = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';

/** One request each handler accepts, to mutate from. */
const VALID: Record<ApiName, unknown> = {
  getAppInfo: undefined,
  openFiles: { title: 'Add documents', filters: [{ name: 'Web pages', extensions: ['html', 'htm'] }], multiple: true },
  saveFile: { suggestedName: 'Harbour.casebook', bytes: new Uint8Array([1, 2, 3]) },
  printToPdf: { html: '<h1>Quay lighting</h1>' },
  openExternal: 'https://example.org/statement',
  readFileRange: { token: TOKEN, offset: 0, length: 1024 },
  getBackupStatus: undefined,
  setBackupSettings: { enabled: true, minutesBetween: 60, keepLast: 10, keepDailyForDays: 7 },
  beginBackup: { caseId: 'case-1', caseName: 'Harbour', reason: 'changes' },
  writeBackup: { writeId: TOKEN, bytes: new Uint8Array(16) },
  finishBackup: { writeId: TOKEN, commit: true },
  noteLibrary: { caseCount: 3 },
};

type Sender = { kind: 'trusted' | 'untrusted' | 'no frame' | 'subframe'; frame: IpcRequestEvent<unknown>['senderFrame'] };
const APP_PAGE = 'app://casebook/index.html#/cases/1';
const sender: fc.Arbitrary<Sender> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Sender>({ kind: 'trusted', frame: { url: APP_PAGE, parent: null } }) },
  fc
    .constantFrom(
      'https://evil.example/', 'app://casebook.evil.example/', 'app://casebook:1/', 'app://report/1', 'file:///tmp/x.html',
      'data:text/html,<p>', 'about:srcdoc', 'about:blank', 'blob:app://casebook/' + TOKEN, 'http://localhost:5173/', '',
      'app://user@casebook/', 'APP://CASEBOOK.evil/', 'javascript:alert(1)',
    )
    .map((url): Sender => ({ kind: 'untrusted', frame: { url, parent: null } })),
  fc.constantFrom<Sender>({ kind: 'no frame', frame: null }, { kind: 'no frame', frame: undefined }),
  // A frame inside the app's page, even one showing the app's address, is not the page.
  fc.constantFrom(APP_PAGE, 'about:srcdoc', 'https://evil.example/').map((url): Sender => ({ kind: 'subframe', frame: { url, parent: { url: APP_PAGE } } })),
);

/** Objects with keys that pollute prototypes when code copies them carelessly. */
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  JSON.parse('{"title": "x", "__proto__": {"multiple": true, "polluted": true}}') as unknown,
  JSON.parse('{"caseCount": 1, "__proto__": {"polluted": true}}') as unknown,
);
const deep = fc.nat(2_000).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth + 100; i++) value = { next: value, list: [value] };
  return value;
});
// One byte past a backup piece's limit: as a writeBackup's bytes, or where a string is expected.
const huge = fc.constantFrom('x'.repeat(5_000_000), 'https://example.org/' + 'a'.repeat(100_000), new Uint8Array(MAX_BACKUP_CHUNK_BYTES + 1)).chain((big) =>
  fc.oneof(fc.constant(big), fc.constant({ ...VALID.writeBackup as object, bytes: big }), fc.constant({ html: big, title: big, caseName: big })),
);

/** A valid request with one field replaced, a key added, or left as it is. */
const mutated = (name: ApiName): fc.Arbitrary<unknown> => {
  const valid = VALID[name];
  if (typeof valid !== 'object' || valid === null) return fc.oneof(fc.constant(valid), fc.anything());
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.constant(valid),
    fc.tuple(fc.constantFrom(...keys), fc.anything({ withTypedArray: true, withNullPrototype: true })).map(([key, value]) => ({ ...valid, [key]: value })),
    fc.tuple(fc.string(), fc.anything()).map(([key, value]) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
  );
};
const payload = (name: ApiName): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: mutated(name) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 6, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }) },
    { weight: 1, arbitrary: pollution },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: huge },
  );

function setUp() {
  const real = createHandlers({ files: new FileTokens(), backups: {} as Backups });
  const received: { name: ApiName; request: unknown }[] = [];
  const outcome = { current: 'value' as 'value' | 'host-error' | 'error' };
  const handlers = Object.fromEntries(
    NAMES.map((name) => {
      const handler = real[name] as HostHandler<ApiName>;
      const run = async (request: unknown) => {
        received.push({ name, request });
        if (outcome.current === 'host-error') throw new HostError('write-failed', 'The disk is full.');
        if (outcome.current === 'error') throw new TypeError('Cannot read properties of undefined');
        return undefined as never;
      };
      return [name, { ...handler, run }];
    }),
  ) as unknown as HostHandlers;
  const listeners = new Map<string, (event: IpcRequestEvent<null>, argument: unknown) => Promise<unknown>>();
  registerIpcHandlers({ ipcMain: { handle: (channel, listener) => void listeners.set(channel, listener) }, allowedOrigins, windowOf: () => null, services: {} as never }, handlers);
  return { real, received, outcome, listeners };
}

describe('IPC requests from fake senders with hostile payloads (property-based)', () => {
  it('reach a handler only from the app’s page and as its schema parses them; all else fails with a code and a message', async () => {
    const { real, received, outcome, listeners } = setUp();
    expect([...listeners.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const tally = { runs: 0, accepted: 0, invalid: 0, refusedSender: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NAMES).chain((name) => fc.record({ name: fc.constant(name), sender, argument: payload(name), outcome: fc.constantFrom('value', 'host-error', 'error') as fc.Arbitrary<typeof outcome.current> })),
        async ({ name, sender, argument, outcome: thrown }) => {
          tally.runs++;
          received.length = 0;
          outcome.current = thrown;
          const reply = (await listeners.get(CHANNELS[name])!({ sender: null, senderFrame: sender.frame }, argument)) as HostResult<unknown>;
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();

          const parsed = real[name].schema.safeParse(argument);
          if (sender.kind !== 'trusted') {
            tally.refusedSender++;
            expect(received).toEqual([]);
            expect(reply).toEqual({ ok: false, error: { code: 'not-allowed', message: expect.stringMatching(/^Casebook refused to .*not from Casebook itself\.$/) } });
            return;
          }
          if (!parsed.success) {
            tally.invalid++;
            expect(received).toEqual([]);
            expect(reply).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^Casebook could not .+\.$/) } });
            return;
          }
          tally.accepted++;
          // Exactly what the schema gives: defaults filled, unknown keys dropped, addresses normalised.
          expect(received).toEqual([{ name, request: parsed.data }]);
          expect(real[name].schema.safeParse(received[0]!.request).success).toBe(true);
          if (thrown === 'value') expect(reply).toEqual({ ok: true, value: undefined });
          else {
            expect(reply.ok).toBe(false);
            if (!reply.ok) {
              expect(HOST_ERROR_CODES).toContain(reply.error.code);
              expect(reply.error.message.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 1_500 },
    );
    console.info(`IPC payloads: ${tally.runs} requests, ${tally.accepted} accepted, ${tally.invalid} refused as invalid, ${tally.refusedSender} refused for their sender`);
    expect(tally.accepted).toBeGreaterThan(50);
    expect(tally.invalid).toBeGreaterThan(50);
    expect(tally.refusedSender).toBeGreaterThan(50);
  }, 120_000);
});
