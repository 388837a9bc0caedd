import { describe, expect, it, vi } from 'vitest';
import { choosesLeave, confirmUnload, leavePrompt } from './leavePrompt';

describe('leavePrompt', () => {
  it('offers Leave and Stay, with Stay the default and what Escape means', () => {
    const prompt = leavePrompt();
    expect(prompt.buttons).toEqual(['Leave', 'Stay']);
    expect(prompt.buttons![prompt.defaultId!]).toBe('Stay');
    expect(prompt.buttons![prompt.cancelId!]).toBe('Stay');
    expect(prompt.message).toMatch(/unsaved changes/);
  });
});

describe('confirmUnload', () => {
  const event = () => ({ preventDefault: vi.fn() });

  it('lets the window close when the researcher chooses Leave', () => {
    const closing = event();
    const ask = vi.fn(() => leavePrompt().buttons!.indexOf('Leave'));
    expect(confirmUnload(closing, ask)).toBe(true);
    expect(ask).toHaveBeenCalledWith(leavePrompt());
    // Preventing will-prevent-unload ignores the page's beforeunload: the close goes on.
    expect(closing.preventDefault).toHaveBeenCalledOnce();
  });

  it('keeps the window open on Stay, and when the box is dismissed', () => {
    for (const response of [leavePrompt().buttons!.indexOf('Stay'), leavePrompt().cancelId!]) {
      const closing = event();
      expect(confirmUnload(closing, () => response)).toBe(false);
      expect(closing.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('reads only the button chosen', () => {
    expect(choosesLeave(0)).toBe(true);
    expect(choosesLeave(1)).toBe(false);
    expect(choosesLeave(-1)).toBe(false);
  });
});
