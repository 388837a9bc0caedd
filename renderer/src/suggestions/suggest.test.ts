import { describe, expect, it } from 'vitest';
import { suggestionKey } from './keys';
import { suggestEntities, suggestForBatch } from './suggest';
import type { KnownEntity, SuggestOptions } from './types';

const options = (more: Partial<SuggestOptions> = {}): SuggestOptions => ({ language: 'en', knownEntities: [], dismissed: [], ...more });
const names = (text: string, more?: Partial<SuggestOptions>) => suggestEntities(text, options(more)).map((suggestion) => suggestion.name);
const find = (text: string, name: string, more?: Partial<SuggestOptions>) => suggestEntities(text, options(more)).find((suggestion) => suggestion.key === suggestionKey(name));

describe('suggestionKey', () => {
  it('folds case, accents, possessives, punctuation and a legal form', () => {
    expect(suggestionKey('Frédéric Van Leeuw')).toBe('frederic van leeuw');
    expect(suggestionKey("Ferreira-Lobo's")).toBe('ferreira lobo');
    expect(suggestionKey('Reynolds’')).toBe('reynolds');
    expect(suggestionKey('Seacrest Holdings Ltd')).toBe(suggestionKey('SEACREST HOLDINGS'));
    expect(suggestionKey('Łódź')).toBe('lodz');
    expect(suggestionKey('张伟')).toBe('张伟');
  });
});

describe('suggestEntities', () => {
  it('joins a surname alone to the one full name ending with it, and counts both', () => {
    const text = 'Belgian chief prosecutor Frédéric Van Leeuw spoke on Tuesday. Later, Van Leeuw added that Van Leeuw’s office would appeal.';
    const suggestion = find(text, 'Frédéric Van Leeuw')!;
    expect(suggestion).toMatchObject({ name: 'Frédéric Van Leeuw', type: 'person', count: 3, variants: ['Frédéric Van Leeuw', 'Van Leeuw'] });
    expect(find(text, 'Van Leeuw')).toBeUndefined();
  });

  it('keeps a surname apart when two people share it', () => {
    const text = 'The brothers Anna Kowalczyk and Piotr Kowalczyk ran the firm. Kowalczyk denied it.';
    expect(names(text)).toEqual(expect.arrayContaining(['Anna Kowalczyk', 'Piotr Kowalczyk', 'Kowalczyk']));
  });

  it('folds spellings with and without accents into one, shown with its accents', () => {
    const text = 'The suspect Zoë Müller was seen in Gdańsk. Witnesses said Zoe Muller had left Gdansk by train, and Zoë Müller denied it.';
    expect(find(text, 'Zoë Müller')).toMatchObject({ name: 'Zoë Müller', count: 3 });
    expect(find(text, 'Gdańsk')).toMatchObject({ name: 'Gdańsk', count: 2 });
  });

  it('joins an acronym to the one name whose initials it is', () => {
    const text = "L'argent transitait par la Société Méridionale de Transit (SMT), selon le parquet. Une remorque de la SMT a été saisie.";
    expect(find(text, 'Société Méridionale de Transit', { language: 'fr' })).toMatchObject({ count: 3, type: 'organisation', variants: ['Société Méridionale de Transit', 'SMT'] });
  });

  it('leaves out sentence openers, months, days and the site’s text', () => {
    const text = [
      'Newsletter',
      'Share this article',
      'ADVERTISEMENT',
      '',
      'However, Police in Antwerp said on Monday that the raids began in March. The operation was led from Antwerp.',
      '',
      'Share',
      'Read more',
      'Comments',
    ].join('\n');
    expect(names(text)).toEqual(['Antwerp']);
  });

  it('keeps a name of several words whole at a sentence’s start when the text writes it inside a sentence too', () => {
    const text = 'The trawler belongs to Brightwater Fisheries, a supplier of fish markets. Brightwater Fisheries did not answer questions.';
    const suggestion = find(text, 'Brightwater Fisheries')!;
    expect(suggestion).toMatchObject({ type: 'organisation', count: 2, variants: ['Brightwater Fisheries'] });
    expect(suggestion.snippets.map(({ text: snippet, mentionStart, mentionEnd, start }) => snippet.slice(mentionStart - start, mentionEnd - start))).toEqual([
      'Brightwater Fisheries',
      'Brightwater Fisheries',
    ]);
    // Written at a sentence's start only, its first word is still taken for the sentence's.
    expect(names('Customs Workers Association members met. The union said so.')).toEqual(['Workers Association']);
  });

  it('offsets its snippets into the text, around the name', () => {
    const text = 'Intro line.\nThe money went through Banco Meridional in Gibraltar, investigators said.';
    const suggestion = find(text, 'Banco Meridional')!;
    const [snippet] = suggestion.snippets;
    expect(text.slice(snippet!.start, snippet!.end)).toBe(snippet!.text);
    expect(text.slice(snippet!.mentionStart, snippet!.mentionEnd)).toBe('Banco Meridional');
    expect(snippet!.text).not.toContain('Intro');
  });

  it('never returns a dismissed key', () => {
    const text = 'Police in Rotterdam and Antwerp arrested 30 people.';
    expect(names(text)).toEqual(['Antwerp', 'Rotterdam']);
    expect(names(text, { dismissed: [{ key: suggestionKey('Rotterdam'), type: 'place' }] })).toEqual(['Antwerp']);
  });

  it('reads other Latin-script languages by their capitals', () => {
    const text = 'Volgens het Openbaar Ministerie werd de Nederlandse verdachte Pieter Verhoef maandag in Rotterdam aangehouden.';
    expect(names(text, { language: 'nl' })).toEqual(['Pieter Verhoef', 'Openbaar Ministerie', 'Rotterdam']);
    // German capitalises every noun: single words are left to the case's entities, nouns side by side are no name.
    const german = 'Die Polizei fand 3,2 Millionen Euro im Hafen von Hamburg, sagte Oberstaatsanwalt Jens Möller vor dem Landgericht Elmshafen.';
    expect(names(german, { language: 'de' })).toEqual(['Jens Möller', 'Landgericht Elmshafen']);
  });

  it('finds the case’s own entities in any language, Chinese included, by name and alias', () => {
    const known: KnownEntity[] = [
      { id: 'e1', name: '张伟', aliases: ['张总'], type: 'person' },
      { id: 'e2', name: '深圳', aliases: [], type: 'place' },
    ];
    const suggestions = suggestEntities('警方称，张伟在深圳被捕。张总否认指控。', options({ language: 'zh', knownEntities: known }));
    expect(suggestions.map(({ name, type, count, variants }) => ({ name, type, count, variants }))).toEqual([
      { name: '张伟', type: 'person', count: 2, variants: ['张伟', '张总'] },
      { name: '深圳', type: 'place', count: 1, variants: ['深圳'] },
    ]);
    expect(suggestions[0]!.matches).toEqual([{ entityId: 'e1', name: '张伟', score: 1 }]);
  });

  it('matches a case entity’s name only where the text writes it as a name', () => {
    const known: KnownEntity[] = [{ id: 'e1', name: 'Sky', aliases: [], type: 'organisation' }];
    expect(names('The sky over the harbour was grey.', { knownEntities: known })).toEqual([]);
  });

  it('lists the case’s likely entities for a new name: by surname, acronym or shared words', () => {
    const known: KnownEntity[] = [
      { id: 'p1', name: 'Frédéric Van Leeuw', aliases: [], type: 'person' },
      { id: 'o1', name: 'Federal Judicial Police', aliases: [], type: 'organisation' },
      { id: 'o2', name: 'Sky ECC Global', aliases: [], type: 'organisation' },
      { id: 'x1', name: 'Antwerp', aliases: ['Anvers'], type: 'place' },
    ];
    const text = 'Van Leeuw said the FJP had read the messages of Sky ECC users for months, far from Anvers.';
    const suggestions = suggestEntities(text, options({ knownEntities: known }));
    const matchesOf = (name: string) => suggestions.find((suggestion) => suggestion.key === suggestionKey(name))?.matches.map((match) => [match.entityId, match.score]);
    expect(matchesOf('Van Leeuw')).toEqual([['p1', 0.85]]);
    expect(matchesOf('FJP')).toEqual([['o1', 0.8]]);
    expect(matchesOf('Sky ECC')).toEqual([['o2', 0.6]]);
    // An alias of a case entity is the entity itself.
    expect(suggestions.find((suggestion) => suggestion.name === 'Antwerp')).toMatchObject({ variants: ['Antwerp', 'Anvers'], matches: [{ entityId: 'x1', score: 1 }] });
  });
});

describe('suggestForBatch', () => {
  it('counts a name over the documents of a batch and in each, joining surnames across them', () => {
    const suggestions = suggestForBatch(
      [
        { documentId: 'a', text: 'Chief prosecutor Helena Marwick opened the case in Lisbon.', language: 'en' },
        { documentId: 'b', text: 'The court in Lisbon heard that Marwick had asked for more time.', language: 'en' },
        { documentId: 'c', text: 'Le parquet de Lisbonne a confirmé.', language: 'fr' },
      ],
      { knownEntities: [], dismissed: [{ key: 'lisbonne', type: 'place' }] },
    );
    const marwick = suggestions.find((suggestion) => suggestion.name === 'Helena Marwick')!;
    expect(marwick).toMatchObject({ count: 2, documents: [{ documentId: 'a', count: 1 }, { documentId: 'b', count: 1 }] });
    expect(marwick.snippets.map((snippet) => snippet.documentId)).toEqual(['a', 'b']);
    expect(suggestions.find((suggestion) => suggestion.name === 'Lisbon')).toMatchObject({ count: 2 });
    expect(suggestions.map((suggestion) => suggestion.key)).not.toContain('lisbonne');
  });
});
