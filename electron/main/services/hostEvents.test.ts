import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS } from '../../../shared/contract';
import { HostEventOutbox } from './hostEvents';

function receiver() {
  const sent: [string, unknown][] = [];
  return { sent, send: (channel: string, payload: unknown) => void sent.push([channel, payload]) };
}

describe('HostEventOutbox', () => {
  it('sends each event on its own channel to the connected page', () => {
    const outbox = new HostEventOutbox();
    const page = receiver();
    outbox.connect(page);
    outbox.send('menuCommand', { commandId: 'palette.open' });
    expect(page.sent).toEqual([[EVENT_CHANNELS.menuCommand, { commandId: 'palette.open' }]]);
  });

  it('holds events while no page is ready and sends them, in order, to the next one', () => {
    const outbox = new HostEventOutbox();
    const first = receiver();
    outbox.connect(first);
    outbox.disconnect(first);
    outbox.send('menuCommand', { commandId: 'go.notes' });
    outbox.send('caseFileOpened', { name: 'Quay.casebook', size: null, token: null, error: 'Quay.casebook could not be opened.' });
    expect(first.sent).toEqual([]);

    const reloaded = receiver();
    outbox.connect(reloaded);
    expect(reloaded.sent.map(([channel]) => channel)).toEqual([EVENT_CHANNELS.menuCommand, EVENT_CHANNELS.caseFileOpened]);
  });

  it('ignores the disconnection of a page that is no longer the connected one', () => {
    const outbox = new HostEventOutbox();
    const old = receiver();
    const current = receiver();
    outbox.connect(old);
    outbox.connect(current);
    outbox.disconnect(old);
    outbox.send('menuCommand', { commandId: 'go.library' });
    expect(current.sent).toHaveLength(1);
  });

  it('keeps at most the 50 latest events while nobody listens', () => {
    const outbox = new HostEventOutbox();
    for (let index = 0; index < 60; index++)
      outbox.send('backupFinished', { fileName: `backup-${index}.zip`, finishedAt: '2025-03-01T09:30:00.000Z', error: null });
    const page = receiver();
    outbox.connect(page);
    expect(page.sent).toHaveLength(50);
    expect(page.sent[0]?.[1]).toMatchObject({ fileName: 'backup-10.zip' });
  });

  it('refuses a payload that does not match its schema, saying which part', () => {
    const log = vi.fn();
    const outbox = new HostEventOutbox(log);
    const page = receiver();
    outbox.connect(page);
    expect(outbox.send('menuCommand', { commandId: 'format.disk' as never })).toBe(false);
    expect(outbox.send('caseFileOpened', { name: 'a.casebook', size: null, token: null, error: null })).toBe(false);
    expect(page.sent).toEqual([]);
    expect(log).toHaveBeenNthCalledWith(
      1,
      'did not send the menuCommand event: The application menu sent a command Casebook does not have (commandId).',
    );
    expect(log).toHaveBeenNthCalledWith(
      2,
      'did not send the caseFileOpened event: A case file arrives either with its token or with the reason it could not be opened.',
    );
  });
});
