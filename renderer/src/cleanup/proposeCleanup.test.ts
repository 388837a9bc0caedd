import { describe, expect, it } from 'vitest';
import { keptTextOf } from './keptText';
import { isSiteWording, proposeCleanup } from './proposeCleanup';
import { ARTICLE_LINES, CHROME_LINES, PASTED_ARTICLE } from '../../../tests/fixtures/pastedArticle';

const flagged = (text: string) =>
  proposeCleanup(text)
    .lines.filter((line) => line.chrome)
    .map((line) => line.text);
const reasonOf = (text: string, line: string) =>
  proposeCleanup(text).lines.find((candidate) => candidate.text === line)?.reason;

describe('proposeCleanup on a pasted news page', () => {
  const proposal = proposeCleanup(PASTED_ARTICLE);
  const chrome = proposal.lines.filter((line) => line.chrome).map((line) => line.text);

  it('numbers every line of the text, blank ones included, in order', () => {
    expect(proposal.lines.map((line) => line.text)).toEqual(PASTED_ARTICLE.split('\n'));
    expect(proposal.lines.map((line) => line.index)).toEqual(proposal.lines.map((_, index) => index));
  });

  it('keeps every line of the article: title, caption, byline, paragraphs, subheading and a short list', () => {
    for (const line of ARTICLE_LINES) expect(chrome, line).not.toContain(line);
  });

  it('proposes every line of site chrome', () => {
    expect([...new Set(chrome)].sort()).toEqual([...new Set(CHROME_LINES)].sort());
  });

  it('gives each proposed line a reason, and none to kept lines', () => {
    for (const line of proposal.lines) expect(line.reason === null).toBe(!line.chrome);
    expect(reasonOf(PASTED_ARTICLE, 'ADVERTISEMENT')).toBe('Advertisement label');
    expect(reasonOf(PASTED_ARTICLE, 'Share this articleClose Button')).toBe('Menu items or buttons run together');
    expect(reasonOf(PASTED_ARTICLE, 'Dock workers\' union calls for inquiry into port security')).toBe(
      'In the “Related” list',
    );
    expect(reasonOf(PASTED_ARTICLE, 'Published on 14/03/2023 - 09:12•Updated 14/03/2023 - 11:40')).toBe(
      'Date stamp among page chrome',
    );
    expect(
      reasonOf(
        PASTED_ARTICLE,
        "Customs officers inspect a container at the Marlow Quay in Vellport, February 2023. Prosecutors say the port was the network's main gateway. Copyright Continental Wire/Photo Desk",
      ),
    ).toBe('Repeats line 13 with a credit added');
    expect(reasonOf(PASTED_ARTICLE, 'Continental Wire')).toBe('Looks like a menu: 9 short items in a row');
  });
});

describe('proposeCleanup keeps article text that resembles chrome', () => {
  it('keeps sentences that mention a social network, a newsletter or cookies in passing', () => {
    const text = [
      'The group shared photos on Facebook and Twitter before the raid, according to the indictment.',
      'Share prices fell.',
      'She wrote in her newsletter that the port had been warned twice.',
      'The bakery sold cookies to the dock workers every morning, the witness said.',
    ].join('\n\n');
    expect(flagged(text)).toEqual([]);
  });

  it('keeps speaker labels repeated in a transcript, and a list in the middle of the story', () => {
    const text = [
      'The court heard the following exchange between the two suspects on the morning of the raid.',
      'Lantern:',
      'Is the box on the ship?',
      'Harbour:',
      'Not yet. Tomorrow.',
      '',
      'Seized:',
      'Cash',
      'Boats',
      'Firearms',
      'Phones',
      '',
      'The suspects deny the charges, their lawyers said after the hearing on Thursday.',
    ].join('\n');
    expect(flagged(text)).toEqual([]);
  });

  it('keeps a date line between paragraphs when no chrome is next to it', () => {
    const text = 'The ship left at dawn, the log says.\n\n9 March 2021, 06:00\n\nIt was searched at noon, the log says.';
    expect(flagged(text)).toEqual([]);
  });

  it('does not take running sentences after a "Read more" heading for a list of links', () => {
    const text = 'Read more\n\nThe harbour master declined to comment on the seizure, his office said on Friday.';
    expect(flagged(text)).toEqual(['Read more']);
  });
});

describe('proposeCleanup heuristics in other languages and shapes', () => {
  it.each([
    ['Werbung', 'Advertisement label'],
    ['Publicité', 'Advertisement label'],
    ['REKLAMA', 'Advertisement label'],
    ['Udostępnij', 'Share button'],
    ['Lire aussi : Le port de Vellport sous surveillance', 'Link to another article'],
    ['Czytaj też: Porty pod lupą', 'Link to another article'],
    ['34 comments', 'Comments counter or button'],
    ['© Harbour Herald 2024. All rights reserved', 'Picture credit or copyright'],
    ['Photo: Jan Kos / Harbour Herald', 'Picture credit or copyright'],
    ['This website uses cookies to give you the best experience.', 'Cookie notice'],
    ['Print this story | Email this story | Comments (3)', 'Buttons or menu items in a row'],
  ])('flags “%s” as %s', (line, reason) => {
    expect(reasonOf(`The prosecutor described the raids in detail to the court on Monday.\n\n${line}`, line)).toBe(
      reason,
    );
  });

  it('flags a line repeated verbatim after its first occurrence', () => {
    const standfirst = 'Dozens held after investigators crack a coded phone network.';
    const text = `${standfirst}\n\nPolice arrested 43 people in raids across the city on Monday morning.\n\n${standfirst}`;
    const lines = proposeCleanup(text).lines;
    expect(lines[0]).toMatchObject({ chrome: false });
    expect(lines[4]).toMatchObject({ chrome: true, reason: 'Repeats line 1' });
  });
});

describe('keptTextOf', () => {
  it('removes the chosen lines and folds the blank lines they leave into one', () => {
    const text = 'Menu\n\nTitle\n\nFirst paragraph.\n\nADVERTISEMENT\n\nSecond paragraph.\n\nShare\n';
    expect(keptTextOf(text, new Set([0, 6, 10]))).toBe('Title\n\nFirst paragraph.\n\nSecond paragraph.');
  });

  it('leaves the text as it was when nothing is removed, blank lines included', () => {
    const text = 'One.\n\n\nTwo.\n';
    expect(keptTextOf(text, new Set())).toBe(text);
  });

  it('gives the fixture back as the article alone when every proposed line goes', () => {
    const proposal = proposeCleanup(PASTED_ARTICLE);
    const removed = new Set(proposal.lines.filter((line) => line.chrome).map((line) => line.index));
    const kept = keptTextOf(PASTED_ARTICLE, removed);
    expect(kept.split('\n').filter((line) => line.trim())).toEqual(ARTICLE_LINES);
    expect(kept).not.toMatch(/\n\n\n/);
  });
});

describe('isSiteWording', () => {
  it('knows the site’s buttons, labels and headings in several languages, but not section names or names', () => {
    for (const words of ['Newsletter', 'Share', 'Share this article', 'ADVERTISEMENT', 'Read more', 'Comments', 'Tags', 'Partager', 'Lire aussi', 'Udostępnij'])
      expect(isSiteWording(words), words).toBe(true);
    for (const words of ['Europe', 'Business', 'Antwerp', 'Sky ECC', 'Europol']) expect(isSiteWording(words), words).toBe(false);
  });
});
