import { LIMITS } from '../../../../shared/limits';

/**
 * The name a save dialog proposes for a file made of a case: "Operation Lantern Quay – report – 2026-03-14.pdf",
 * "Operation Lantern Quay – 2026-03-14.casebook", "Operation Lantern Quay – codebook.qdpx" (no date). Characters no file name may hold on some system (/ \ * ? " < > |
 * and control characters) become hyphens, a colon " - ", and a long case name is shortened to fit.
 */
export function caseFileName(caseName: string, { what, date, extension }: { what: string | null; date: Date | null; extension: string }): string {
  const day = date && `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const ending = `${what ? ` – ${what}` : ''}${day ? ` – ${day}` : ''}.${extension}`;
  const name =
    caseName
      .replace(/\s*:\s*/g, ' - ')
      .replace(/[/\\*?"<>|\u0000-\u001f\u007f]+/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '') || 'Case';
  return `${[...name].slice(0, LIMITS.fileNameLength - ending.length).join('').trimEnd()}${ending}`;
}
