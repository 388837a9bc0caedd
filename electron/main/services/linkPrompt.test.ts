import { describe, expect, it } from 'vitest';
import { decideNavigation } from '../../../shared/linkPolicy';
import { choosesOpen, externalLinkPrompt } from './linkPrompt';

describe('externalLinkPrompt', () => {
  it('shows the normalised address, and Cancel is what Enter and Escape choose', () => {
    const decision = decideNavigation({ kind: 'open-external', url: 'https://аpple.com/login' });
    expect(decision).toEqual({ action: 'ask', address: 'https://xn--pple-43d.com/login' });
    const prompt = externalLinkPrompt('https://xn--pple-43d.com/login');
    expect(prompt).toMatchObject({ buttons: ['Open', 'Cancel'], defaultId: 1, cancelId: 1, message: 'Open this address in your web browser?' });
    expect(prompt.detail).toMatch(/^https:\/\/xn--pple-43d\.com\/login\n/);
    expect(choosesOpen(prompt.defaultId!)).toBe(false);
    expect(choosesOpen(prompt.cancelId!)).toBe(false);
    expect(choosesOpen(0)).toBe(true);
  });

  it('names the mail program for a mail address', () => {
    expect(externalLinkPrompt('mailto:someone@example.org').message).toBe('Open this address in your mail program?');
  });
});
