import { describe, expect, it } from 'vitest';
import { encodeLegacy, encodeUtf16 } from '../../../tests/fixtures/legacy-encoding';
import { decodeText, looksLikeText, utf16ByNulPattern } from './charset';
import { ImportError } from './types';

const utf8 = (text: string) => new TextEncoder().encode(text);

// Fictional sentences, long enough for detection to have something to go on.
const FRENCH =
  'Le conseil municipal a approuvé mercredi le budget du port. « Nous n’avions pas le choix », a déclaré la maire, Hélène Lefèvre. Les travaux débuteront en août et coûteront près de deux millions d’euros, selon le rapport présenté aux élus.';
const RUSSIAN =
  'Городской совет утвердил бюджет порта. Работы начнутся в августе и обойдутся почти в два миллиона рублей, сообщила председатель комиссии Анна Смирнова. Документы о расходах будут опубликованы в конце месяца.';
const CZECH =
  'Městská rada schválila rozpočet přístavu. Práce začnou v srpnu a budou stát téměř dva miliony korun, uvedla předsedkyně komise Šárka Dvořáková. Účetní knihy za poslední čtyři roky se však dosud nenašly.';
const GREEK =
  'Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό του λιμανιού. Οι εργασίες θα ξεκινήσουν τον Αύγουστο και θα κοστίσουν σχεδόν δύο εκατομμύρια ευρώ, δήλωσε η πρόεδρος της επιτροπής.';
const POLISH =
  '„Nie możemy udawać, że nic się nie stało” – powiedziała przewodnicząca komisji. Źródła finansowania przystani zbada komisja, która zbierze się w przyszłym tygodniu; świadkowie twierdzą, że część faktur zniknęła.';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(utf8('\ufeffZoë’s café'))).toMatchObject({ text: 'Zoë’s café', charset: 'utf-8', source: 'bom' });
    expect(decodeText(utf8('Zoë’s café'))).toMatchObject({ text: 'Zoë’s café', charset: 'utf-8', source: 'utf8' });
  });

  it('reads UTF-16 in either byte order, with a byte order mark or recognised by its NULs', () => {
    for (const endian of ['le', 'be'] as const) {
      expect(decodeText(encodeUtf16('Notes — café, 12 April', endian, true))).toMatchObject({ text: 'Notes — café, 12 April', charset: `utf-16${endian}`, source: 'bom' });
      expect(decodeText(encodeUtf16('Interview notes, harbour master', endian, false))).toMatchObject({
        text: 'Interview notes, harbour master',
        charset: `utf-16${endian}`,
        source: 'utf16-pattern',
      });
    }
    expect(utf16ByNulPattern(utf8('plain ASCII text'))).toBeNull();
  });

  it.each([
    ['windows-1252', FRENCH, 'fr'],
    ['koi8-r', RUSSIAN, 'ru'],
    ['windows-1251', RUSSIAN, 'ru'],
    ['iso-8859-2', CZECH, 'cs'],
    ['iso-8859-7', GREEK, 'el'],
    ['windows-1250', POLISH, 'pl'],
  ])('detects %s text and decodes it without mojibake', (charset, text, language) => {
    const decoded = decodeText(encodeLegacy(text, charset));
    expect(decoded).toMatchObject({ text, charset, source: 'detected' });
    expect(decoded.language === null || decoded.language === language).toBe(true);
  });

  it('prefers windows-1250 when ISO-8859-2 would leave control characters in Polish text', () => {
    // „ ” – ś ź ą sit where ISO-8859-2 has C1 controls or other letters.
    expect(decodeText(encodeLegacy(POLISH, 'windows-1250')).text).toBe(POLISH);
  });

  it('follows a declared charset, even one detection would miss', () => {
    const bytes = encodeLegacy('Fees: €2.4 million, paid in the café', 'iso-8859-15');
    expect(decodeText(bytes, 'iso-8859-15')).toMatchObject({ text: 'Fees: €2.4 million, paid in the café', charset: 'iso-8859-15', source: 'declared' });
    expect(decodeText(bytes, 'latin1').charset).toBe('windows-1252');
  });

  it('reads UTF-8 that declares a legacy charset as UTF-8, and says so', () => {
    const decoded = decodeText(utf8('Señora Inés Calloway’s ledger'), 'windows-1252');
    expect(decoded).toMatchObject({ text: 'Señora Inés Calloway’s ledger', charset: 'utf-8' });
    expect(decoded.warnings[0]).toMatch(/declares the windows-1252 character set but is written in UTF-8/);
  });

  it('detects the real charset of a page that wrongly declares UTF-8, and an unknown declaration', () => {
    const wrong = decodeText(encodeLegacy(FRENCH, 'windows-1252'), 'utf-8');
    expect(wrong).toMatchObject({ text: FRENCH, charset: 'windows-1252' });
    expect(wrong.warnings[0]).toMatch(/declares UTF-8 but is not valid UTF-8/);
    const unknown = decodeText(utf8('plain text'), 'x-made-up');
    expect(unknown).toMatchObject({ text: 'plain text', charset: 'utf-8' });
    expect(unknown.warnings[0]).toMatch(/unknown character set \(x-made-up\)/);
  });

  it('reads UTF-8 with a few broken bytes as UTF-8, replacing only those', () => {
    const good = utf8('Señora Inés Calloway, café, €2.4 million, Łódź. ');
    const broken = new Uint8Array([...good, 0xff, ...good]);
    const decoded = decodeText(broken);
    expect(decoded).toMatchObject({ charset: 'utf-8', text: 'Señora Inés Calloway, café, €2.4 million, Łódź. \ufffdSeñora Inés Calloway, café, €2.4 million, Łódź. ' });
    expect(decoded.warnings).toEqual(['1 byte was not valid UTF-8 and was replaced with �.']);
  });

  it('refuses bytes that no encoding turns into text', () => {
    const noise = new Uint8Array(4096);
    let state = 7;
    for (let i = 0; i < noise.length; i++) noise[i] = (state = (state * 1103515245 + 12345) % 2 ** 31) % 256;
    expect(() => decodeText(noise)).toThrow(ImportError);
    expect(() => decodeText(noise)).toThrow(/could not be read as text: its character encoding was not recognised/);
  });
});

describe('looksLikeText', () => {
  it('tells text from binary', () => {
    expect(looksLikeText(utf8('Some notes\r\nwith lines\tand tabs'))).toBe(true);
    expect(looksLikeText(encodeLegacy(POLISH, 'windows-1250'))).toBe(true);
    expect(looksLikeText(encodeUtf16('notes', 'le', false))).toBe(true);
    expect(looksLikeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(false);
  });
});
