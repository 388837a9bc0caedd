/**
 * The dates in the Euronews article on the Sky ECC network in the shared corpus beside the repository, published on
 * Tuesday 9 March 2021. The corpus is not the project's: only the dates expected are written here, from reading the
 * article, and the test is skipped where the corpus is not beside the checkout (CI's checkout has none).
 */
import { describe, expect, it } from 'vitest';
import { readSharedCorpus } from '../../../tests/fixtures/read-fixture';
import { findDates } from './find';

const ARTICLE = readSharedCorpus('sky-ecc-euronews.txt');

describe.skipIf(ARTICLE === null)('dates in the Sky ECC article (shared corpus; skipped where ../shared/corpus is absent)', () => {
  it('resolves "Tuesday", "last year" and "July last year" against its published date, and takes no duration for a date', () => {
    const dates = findDates(ARTICLE!, { language: 'en', reference: { value: '2021-03-09', precision: 'day' } });
    const found = dates.map((date) => `${date.text} → ${date.resolved?.start.value}/${date.precision}`);
    console.log(`Sky ECC article: ${dates.length} dates\n${dates.map((date) => `  ${date.how}`).join('\n')}`);
    expect([...new Set(found)]).toEqual([
      'March 2020 → 2020-03/month',
      'March 9, 2021 → 2021-03-09/day',
      'Tuesday → 2021-03-09/day',
      'Last year → 2020/year',
      '2020 → 2020/year',
      '2013 → 2013/year',
      'July last year → 2020-07/month',
      'last year → 2020/year',
    ]);
    expect(dates.filter((date) => date.text === 'Tuesday')).toHaveLength(3);
    expect(dates.some((date) => /two-year/.test(date.text))).toBe(false);
    const july = dates.find((date) => date.text === 'July last year')!;
    expect(ARTICLE!.slice(july.sentence.start, july.sentence.end)).toMatch(/^The operation followed a similar crackdown in July last year when .*\.$/);
  });
});

if (ARTICLE === null) console.log('Sky ECC article: skipped, ../shared/corpus/sky-ecc-euronews.txt is not beside this checkout.');
