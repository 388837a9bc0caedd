/**
 * Which rows of the excerpts table are selected, as files in a file manager: a click picks one, Ctrl/Cmd toggles
 * one, Shift takes the range from the last row picked; the keyboard does the same with Space and Shift+arrows.
 * Kept by id so a filter or a sort leaves the selection alone; acting on it takes only the rows shown.
 */
export interface Selection {
  ids: ReadonlySet<string>;
  /** The row a Shift range starts from. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function pickOnly(id: string): Selection {
  return { ids: new Set([id]), anchor: id };
}

export function toggle(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** The rows from the anchor to `id` in the order shown (the anchor kept, so the range can grow and shrink). */
export function extendTo(selection: Selection, shown: readonly string[], id: string): Selection {
  const from = selection.anchor === null ? -1 : shown.indexOf(selection.anchor);
  const to = shown.indexOf(id);
  if (from < 0 || to < 0) return pickOnly(id);
  const [low, high] = from <= to ? [from, to] : [to, from];
  return { ids: new Set(shown.slice(low, high + 1)), anchor: selection.anchor };
}

export function selectAll(shown: readonly string[]): Selection {
  return { ids: new Set(shown), anchor: shown[0] ?? null };
}

/** The selected rows among those shown, in the order shown. */
export function selectedAmong(selection: Selection, shown: readonly string[]): string[] {
  return selection.ids.size ? shown.filter((id) => selection.ids.has(id)) : [];
}
