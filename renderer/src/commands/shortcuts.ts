import {
  COMMANDS,
  formatShortcut,
  parseShortcut,
  toAriaKeyShortcuts,
  type CommandId,
  type Shortcut,
} from '../../../shared/commands';

/** Whether the keyboard has Cmd (Mod is Cmd there) rather than Ctrl. */
export const IS_MAC = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** The parts of a KeyboardEvent a shortcut is matched against. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * The key pressed, as shortcuts name it. Digits go by their place on the keyboard (on a French keyboard the 1 key
 * types "&"; Option+1 on a Mac types "¡"); letters by the character when it is a Latin letter, else by their place,
 * so Ctrl+K works on a Russian keyboard too.
 */
function keyOf(press: KeyPress): string {
  if (/^Digit\d$/.test(press.code)) return press.code.slice(5);
  if (/^[a-z]$/i.test(press.key)) return press.key.toUpperCase();
  if (/^Key[A-Z]$/.test(press.code)) return press.code.slice(3);
  return press.key;
}

export function matchesShortcut(press: KeyPress, shortcut: Shortcut, mac: boolean): boolean {
  const wanted = parseShortcut(shortcut);
  const mod = mac ? press.metaKey : press.ctrlKey;
  const otherMod = mac ? press.ctrlKey : press.metaKey;
  if (mod !== wanted.mod || otherMod || press.altKey !== wanted.alt || press.shiftKey !== wanted.shift) return false;
  return keyOf(press) === wanted.key;
}

/** Whether keys pressed in this element type text: a text box, a text area, or editable content. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit'].includes(target.type);
  return target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * What a button or link that runs a command shows of it: a tooltip with its label and shortcut,
 * "Import files (Ctrl+O)", and the shortcut for assistive technology.
 */
export function commandHint(id: CommandId, mac = IS_MAC): { title: string; 'aria-keyshortcuts'?: string } {
  const { label, shortcut } = COMMANDS[id];
  if (!shortcut) return { title: label };
  return { title: `${label} (${formatShortcut(shortcut, mac)})`, 'aria-keyshortcuts': toAriaKeyShortcuts(shortcut, mac) };
}
