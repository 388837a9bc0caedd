import type { Unsubscribe } from '../../../shared/contract';
import { notify } from '../components/notices';

/** A `.casebook` archive, by its name: what a drop of it means is opening it, not importing it as a document. */
export const isCaseArchive = (file: File): boolean => file.name.toLowerCase().endsWith('.casebook');

/** Opens dropped files with the archive's dialog (loaded then): the first archive, or a word on where documents go. */
export const openDropped = (files: readonly File[]): Promise<void> =>
  import('../features/archive/importDialog')
    .then((module) => module.openDroppedFiles(files))
    .catch((error: unknown) => void notify('error', `${files[0]?.name} could not be opened: ${String(error)}`));

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
    void openDropped(Array.from(event.dataTransfer!.files));
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}
