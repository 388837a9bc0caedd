import { LIMITS } from '../../../../shared/limits';

/**
 * The name the save dialog proposes: "Operation Lantern Quay – report – 2026-03-14.pdf". Characters no file name may
 * hold on some system (/ \ * ? " < > | and control characters) become hyphens, a colon " - ", and a long case name is
 * shortened to fit.
 */
export function reportFileName(caseName: string, date: Date): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const ending = ` – report – ${day}.pdf`;
  const name = caseName
    .replace(/\s*:\s*/g, ' - ')
    .replace(/[/\\*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '') || 'Case';
  return `${[...name].slice(0, LIMITS.fileNameLength - ending.length).join('').trimEnd()}${ending}`;
}
