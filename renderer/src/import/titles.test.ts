import { describe, expect, it } from 'vitest';
import { cleanPropertyTitle, isBoilerplate, isCourtHeader, partyName, titleFromLines, type TitleLine } from './titles';

/** Lines as a page lays them out: [text, font size], top to bottom. */
const page = (...lines: [string, number][]): TitleLine[] => lines.map(([text, size], index) => ({ text, size, top: 0.05 + index * 0.03 }));
const BODY: [string, number][] = [
  ['The appellant challenges the denial of his motion to suppress the ledger pages seized from', 11],
  ['the harbour office. We affirm. See Smith v. Jones, 500 U.S. 1 (1990).', 11],
  ['The district court found that the warrant named the cabinet and its contents.', 11],
];

describe('titles from a file’s properties', () => {
  it('keeps a real title and drops what programs fill in', () => {
    expect(cleanPropertyTitle('Harbour Dues Audit 2022')).toBe('Harbour Dues Audit 2022');
    expect(cleanPropertyTitle('Microsoft Word - Witness statement v3.docx')).toBe('Witness statement v3');
    for (const useless of ['Microsoft Word - 22-0457_final.docx', 'Untitled-1', 'Document1', 'scan_0001', 'DOC20210303', 'C:\\Users\\clerk\\Desktop\\opinion.pdf', 'PowerPoint Presentation', 'Title', '  ', 'United States Court of Appeals', 42])
      expect(cleanPropertyTitle(useless), String(useless)).toBeNull();
  });
});

describe('the lines that open a document without naming it', () => {
  it('knows a court’s name when it sees one', () => {
    for (const header of ['UNITED STATES COURT OF APPEALS', 'FOR THE TWELFTH CIRCUIT', 'In the Supreme Court of the United States', 'Southern District of New York', 'Court of Appeal (Civil Division)', 'SĄD OKRĘGOWY W GDAŃSKU', 'Appeal from the United States District Court for the District of Westmarch'])
      expect(isCourtHeader(header), header).toBe(true);
    for (const title of ['Supreme Court Rules on Port Lease', 'United States v. Doe', 'Harbour Dues Audit 2022']) expect(isCourtHeader(title), title).toBe(false);
  });

  it('knows page numbers, docket numbers, date lines, banners and running headers', () => {
    for (const line of ['1', 'Page 2 of 14', 'Seite 1 von 2', '- 3 -', 'No. 21-3012', 'Case No. 1:20-cv-01234', 'Case: 21-3012  Document: 45  Filed: 03/03/2021  Page: 1 of 2', 'Argued January 12, 2021', 'Filed March 3, 2021', 'NOT FOR PUBLICATION', 'OPINION', 'Before HALE, MORROW and OKAFOR, Circuit Judges.', 'Cite as: 599 U.S. 1 (2023)', 'https://courts.example/opinions/21-3012.pdf'])
      expect(isBoilerplate(line), line).toBe(true);
    expect(isBoilerplate('Review of the East Quay Lease')).toBe(false);
  });
});

describe('a case name from a caption', () => {
  it('names the parties as a case name does', () => {
    expect(partyName('UNITED STATES OF AMERICA,')).toBe('United States');
    expect(partyName('JOHN A. DOE, Defendant-Appellant.')).toBe('Doe');
    expect(partyName('SALTMERE HARBOUR TRUST,')).toBe('Saltmere Harbour Trust');
    expect(partyName('Quayside Holdings LLC')).toBe('Quayside Holdings LLC');
  });

  it('reads a caption stacked around a lone “v.”, under the court’s name in larger type', () => {
    const lines = page(
      ['Case: 21-3012  Document: 45  Filed: 03/03/2021  Page: 1 of 2', 8],
      ['UNITED STATES COURT OF APPEALS', 15],
      ['FOR THE TWELFTH CIRCUIT', 13],
      ['No. 21-3012', 12],
      ['UNITED STATES OF AMERICA,', 12],
      ['Plaintiff-Appellee,', 12],
      ['v.', 12],
      ['JOHN A. DOE,', 12],
      ['Defendant-Appellant.', 12],
      ['Decided March 3, 2021', 11],
      ['OPINION', 12],
      ...BODY,
    );
    expect(titleFromLines(lines)).toBe('United States v. Doe');
  });

  it('reads a caption on one line, and not a citation in the text', () => {
    expect(titleFromLines(page(['IN THE HIGH COURT OF JUSTICE', 14], ['SALTMERE HARBOUR TRUST v. QUAYSIDE HOLDINGS LTD', 12], ...BODY))).toBe('Saltmere Harbour Trust v. Quayside Holdings Ltd');
    expect(titleFromLines(page(['Smith v. Jones, No. 21-123', 13], ...BODY))).toBe('Smith v. Jones');
    expect(titleFromLines(page(['Notes on the appeal', 16], ...BODY))).toBe('Notes on the appeal');
  });

  it('takes an “In re” case name', () => {
    expect(titleFromLines(page(['UNITED STATES COURT OF APPEALS', 15], ['In re Grand Jury Subpoena', 12], ...BODY))).toBe('In re Grand Jury Subpoena');
  });
});

describe('a title from the largest text', () => {
  it('takes the largest line, with the line it wraps onto, over a small running header', () => {
    const lines = page(['Landesrechnungshof Westmark · Bericht 2021/14', 8], ['Prüfbericht zum Pachtvertrag', 22], ['des Osthafens', 22], ['Veröffentlicht am 9. März 2021', 11], ...BODY);
    expect(titleFromLines(lines)).toBe('Prüfbericht zum Pachtvertrag des Osthafens');
  });

  it('passes over a footnote and a page number at the foot of the page', () => {
    const lines: TitleLine[] = [
      { text: 'Review of the East Quay Lease', size: 16, top: 0.1 },
      ...BODY.map(([text, size], index) => ({ text, size, top: 0.2 + index * 0.02 })),
      { text: '1 The figures are those of the harbour authority’s own accounts, which were never audited.', size: 8, top: 0.88 },
      { text: '12', size: 24, top: 0.95 },
    ];
    expect(titleFromLines(lines)).toBe('Review of the East Quay Lease');
  });

  it('finds nothing when no text stands out', () => {
    expect(titleFromLines(page(...BODY))).toBeNull();
    expect(titleFromLines([])).toBeNull();
  });

  it('takes the first of the highest headings of paragraphs without a page (Word)', () => {
    const paragraphs: TitleLine[] = [
      { text: 'Gemeente Saltmere · Afdeling Havenzaken', size: 1, top: null },
      { text: 'Memorandum over de huurovereenkomst', size: 2, top: null },
      { text: 'Aanleiding', size: 2, top: null },
      { text: 'De huurovereenkomst loopt af.', size: 1, top: null },
    ];
    expect(titleFromLines(paragraphs)).toBe('Memorandum over de huurovereenkomst');
  });
});
