import { LIMITS } from '../../shared/limits';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

export const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

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
