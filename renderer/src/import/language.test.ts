import { describe, expect, it } from 'vitest';
import { detectLanguage, languageByScript, samplesOf } from './language';

/** Titles and one-line notes: the hardest case for any detector. Written for these tests. */
const SHORT: Record<string, string[]> = {
  en: ['The harbour ledger went missing', 'Witness statement of the finance officer', 'Minutes of the board meeting'],
  fr: ['Le registre du port a disparu', 'Déclaration du témoin principal', 'Compte rendu de la réunion du conseil'],
  de: ['Das Hafenbuch ist verschwunden', 'Aussage der Finanzbeamtin', 'Protokoll der Vorstandssitzung'],
  pl: ['Zaginęła księga rachunkowa portu', 'Zeznanie głównego świadka', 'Protokół z posiedzenia zarządu'],
  zh: ['港口账簿失踪', '证人陈述', '董事会会议纪要'],
  nl: ['Het havenregister is verdwenen', 'Uitspraak van het gerechtshof', 'Notulen van de bestuursvergadering'],
  es: ['Desaparece el libro de cuentas del puerto', 'Declaración del testigo principal', 'Acta de la reunión del consejo'],
};

/** A paragraph in each language, the length of a page's opening. */
const LONG: Record<string, string> = {
  en: 'The committee met on Tuesday to consider the auditors’ report. Members asked why eleven monthly statements could not be matched to the bank records, and the finance officer said that the paper ledger, which would have settled the question, had not been seen since late January. The chair proposed that the harbour master be asked to give evidence at the next meeting.',
  fr: 'Le conseil municipal s’est réuni mardi soir pour examiner le rapport des auditeurs. Plusieurs élus ont demandé pourquoi onze relevés mensuels ne correspondaient pas aux comptes bancaires, et la responsable des finances a répondu que le registre papier n’avait plus été vu depuis la fin du mois de janvier.',
  de: 'Der Stadtrat kam am Dienstagabend zusammen, um den Bericht der Rechnungsprüfer zu beraten. Mehrere Mitglieder wollten wissen, warum elf Monatsabrechnungen nicht mit den Kontoauszügen übereinstimmten, und die Leiterin der Finanzabteilung antwortete, dass das Kassenbuch seit Ende Januar nicht mehr gesehen worden sei.',
  pl: 'Rada Miejska zebrała się we wtorek wieczorem, aby omówić sprawozdanie biegłych rewidentów. Kilku radnych pytało, dlaczego jedenaście miesięcznych zestawień nie zgadza się z wyciągami bankowymi, a kierowniczka wydziału finansowego odpowiedziała, że papierowa księga zaginęła pod koniec stycznia.',
  zh: '市议会周二晚上开会审议审计报告。几位议员询问为什么有十一个月的结算单与银行对账单不符，财务主管回答说，本可以解决这个问题的纸质账簿自一月底以来就再也没有出现过。主席提议在下次会议上听取港务长的陈述。',
  nl: 'De gemeenteraad kwam dinsdagavond bijeen om het rapport van de accountants te bespreken. Verschillende raadsleden vroegen waarom elf maandoverzichten niet overeenkwamen met de bankafschriften, en het hoofd financiën antwoordde dat het papieren kasboek sinds eind januari niet meer was gezien.',
  es: 'El pleno municipal se reunió el martes por la tarde para estudiar el informe de los auditores. Varios concejales preguntaron por qué once extractos mensuales no coincidían con las cuentas del banco, y la responsable de finanzas respondió que el libro de papel no se había vuelto a ver desde finales de enero.',
};

describe('detectLanguage', () => {
  for (const [language, titles] of Object.entries(SHORT))
    it(`names ${language} in a title of a few words`, async () => {
      for (const title of titles) expect(await detectLanguage(title), title).toBe(language);
    });

  for (const [language, paragraph] of Object.entries(LONG))
    it(`names ${language} in a paragraph, and in a long document`, async () => {
      expect(await detectLanguage(paragraph)).toBe(language);
      expect(await detectLanguage(Array.from({ length: 200 }, () => paragraph).join('\n\n'))).toBe(language);
    });

  it('names no language for text too short or too bare to tell', async () => {
    for (const text of ['', 'OK', 'Page 1 of 3', '2021-03-04 12:00', 'https://example.org/a/b', '§ 12 (3)']) expect(await detectLanguage(text), text).toBeNull();
  });

  it('goes by the body of a long document, not a cover page in another language', async () => {
    const cover = `${LONG.fr}\n\n`;
    expect(await detectLanguage(cover + Array.from({ length: 30 }, () => LONG.en).join('\n\n'))).toBe('en');
  });

  it('is not misled by addresses, numbers and a quotation in another script', async () => {
    const text = `${LONG.en} See https://harbour.example/ledger/2021/03 and case 21-3012 (pp. 14–19). The notice read “港口账簿”.`;
    expect(await detectLanguage(text)).toBe('en');
  });
});

describe('languageByScript', () => {
  it('tells Chinese, Japanese and Korean apart by their scripts', () => {
    expect(languageByScript('会议纪要')).toBe('zh');
    expect(languageByScript('港の帳簿が消えた')).toBe('ja');
    expect(languageByScript('항구 장부가 사라졌다')).toBe('ko');
    expect(languageByScript('The ledger')).toBeUndefined();
  });
});

describe('samplesOf', () => {
  it('takes the whole of a short text, and three stretches spread over a long one', () => {
    expect(samplesOf('A short note, 12 May.')).toEqual(['A short note, May.']);
    const samples = samplesOf('word '.repeat(10_000));
    expect(samples).toHaveLength(3);
    for (const sample of samples) expect(sample.length).toBeLessThanOrEqual(1000);
  });
});
