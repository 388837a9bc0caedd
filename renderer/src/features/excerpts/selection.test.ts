import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, extendTo, pickOnly, selectAll, selectedAmong, toggle } from './selection';

const shown = ['a', 'b', 'c', 'd', 'e'];

describe('selecting rows', () => {
  it('picks one, toggles others, extends a range from the anchor both ways', () => {
    let selection = pickOnly('b');
    selection = toggle(selection, 'd');
    expect(selectedAmong(selection, shown)).toEqual(['b', 'd']);
    selection = extendTo(selection, shown, 'e');
    expect(selectedAmong(selection, shown)).toEqual(['d', 'e']);
    selection = extendTo(selection, shown, 'a');
    expect(selectedAmong(selection, shown)).toEqual(['a', 'b', 'c', 'd']);
    expect(selectedAmong(toggle(selection, 'c'), shown)).toEqual(['a', 'b', 'd']);
  });

  it('selects all shown, and acts only on rows still shown', () => {
    expect(selectedAmong(selectAll(shown), ['e', 'x', 'a'])).toEqual(['e', 'a']);
    expect(selectedAmong(EMPTY_SELECTION, shown)).toEqual([]);
    expect(selectedAmong(extendTo(EMPTY_SELECTION, shown, 'c'), shown)).toEqual(['c']);
  });
});
