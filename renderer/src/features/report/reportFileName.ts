import { caseFileName } from '../../fileNames';

/**
 * The name the save dialog proposes: "Operation Lantern Quay – report – 2026-03-14.pdf" (see `caseFileName` for what
 * becomes of characters no file name may hold).
 */
export function reportFileName(caseName: string, date: Date): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return caseFileName(caseName, ` – report – ${day}.pdf`);
}
