import { describe, expect, it } from 'vitest';
import { choosesReload, crashPrompt, RELOAD_AGAIN_AFTER_MS, RendererCrashPolicy } from './rendererCrash';

describe('RendererCrashPolicy', () => {
  it('reloads after a crash, and asks when the page crashes again soon after', () => {
    const policy = new RendererCrashPolicy();
    expect(policy.decide('crashed', 1_000)).toBe('reload');
    expect(policy.decide('crashed', 1_000 + RELOAD_AGAIN_AFTER_MS - 1)).toBe('ask');
    // Each crash counts from the one before: a page that keeps crashing is asked about every time.
    expect(policy.decide('oom', 1_000 + 2 * RELOAD_AGAIN_AFTER_MS - 2)).toBe('ask');
  });

  it('reloads again once the page has run for a while', () => {
    const policy = new RendererCrashPolicy();
    expect(policy.decide('killed', 0)).toBe('reload');
    expect(policy.decide('crashed', RELOAD_AGAIN_AFTER_MS)).toBe('reload');
    expect(policy.decide('crashed', 3 * RELOAD_AGAIN_AFTER_MS)).toBe('reload');
  });

  it('ignores a clean exit, which is the window closing', () => {
    const policy = new RendererCrashPolicy();
    expect(policy.decide('clean-exit', 0)).toBe('ignore');
    expect(policy.decide('crashed', 10)).toBe('reload');
  });
});

describe('crashPrompt', () => {
  it('says what happened and offers Reload (the default) or Quit (Escape)', () => {
    const prompt = crashPrompt('oom');
    expect(prompt).toMatchObject({ buttons: ['Reload', 'Quit'], defaultId: 0, cancelId: 1 });
    expect(prompt.message).toBe('The window’s page ran out of memory. It happened again after reloading.');
    expect(prompt.detail).toContain('what was saved is safe');
    expect(choosesReload(prompt.defaultId!)).toBe(true);
    expect(choosesReload(prompt.cancelId!)).toBe(false);
  });
});
