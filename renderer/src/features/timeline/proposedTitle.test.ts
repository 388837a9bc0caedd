import { describe, expect, it } from 'vitest';
import { proposedTitle } from './proposedTitle';

describe('proposedTitle', () => {
  it('takes the quote’s first sentence without its full stop', () => {
    expect(proposedTitle('  Police raided the warehouse at dawn. Three men were arrested.')).toBe('Police raided the warehouse at dawn');
  });

  it('cuts a long sentence at a word, saying so', () => {
    const title = proposedTitle(
      'Investigators from three countries seized the encrypted handsets that the network had bought through a front company in the port',
    );
    expect(title).toBe('Investigators from three countries seized the encrypted handsets that the…');
    expect(title.length).toBeLessThanOrEqual(81);
  });
});
