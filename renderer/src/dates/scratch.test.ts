import { it } from 'vitest';
import { findDates } from './find';
const ref = { value: '2021-03-09', precision: 'day' as const };
it('scratch', () => {
  const show = (text: string, language = 'en', reference: typeof ref | null = ref) => { for (const d of findDates(text, { language, reference })) console.log(JSON.stringify(text.slice(0, 40)), '→', JSON.stringify(d.text), d.resolved ? `${d.resolved.start.value}/${d.resolved.start.precision}/${d.resolved.start.qualifier}${d.resolved.end ? ' – ' + d.resolved.end.value + '/' + d.resolved.end.precision : ''}` : 'UNRESOLVED', d.relative ? 'rel' : 'abs', d.ambiguous ? 'amb' : '', '|', d.how, '|', JSON.stringify(text.slice(d.sentence.start, d.sentence.end)).slice(0, 80)); };
  show('Police raided homes on Tuesday. Last year the network was cracked. In July the police moved. In July last year they met. They met last July.');
  show('The court heard the case between 15 September 2020 and 24 April 2021. It was a two-year investigation. It may happen. He was 25. At 10:00 they met.');
  show('On 10/03/2021 and 10.03.2021 and 25.12.2021.', 'en-US');
  show('On 10/03/2021 and 10.03.2021 and 25.12.2021.', 'de');
  show('In 2019 police acted; in 2000 cases. Since 2018 the group. About 2019 the boss. Before March 2021 the ship. The March for peace. Theresa May said. The Sun reported. 24/7 service. 9/11 attacks. for two years; two years later; the next day; three days ago; last week; this month; yesterday; Tuesday morning at 10:30.');
  show('Am Dienstag wurde er festgenommen. Im Juli letzten Jahres. Letztes Jahr. Am 14. März 2023. Jetzt. Vom 15. September 2020 bis 24. April 2021. zwischen dem 15. September 2020 und dem 24. April 2021', 'de');
  show('El martes fue detenido. En julio del año pasado. El año pasado. El 8 de junio de 2022 y 10/03/2021. Mayo de 2020. entre el 15 de septiembre de 2020 y el 24 de abril de 2021', 'es');
  show('Police raided homes on Tuesday. Last year. On 15 September 2020. In July.', 'en', null);
  show('Police raided homes on Tuesday. Last year. In July.', 'en', { value: '2021', precision: 'year' } as never);
  show('From 2018 to 2020 he worked. Since 2018, the group. About 2019 the boss. seit Juli. Tuesday at 10:30 they met.');
  show('Seit Juli und im März. Im Juli letzten Jahres. August Müller sagte', 'de');
});
