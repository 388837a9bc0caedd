import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../../../shared/domain';
import { findDates } from './find';
import type { FoundDate } from './types';

/** Tuesday 9 March 2021: the day the Sky ECC raids were reported. */
const TUESDAY: PartialDate = { value: '2021-03-09', precision: 'day' };

const find = (text: string, language: string | null = 'en', reference: PartialDate | null = TUESDAY) => findDates(text, { language, reference });
/** Each date as "words → value/precision", a range as "start/precision – end/precision", unresolved as "words → ?". */
const brief = (date: FoundDate) => {
  const { resolved } = date;
  if (!resolved) return `${date.text} → ?`;
  const end = resolved.end ? ` – ${resolved.end.value}/${resolved.end.precision}` : '';
  return `${date.text} → ${resolved.start.value}/${resolved.start.precision}${end}`;
};
const briefs = (...args: Parameters<typeof find>) => find(...args).map(brief);

describe('findDates', () => {
  it('resolves weekdays against the published date, not today: "Tuesday" in an article of Tuesday 9 March 2021 is that day', () => {
    const [tuesday, monday] = find('Prosecutors said on Tuesday that the raids began on Monday.');
    expect(tuesday).toMatchObject({ text: 'Tuesday', precision: 'day', relative: true, resolved: { start: { value: '2021-03-09', precision: 'day', qualifier: null }, end: null } });
    expect(tuesday!.how).toBe('Tuesday, in a document published 9 March 2021: the nearest Tuesday');
    expect(brief(monday!)).toBe('Monday → 2021-03-08/day');
    expect(briefs('Prosecutors said on Tuesday.', 'en', { value: '2021-03-16', precision: 'day' })).toEqual(['Tuesday → 2021-03-16/day']);
  });

  it('reads "last year" as the year before, at year precision, and "July last year" as that July, at month precision', () => {
    const [lastYear, july] = find('Last year the network was cracked. The crackdown came in July last year.');
    expect(brief(lastYear!)).toBe('Last year → 2020/year');
    expect(lastYear!.how).toBe('Last year, relative to 9 March 2021, when the document was published');
    expect(brief(july!)).toBe('July last year → 2020-07/month');
    expect(briefs('Im Juli letzten Jahres.', 'de')).toEqual(['Juli letzten Jahres → 2020-07/month']);
    expect(briefs('En julio del año pasado.', 'es')).toEqual(['julio del año pasado → 2020-07/month']);
  });

  it('reads "in July" as the July nearest the published date (chrono’s rule), and "last July" as the one before it', () => {
    const [july] = find('The ship left in July.');
    expect(brief(july!)).toBe('July → 2021-07/month');
    expect(july!.how).toBe('July, in a document published 9 March 2021: the nearest July');
    expect(briefs('The ship left in July.', 'en', { value: '2021-11-20', precision: 'day' })).toEqual(['July → 2021-07/month']);
    expect(briefs('The ship left in December.', 'en', { value: '2021-01-20', precision: 'day' })).toEqual(['December → 2020-12/month']);
    expect(briefs('The ship left last July.')).toEqual(['last July → 2020-07/month']);
  });

  it('reads "between 15 September 2020 and 24 April 2021" as one range, each end as precise as written', () => {
    const [range] = find('The messages were read between 15 September 2020 and 24 April 2021 by investigators.');
    expect(range).toMatchObject({ text: 'between 15 September 2020 and 24 April 2021', relative: false, precision: 'day' });
    expect(range!.resolved).toEqual({ start: { value: '2020-09-15', precision: 'day', qualifier: null }, end: { value: '2021-04-24', precision: 'day', qualifier: null } });
    expect(briefs('He ran the firm from 2018 to 2020, and between March 2019 and 2021, its accounts.')).toEqual([
      'from 2018 to 2020 → 2018/year – 2020/year',
      'between March 2019 and 2021 → 2019-03/month – 2021/year',
    ]);
    expect(briefs('zwischen dem 15. September 2020 und dem 24. April 2021', 'de')).toEqual(['zwischen dem 15. September 2020 und dem 24. April 2021 → 2020-09-15/day – 2021-04-24/day']);
  });

  it('reads numeric dates day first, or month first in US English, as the document’s language writes them', () => {
    expect(briefs('Filed on 10.03.2021 and 25/12/2021.', 'de')).toEqual(['10.03.2021 → 2021-03-10/day', '25/12/2021 → 2021-12-25/day']);
    expect(briefs('Filed on 10/03/2021.', 'en-GB')).toEqual(['10/03/2021 → 2021-03-10/day']);
    expect(briefs('Filed on 10/03/2021.', 'en')).toEqual(['10/03/2021 → 2021-03-10/day']);
    const [us] = find('Filed on 10/03/2021.', 'en-US');
    expect(brief(us!)).toBe('10/03/2021 → 2021-10-03/day');
    expect(us).toMatchObject({ ambiguous: true, how: '10/03/2021, read month first (mm/dd/yyyy) as US English writes it; day and month could be the other way round' });
    // A day over 12 leaves no doubt, whichever order the language writes.
    expect(find('Filed on 12/25/2021.', 'en-US')[0]).toMatchObject({ ambiguous: false, resolved: { start: { value: '2021-12-25' } } });
  });

  it('reads Spanish and German month names', () => {
    expect(briefs('El 8 de junio de 2022 la policía detuvo a 48 personas; en mayo de 2020 ya lo sabía.', 'es')).toEqual(['8 de junio de 2022 → 2022-06-08/day', 'mayo de 2020 → 2020-05/month']);
    expect(briefs('Am 14. März 2023 wurde er verhaftet, seit Dezember 2019 ermittelt.', 'de')).toEqual(['14. März 2023 → 2023-03-14/day', 'seit Dezember 2019 → 2019-12/month']);
    expect(briefs('El martes fue detenido.', 'es')).toEqual(['martes → 2021-03-09/day']);
    expect(briefs('Am Dienstag wurde er festgenommen.', 'de')).toEqual(['Dienstag → 2021-03-09/day']);
  });

  it('does not take lengths of time or chrono’s false friends in news text for dates', () => {
    const text =
      'The raids followed a two-year investigation. It lasted for two years; two years later, and the next day, nothing. ' +
      'Police may act. May I ask? Theresa May said so. The March for peace went ahead. The Sun reported 48 arrests. ' +
      'The service runs 24/7, since 9/11. At 10:00 officers met 1,500 colleagues. Now it is over; in 2000 cases the cash was seized.';
    expect(briefs(text)).toEqual([]);
  });

  it('finds a year alone after its preposition, and hedges it as written', () => {
    expect(find('In 2019, the firm moved; since 2018 the group, about 2017 the boss, before March 2021 the ship.').map((date) => [date.text, date.resolved?.start])).toEqual([
      ['2019', { value: '2019', precision: 'year', qualifier: null }],
      ['since 2018', { value: '2018', precision: 'year', qualifier: 'after' }],
      ['about 2017', { value: '2017', precision: 'year', qualifier: 'about' }],
      ['before March 2021', { value: '2021-03', precision: 'month', qualifier: 'before' }],
    ]);
  });

  it('without a published date, gives relative expressions as relative to an unknown date and still resolves absolute ones', () => {
    const dates = find('On Tuesday, police said the network was cracked last year, on 15 September 2020.', 'en', null);
    expect(dates.map(brief)).toEqual(['Tuesday → ?', 'last year → ?', '15 September 2020 → 2020-09-15/day']);
    expect(dates[0]).toMatchObject({ relative: true, resolved: null, precision: 'day', how: 'Tuesday, relative to an unknown date: the document has no published date' });
    expect(dates[2]).toMatchObject({ relative: false, how: '15 September 2020, as written' });
    // A published date known to the year resolves "last year", not "Tuesday".
    expect(briefs('On Tuesday, police said the network was cracked last year.', 'en', { value: '2021', precision: 'year' })).toEqual(['Tuesday → ?', 'last year → 2020/year']);
  });

  it('never claims more precision than the words: a weekday gives a day, a month name a month, a year a year', () => {
    const dates = find('Tuesday; March 2020; in 2013; this month; three days ago; Tuesday at 10:30; last week; 9 March 2021.');
    expect(dates.map((date) => [date.text, date.precision, date.resolved?.start.value, date.resolved?.end?.value])).toEqual([
      ['Tuesday', 'day', '2021-03-09', undefined],
      ['March 2020', 'month', '2020-03', undefined],
      ['2013', 'year', '2013', undefined],
      ['this month', 'month', '2021-03', undefined],
      ['three days ago', 'day', '2021-03-06', undefined],
      ['Tuesday at 10:30', 'minute', '2021-03-09T10:30', undefined],
      // There is no week precision: a week is the range of its days.
      ['last week', 'day', '2021-03-01', '2021-03-07'],
      ['9 March 2021', 'day', '2021-03-09', undefined],
    ]);
  });

  it('gives each date its span and its sentence', () => {
    const text = 'Mr. Snoeck spoke. Police acted on Tuesday, he said. Nothing else.';
    const [date] = find(text);
    expect(text.slice(date!.span.start, date!.span.end)).toBe('Tuesday');
    expect(text.slice(date!.sentence.start, date!.sentence.end)).toBe('Police acted on Tuesday, he said.');
    const next = 'Mr. Snoeck said on 14 Mar. 2023 that it was over.\nNext line.';
    const [first] = find(next);
    expect(next.slice(first!.sentence.start, first!.sentence.end)).toBe('Mr. Snoeck said on 14 Mar. 2023 that it was over.');
  });
});
