/**
 * The letter drawn inside each entity's disc: a white letter on a clear ground, made once per letter in a canvas,
 * so nothing is fetched (sigma's image program paints the disc in the node's colour behind it).
 */
const images = new Map<string, string>();

export function letterImage(letter: string): string {
  let url = images.get(letter);
  if (url === undefined) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const context = canvas.getContext('2d')!;
    const text = [...letter].slice(0, 2).join('');
    context.fillStyle = '#ffffff';
    context.font = `600 ${text.length > 1 ? 30 : 40}px system-ui, sans-serif`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(text, 32, 35);
    url = canvas.toDataURL('image/png');
    images.set(letter, url);
  }
  return url;
}
