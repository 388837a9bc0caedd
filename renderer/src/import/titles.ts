import { collapseSpaces } from './document';

/**
 * Titles a researcher would recognise, found in a document's opening lines when its properties give none worth
 * keeping: a court opinion's case name from its caption ("United States v. Doe"), else the largest text that is not
 * a court's name, a docket number, a date line, a page number or a running header.
 */

/** One line of a document's first page: its text, its font size, and how far down the page it sits (0 top, 1 bottom). */
export interface TitleLine {
  text: string;
  size: number;
  /** Null where the format has no page (Word's paragraphs). */
  top: number | null;
}

/** Names programs fill in for a title nobody typed, and file names standing in for one. */
const PLACEHOLDER_TITLE =
  /^(?:untitled(?:[ -]\d+)?|document\s*\d*|doc\d*|title|microsoft word(?: document)?|powerpoint presentation|presentation\d*|slide \d+|print|layout \d+|adobe acrobat|acrobat pdfmaker.*|unknown|none|null|default|new document|draft|scan(?:ned)?(?: document)?|image|page \d+|opinion|order|judg(?:e)?ment|memorandum|report|letter|minutes|slip opinion)$/i;

/**
 * A title from a file's properties, or null when it says nothing: empty, a program's placeholder ("Microsoft Word -
 * draft3.docx", "Untitled-1"), a path or file name, or a code such as "20-1234_final" with no words in it.
 */
export function cleanPropertyTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let title = collapseSpaces(value.replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, ''));
  if (/^(?:[a-z]:)?[\\/]|[\\/].*\.[a-z0-9]{2,5}$/i.test(title)) title = title.split(/[\\/]/).at(-1) ?? '';
  title = collapseSpaces(title.replace(/\.(?:docx?|pptx?|xlsx?|rtf|odt|indd|qxd|pdf|txt|html?|tiff?|jpe?g|png)$/i, ''));
  if (!title || PLACEHOLDER_TITLE.test(title)) return null;
  // One "word" of letters, digits and underscores ("20-1234_final", "DOC20210303", "scan_0001"): an identifier.
  if (!/\s/.test(title) && /[\d_]/.test(title)) return null;
  if ((title.match(/\p{L}/gu) ?? []).length < 3) return null;
  if (isCourtHeader(title)) return null;
  return title;
}

const COURT = '(?:court|courts|tribunal|sąd|gericht|gerichtshof|cour|corte|tribunale|rechtbank|gerechtshof|hof)';
const CAPTION_SEPARATOR = /\s(?:v\.?|vs\.?|versus|-v-|–v–)\s/i;

const COURT_HEADERS = [
  // "United States Court of Appeals for the Ninth Circuit", "IN THE SUPREME COURT OF THE UNITED STATES"
  new RegExp(`^(?:in\\s+the\\s+)?(?:[\\p{L}.'’-]+\\s+){0,4}${COURT}(?:\\s+(?:of|for|in|at|de|du|w|van|des)\\b.*|\\s*\\(.*\\))?$`, 'iu'),
  // "FOR THE NINTH CIRCUIT", "Southern District of New York", "EASTERN DIVISION"
  /^(?:for\s+the\s+|of\s+the\s+)?(?:[\p{L}-]+\s+){0,3}(?:circuit|district|division|department)(?:\s+(?:of|for)\b.*)?$/iu,
  /^(?:on\s+)?appeal\s+from\b|^on\s+(?:petition|writ|certiorari)\b/i,
];

/** "United States Court of Appeals", "IN THE SUPREME COURT OF …", "FOR THE NINTH CIRCUIT", "SĄD OKRĘGOWY W …". */
export function isCourtHeader(line: string): boolean {
  const text = collapseSpaces(line);
  if (CAPTION_SEPARATOR.test(` ${text} `) || text.split(' ').length > 14) return false;
  if (COURT_HEADERS.some((pattern) => pattern.test(text))) return true;
  // A line in capitals that names a court, whatever its word order.
  return !/\p{Ll}/u.test(text) && new RegExp(`(?<!\\p{L})${COURT}(?!\\p{L})`, 'iu').test(text);
}

/**
 * Lines that open documents without naming them: page numbers, docket and case numbers, date lines ("Filed …",
 * "Argued and submitted …"), a court's publication banners, running headers ("Case: 21-3012 Document: 45"),
 * citations ("Cite as: …"), addresses and lines without words.
 */
export function isBoilerplate(line: string): boolean {
  const text = line.trim();
  if ((text.match(/\p{L}/gu) ?? []).length < 3) return true;
  if (/^(?:(?:page|seite|strona|página|pagina|pag\.|p\.)\s*)?\d+(?:\s*(?:of|von|z|de|di|van|sur|\/)\s*\d+)?$/i.test(text) || /^[-–—]\s*\d+\s*[-–—]$/.test(text) || /^[ivxlc]+$/i.test(text)) return true;
  if (/^(?:case|civil|criminal|docket|claim|appeal|application|file|ref(?:erence)?)?\.?\s*(?:no|nos|number|#)\.?\s*[:#]?\s*[\w./-]*\d/i.test(text)) return true;
  if (/^(?:no|nos)\.\s*\S*\d/i.test(text) || /^(?:usca|uscourts|appellate|case)\b.*\b(?:document|doc|dkt|entry)\b/i.test(text)) return true;
  if (/\b(?:document|dkt\.?|entry|filed|page)\s*(?:#|no\.?|:)\s*\d/i.test(text) && /\d.*\b(?:filed|page|document)\b|\b(?:filed|page|document)\b.*\d/i.test(text) && text.split(/\s+/).length <= 14)
    return true;
  if (/^(?:argued|submitted|decided|filed|dated?|entered|delivered|issued|published|posted|heard|opinion filed|judgment|argued and submitted|before|counsel|cite as|citation|present|coram)\b[\s:]/i.test(text)) return true;
  if (/^(?:(?:not\s+)?(?:for\s+)?publi(?:cation|shed)|unpublished|precedential|non-?precedential|not precedential|opinion|order|memorandum|judgment|judgement|syllabus|summary|slip opinion|per curiam|reportable|confidential|draft|sealed|redacted)\W*$/i.test(text)) return true;
  if (/^(?:https?:\/\/|www\.)\S+$|^\S+@\S+$/i.test(text)) return true;
  return false;
}

/** Words for a party's role in a caption, which the case name leaves out. */
const ROLE =
  /^(?:(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|claimants?|applicants?|intervenors?|cross-appellants?|cross-appellees?|counter-(?:claimants?|defendants?)|third-party\s+\w+|real\s+parties\s+in\s+interest|movants?)(?:[\s-]+(?:and|&|\/)?[\s-]*)?)+[.,;]?$/i;
const TRAILING_ROLE =
  /[,;]?\s*(?:(?:the\s+)?(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|claimants?|applicants?|intervenors?)(?:[\s-]+(?:and\s+)?(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|claimants?|applicants?|intervenors?))*)[.,;]?\s*$/i;

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'by', 'a', 'an', 'de', 'du', 'la', 'von', 'van', 'der']);
const KEEP_UPPER = new Set(['LLC', 'LLP', 'PLC', 'LP', 'NA', 'USA', 'UK', 'EU', 'II', 'III', 'IV', 'FBI', 'SEC', 'IRS', 'NHS', 'BBC', 'NV', 'BV', 'AG', 'SA', 'SE', 'GMBH']);

/** "UNITED STATES OF AMERICA" → "United States of America"; lines already in mixed case stay as they are. */
function titleCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  return text
    .split(/(\s+)/)
    .map((word, index) => {
      if (/^\s+$/.test(word)) return word;
      const bare = word.replace(/[^\p{L}]/gu, '');
      if (KEEP_UPPER.has(bare) || /^(?:\p{Lu}\.)+,?$/u.test(word)) return word;
      const lower = word.toLowerCase();
      if (index > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.replace(/(^|[-'’(])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
    })
    .join('');
}

const ORGANISATION =
  /\b(?:inc|incorporated|llc|llp|ltd|limited|plc|corp|corporation|company|co|group|holdings|trust|bank|association|union|authority|board|commission|council|department|ministry|office|agency|government|republic|kingdom|state|states|city|county|people|university|hospital|port|harbour|harbor|partners|partnership|foundation|society|church|school|club|services|systems|international|et al)\b\.?/i;
const PERSON = /^(\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}\.?)*(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s+(\p{Lu}[\p{L}'’-]+)(?:,?\s+(?:Jr\.?|Sr\.?|II|III|IV))?$/u;

/**
 * A party as a case name gives it: roles and trailing commas dropped, capitals softened, "United States of America"
 * as "United States", and one person by their surname ("John A. Doe" → "Doe").
 */
export function partyName(raw: string): string {
  let name = collapseSpaces(raw.replace(TRAILING_ROLE, '')).replace(/[,;:]+$/, '').trim();
  name = titleCase(name).replace(/^United States of America$/i, 'United States');
  const person = PERSON.exec(name);
  if (person && !ORGANISATION.test(name)) return person[2]!;
  return name;
}

/**
 * A party's name as a caption writes it: words, starting with a capital, not a sentence ("See Smith", "the court
 * in Smith" are citations in running text).
 */
function isCaptionParty(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 10 && /^\p{Lu}/u.test(text) && /\p{L}{2}/u.test(text) && !/^(?:see|cf|accord|but|compare|e\.g|in|the|and)\b/i.test(text) && !/\d/.test(text) && !/[.!?:]$/.test(text);
}

/** A one-line case name ("UNITED STATES v. DOE, Defendant"), or one stacked over lines around a lone "v.". */
function captionTitle(lines: TitleLine[]): string | null {
  for (const [index, line] of lines.slice(0, 60).entries()) {
    const text = collapseSpaces(line.text);
    const inline = CAPTION_SEPARATOR.exec(` ${text} `);
    if (inline && (line.top === null || line.top < 0.75)) {
      const left = text.slice(0, Math.max(0, inline.index - 1));
      // The right party ends at a docket number or a citation ("Smith v. Jones, No. 21-123", "…, 500 U.S. 1").
      const right = text.slice(inline.index - 1 + inline[0].length).replace(/\s*(?:,\s*(?:no\.|\d).*|\(.*)$/i, '');
      if (isCaptionParty(left) && isCaptionParty(right)) return `${partyName(left)} v. ${partyName(right)}`;
    }
    if (/^(?:[-–—]\s*)?(?:v|vs|versus)\.?(?:\s*[-–—])?$/i.test(text)) {
      const above = partyLines(lines, index, -1);
      const below = partyLines(lines, index, 1);
      if (above && below) return `${partyName(above)} v. ${partyName(below)}`;
    }
  }
  return null;
}

/** The party's name on the lines next to a lone "v.", going up or down, over role lines ("Plaintiff-Appellee,"). */
function partyLines(lines: TitleLine[], from: number, step: 1 | -1): string | null {
  const parts: string[] = [];
  for (let i = from + step, taken = 0; i >= 0 && i < lines.length && taken < 4; i += step, taken++) {
    const text = collapseSpaces(lines[i]!.text);
    if (ROLE.test(text)) {
      if (parts.length && step === 1) break;
      continue;
    }
    if (isCourtHeader(text) || isBoilerplate(text)) break;
    if (step === -1) parts.unshift(text);
    else parts.push(text);
    // A name ends at its comma ("UNITED STATES OF AMERICA,"), or reads whole on one line.
    if (step === 1 && /[,;]$/.test(text)) break;
    if (step === -1 && i - 1 >= 0 && /[,;.]$/.test(collapseSpaces(lines[i - 1]!.text))) break;
  }
  const name = collapseSpaces(parts.join(' '));
  return name && /\p{L}{2}/u.test(name) ? name : null;
}

/** "In re Grand Jury Subpoena", "In the Matter of …", "Ex parte …": case names without a "v.". */
const IN_RE = /^(?:in\s+re|in\s+the\s+matter\s+of|matter\s+of|ex\s+parte|re:)\s+\S/i;

/** The most common font size, weighted by characters: the body text's size. */
function bodySize(lines: TitleLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  return [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/**
 * The title of a document from its first page's lines, or null when nothing on it reads as one: a caption's case
 * name, an "In re …" line, else the largest text in the top two thirds that is not boilerplate (with the line or two
 * it wraps onto), provided it stands out from the body text.
 */
export function titleFromLines(lines: TitleLine[]): string | null {
  const usable = lines.filter((line) => line.text.trim() && (line.top === null || line.top < 0.9));
  const caption = captionTitle(usable);
  if (caption) return caption;

  const body = bodySize(usable);
  const candidates = usable.filter((line) => !isCourtHeader(line.text) && !isBoilerplate(line.text) && line.size >= body * 0.92);
  const inRe = candidates.slice(0, 30).find((line) => IN_RE.test(collapseSpaces(line.text)));
  if (inRe) return collapseSpaces(inRe.text);

  const upper = candidates.filter((line) => line.top === null || line.top < 0.67);
  const largest = Math.max(0, ...upper.map((line) => line.size));
  if (!largest || largest < body * 1.15) return null;
  const start = usable.indexOf(upper.find((line) => line.size === largest)!);
  const parts = [usable[start]!.text];
  // A title set over two or three lines in the same size, close together (paragraphs without a page never join).
  for (let i = start + 1; i < usable.length && parts.length < 3; i++) {
    const line = usable[i]!;
    const previous = usable[i - 1]!;
    if (line.top === null || previous.top === null || line.top - previous.top > 0.06) break;
    if (Math.abs(line.size - largest) > 0.5 || isBoilerplate(line.text) || isCourtHeader(line.text)) break;
    parts.push(line.text);
  }
  const title = collapseSpaces(parts.join(' '));
  return title.length <= 200 ? title : null;
}
