import { describe, expect, it } from 'vitest';
import { findStatedDate } from './stated-dates';

const now = new Date('2024-06-01T00:00:00Z');
const stated = (text: string, monthFirst = false) => findStatedDate(text, { now, monthFirst });
const BODY = 'The panel heard evidence from the harbour master and the finance officer over three days. '.repeat(30);

describe('findStatedDate', () => {
  it('takes a court’s decision date over the argued date and the filing stamp', () => {
    const opinion = 'Case: 21-3012  Document: 45  Filed: 03/03/2021\nUNITED STATES COURT OF APPEALS\nArgued January 12, 2021\nDecided March 3, 2021\n\n' + BODY;
    expect(stated(opinion)).toEqual({ iso: '2021-03-03', quote: 'Decided March 3, 2021', ambiguous: false });
    expect(stated('No. 20-1234\nArgued and Submitted November 2, 2020\nFiled January 14, 2021\n\n' + BODY)).toMatchObject({ iso: '2021-01-14', quote: 'Filed January 14, 2021' });
    expect(stated('FILED\nMAR 03 2021\nCLERK OF COURT\n\n' + BODY)).toMatchObject({ iso: '2021-03-03', quote: 'FILED MAR 03 2021' });
  });

  it('reads a news page’s “Published on” line, with its date on the next line', () => {
    expect(stated(`Port inquiry hears of missing ledger\nBy Ana Ruiz\nPublished on\n09/03/2021 - 12:30\n\n${BODY}`)).toEqual({
      iso: '2021-03-09',
      quote: 'Published on 09/03/2021',
      ambiguous: true,
    });
    expect(stated(`Headline\nPublished on\n09/03/2021\n${BODY}`, true)?.iso).toBe('2021-09-03');
    expect(stated(`Headline\n\nPosted 14 March 2023 · 5 min read\n\n${BODY}`)).toMatchObject({ iso: '2023-03-14', quote: 'Posted 14 March 2023' });
  });

  it('reads a “Date:” field, at the top of a memo or in the signature block at the end', () => {
    expect(stated(`To: the board\nFrom: the finance office\nDate: 12 May 2022\nRe: the ledger\n\n${BODY}`)).toMatchObject({ iso: '2022-05-12', quote: 'Date: 12 May 2022' });
    expect(stated(`Witness statement\n\n${BODY}${BODY}\nSigned: E. Marsh   Date: 3 March 2023`)).toMatchObject({ iso: '2023-03-03', quote: 'Date: 3 March 2023' });
  });

  it('reads labels in other languages', () => {
    expect(stated(`Prüfbericht\nVeröffentlicht am 9. März 2021\n${BODY}`)).toMatchObject({ iso: '2021-03-09', quote: 'Veröffentlicht am 9. März 2021' });
    expect(stated(`Memorandum\nDatum: 12 mei 2022\n${BODY}`)).toMatchObject({ iso: '2022-05-12' });
    expect(stated(`Rapport\nPublié le 2 août 2021\n${BODY}`)).toMatchObject({ iso: '2021-08-02', quote: 'Publié le 2 août 2021' });
    expect(stated(`Wyrok\nOpublikowano: 5 lipca 2022\n${BODY}`)).toMatchObject({ iso: '2022-07-05' });
    expect(stated(`Informe\nPublicado el 8 de junio de 2022\n${BODY}`)).toMatchObject({ iso: '2022-06-08' });
    expect(stated(`港口调查\n发布时间：2023年5月20日\n${BODY}`)).toMatchObject({ iso: '2023-05-20', quote: '发布时间：2023年5月20日' });
  });

  it('reads a dateline, or a date alone on a line, near the top', () => {
    expect(stated(`Rada Miejska zbada źródła finansowania przystani\n\nŁódź, 3 października 2022 r.\n\n${BODY}`)).toEqual({
      iso: '2022-10-03',
      quote: 'Łódź, 3 października 2022 r.',
      ambiguous: false,
    });
    expect(stated(`PRESS RELEASE\nNEW YORK, March 3, 2021 — The port authority said today\n${BODY}`)).toMatchObject({ iso: '2021-03-03' });
    expect(stated(`Quarterly note\n14 March 2023\n\n${BODY}`)).toMatchObject({ iso: '2023-03-14', quote: '14 March 2023' });
  });

  it('prefers a labelled date to a dateline', () => {
    expect(stated(`Notes\n2 May 2022\nPublished 4 May 2022\n${BODY}`)?.iso).toBe('2022-05-04');
  });

  it('does not take the dates of events the document reports', () => {
    expect(stated(`Inquiry report\n\nThe claim was filed 3 March 2020 and decided on 4 May 2021.\n${BODY}`)).toBeNull();
    expect(stated(`The ledger was last seen on 27 January 2023, the officer said.\n${BODY}`)).toBeNull();
    expect(stated(`Older story, 12 March 2023\n${BODY}`)).toBeNull();
    expect(stated(`Argued January 12, 2021\nUpdated 5 June 2022 10:00, after a correction\n${BODY}`)).toBeNull();
  });

  it('does not look for a date in the middle of a long document', () => {
    expect(stated(`${BODY}${BODY}\nFiled March 3, 2021\n${BODY}${BODY}`)).toBeNull();
  });

  it('does not take an impossible date', () => {
    expect(stated(`Published 1 January 1850\n${BODY}`)).toBeNull();
    expect(stated(`Filed 1 January 2031\n${BODY}`)).toBeNull();
  });
});
