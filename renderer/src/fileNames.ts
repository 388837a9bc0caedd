import { LIMITS } from '../../shared/limits';

/**
 * A file name the save dialog proposes for something of a case: "Operation Lantern Quay – codebook.qdpx" for the
 * ending " – codebook.qdpx". Characters no file name may hold on some system (/ \ * ? " < > | and control characters)
 * become hyphens, a colon " - ", and a long case name is shortened to fit.
 */
export function caseFileName(caseName: string, ending: string): string {
  const name =
    caseName
      .replace(/\s*:\s*/g, ' - ')
      .replace(/[/\\*?"<>|\u0000-\u001f\u007f]+/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '') || 'Case';
  return `${[...name].slice(0, LIMITS.fileNameLength - ending.length).join('').trimEnd()}${ending}`;
}
