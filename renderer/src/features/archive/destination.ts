/**
 * Where an archive is written. Where the browser offers the File System Access API (Chromium, so Electron too), the
 * save dialog gives a file to stream into: the archive goes to disk as it is written, never whole in memory, and the
 * browser writes it beside the target and moves it there only when it is closed whole (an aborted one leaves
 * nothing). Elsewhere the archive is gathered in memory and saved through the host's save dialog.
 */
import { host } from '../../platform';
import { ARCHIVE_EXTENSION, ARCHIVE_MIME_TYPE } from '../../../../shared/archive/format';

interface SavePicker {
  showSaveFilePicker?(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<{ name: string; createWritable(): Promise<WritableStream<Uint8Array>> }>;
}

export interface ArchiveDestination {
  /** Where the archive's bytes go. */
  writable: WritableStream<Uint8Array>;
  /** The file's name, once known. */
  name: string | null;
  /** Ends the writing: nothing to do for a file streamed into, the host's save dialog for one gathered in memory. */
  finish(): Promise<{ saved: boolean; name: string | null }>;
}

const FILTER = { name: 'Casebook archive', extensions: [ARCHIVE_EXTENSION] };

/** Asks where to save the archive; null when the researcher cancels. */
export async function chooseArchiveDestination(suggestedName: string): Promise<ArchiveDestination | null> {
  const picker = (window as SavePicker).showSaveFilePicker;
  if (picker) {
    let handle;
    try {
      handle = await picker.call(window, { suggestedName, types: [{ description: FILTER.name, accept: { [ARCHIVE_MIME_TYPE]: [`.${ARCHIVE_EXTENSION}`] } }] });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      throw error;
    }
    const writable = await handle.createWritable();
    return { writable, name: handle.name, finish: async () => ({ saved: true, name: handle.name }) };
  }
  const chunks: Uint8Array[] = [];
  return {
    writable: new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
    name: null,
    async finish() {
      const bytes = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
      const result = await host.saveFile({ suggestedName, filters: [FILTER], bytes });
      return { saved: result.saved, name: result.location };
    },
  };
}
