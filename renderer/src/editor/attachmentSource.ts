/**
 * Where the editor finds the images a case keeps for its notes (`attachment:<id>`): the app sets the source once
 * (app/casebook.ts, from IndexedDB); each image's bytes become one object URL for the session. Nothing here fetches
 * from the network, and no TipTap code is needed to use it.
 */
import { ATTACHMENT_PREFIX } from '../../../shared/attachments';

export { ATTACHMENT_PREFIX };

/** What a note's text calls an attachment kept in the case. */
export const attachmentSrc = (id: string): string => `${ATTACHMENT_PREFIX}${id}`;

type Source = (id: string) => Promise<Blob | null>;
let source: Source | null = null;
const urls = new Map<string, Promise<string | null>>();

export function setAttachmentSource(read: Source): void {
  source = read;
}

/** The id in an `attachment:<id>` address, or null for any other address (a web image is never followed). */
export function attachmentIdOf(src: unknown): string | null {
  return typeof src === 'string' && src.startsWith(ATTACHMENT_PREFIX) && src.length > ATTACHMENT_PREFIX.length
    ? src.slice(ATTACHMENT_PREFIX.length)
    : null;
}

/** An object URL showing the attachment, or null when it is not in the case (deleted, or never kept). */
export function attachmentUrl(id: string): Promise<string | null> {
  let url = urls.get(id);
  if (!url) {
    const read = source;
    url = read
      ? read(id).then(
          (blob) => (blob ? URL.createObjectURL(blob) : null),
          () => null,
        )
      : Promise.resolve(null);
    // A miss is asked again next time: the image may arrive (written in another window).
    void url.then((found) => {
      if (!found) urls.delete(id);
    });
    urls.set(id, url);
  }
  return url;
}
