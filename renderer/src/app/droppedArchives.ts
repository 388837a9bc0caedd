import type { Unsubscribe } from '../../../shared/contract';
import { notify } from '../components/notices';

/** A `.casebook` archive, by its name: what a drop of it means is opening it, not importing it as a document. */
export const isCaseArchive = (file: File): boolean => file.name.toLowerCase().endsWith('.casebook');

/** Opens a dropped archive in the archive's dialog (loaded on first use); more than one waits to be dropped again. */
export async function openDroppedArchives(archives: readonly File[]): Promise<void> {
  const [first, ...others] = archives;
  if (!first) return;
  if (others.length) notify('info', `Only ${first.name} is opened: open ${others.map((file) => file.name).join(', ')} after it, one at a time.`);
  const { openArchiveImport } = await import('../features/archive/importDialog');
  await openArchiveImport({ opened: { name: first.name, source: first } });
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files dropped anywhere on the window that no part of the page took (an open case takes its documents): a
 * `.casebook` archive opens in the archive's dialog; anything else is refused with a word on where documents go. The
 * browser would otherwise navigate to the dropped file, leaving the app. Returns what stops listening.
 */
export function listenForDroppedArchives(target: Window): Unsubscribe {
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event) || event.defaultPrevented) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event) || event.defaultPrevented) return;
    event.preventDefault();
    const files = Array.from(event.dataTransfer!.files);
    const archives = files.filter(isCaseArchive);
    if (archives.length) {
      openDroppedArchives(archives).catch((error: unknown) => notify('error', `${archives[0]!.name} could not be opened: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    if (files.length)
      notify('info', `${files.map((file) => file.name).join(', ')}: open a case and drop documents on it to import them; a .casebook archive dropped anywhere is opened.`);
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}
