/** A quick fingerprint of a text (FNV-1a over its UTF-16 units, and its length), to tell an edited text from the same one. */
export function textFingerprint(text: string): number {
  let hash = 0x811c9dc5 ^ text.length;
  for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash >>> 0;
}
