/**
 * The suggestions for the Euronews article on the Sky ECC network in the shared corpus beside the repository, as a
 * researcher would copy it from the page (menus, "ADVERTISEMENT", share rows and a "You might also like" list
 * included). The corpus is not the project's: only the names expected are written here, from reading the article,
 * and the test is skipped where the corpus is not beside the checkout (CI's checkout has none).
 */
import { describe, expect, it } from 'vitest';
import { readSharedCorpus } from '../../../tests/fixtures/read-fixture';
import { describeScore, precisionOf, recallOf, scoreSuggestions, type ExpectedNames } from '../../../tests/unit/suggestionScore';
import { suggestionKey } from './keys';
import { suggestEntities } from './suggest';

const ARTICLE = readSharedCorpus('sky-ecc-euronews.txt');

/** The article's own names. Germany, Russia and "Oleh" stand only in the list of other articles: site text. */
const EXPECTED: ExpectedNames = {
  language: 'en',
  person: ['Eric Snoeck', 'Frédéric Van Leeuw'],
  organisation: ['Sky ECC', 'EncroChat'],
  place: ['Belgium', 'Netherlands', 'Canada', 'Antwerp', 'Rotterdam', 'Europe', 'Western Europe', 'South America'],
  ignore: {
    Euronews: 'the byline names the site and the agencies',
    AP: 'the byline and the picture credit',
    AFP: 'the byline',
    'Virginia Mayo': 'the photographer, in the picture credit',
  },
};

describe.skipIf(ARTICLE === null)('suggestions for the Sky ECC article (shared corpus; skipped where ../shared/corpus is absent)', () => {
  for (const extracted of [true, false])
    it(`name its officials, encrypted services, port cities and countries, and not its site text${extracted ? ' (read as a page’s article)' : ' (read as plain text)'}`, () => {
      const suggestions = suggestEntities(ARTICLE!, { language: 'en', extracted, knownEntities: [], dismissed: [] });
      const score = scoreSuggestions(suggestions, EXPECTED);
      console.log(`Sky ECC article${extracted ? ', as an article' : ', as plain text'}: ${describeScore(score)}`);
      const keys = new Set(suggestions.map((suggestion) => suggestion.key));
      for (const name of ['Eric Snoeck', 'Frédéric Van Leeuw', 'Sky ECC', 'EncroChat', 'Antwerp', 'Rotterdam', 'Belgium', 'Netherlands', 'Canada'])
        expect(keys, name).toContain(suggestionKey(name));
      for (const chrome of ['Newsletter', 'Newsletters', 'Share', 'Share this article', 'Comments', 'ADVERTISEMENT', 'Loader', 'Find Us', 'Close Button', 'Germany', 'Oleh'])
        expect(keys, chrome).not.toContain(suggestionKey(chrome));
      expect(precisionOf(score)).toBeGreaterThanOrEqual(extracted ? 0.9 : 0.8);
      expect(recallOf(score)).toBeGreaterThanOrEqual(0.9);
      // "Van Leeuw" and "Frédéric Van Leeuw" are one suggestion.
      expect(suggestions.filter((suggestion) => suggestion.key.endsWith('van leeuw'))).toHaveLength(1);
    });
});

if (ARTICLE === null) console.log('Sky ECC article: skipped, ../shared/corpus/sky-ecc-euronews.txt is not beside this checkout.');
