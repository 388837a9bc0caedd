import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ancestorsOf, childrenByParent } from '../../../../shared/codebook';
import type { TagWithCounts } from '../../db/queries/tags';
import { fold } from '../../search/fold';

const excerptCount = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'excerpt' : 'excerpts'}`;

/** "2 excerpts", or "2 excerpts, 5 with sub-tags" for a tag that has sub-tags. */
export function countsOf(tag: TagWithCounts, hasSubTags: boolean): string {
  return hasSubTags ? `${excerptCount(tag.own)}, ${tag.withSubTags.toLocaleString('en')} with sub-tags` : excerptCount(tag.own);
}

/** A tag as the tree shows it: where it sits among its siblings, and whether its sub-tags show. */
export interface VisibleTag {
  tag: TagWithCounts;
  level: number;
  position: number;
  siblings: number;
  hasSubTags: boolean;
  open: boolean;
}

/** The tags a researcher sees, top to bottom: each tag, then its sub-tags if it is open. */
export function visibleTags(tags: readonly TagWithCounts[], closed: ReadonlySet<string>): VisibleTag[] {
  const children = childrenByParent(tags);
  const shown: VisibleTag[] = [];
  const walk = (parentId: string | null, level: number) => {
    const siblings = children.get(parentId) ?? [];
    siblings.forEach((tag, index) => {
      const hasSubTags = children.has(tag.id);
      const open = hasSubTags && !closed.has(tag.id);
      shown.push({ tag, level, position: index + 1, siblings: siblings.length, hasSubTags, open });
      if (open) walk(tag.id, level + 1);
    });
  };
  walk(null, 1);
  return shown;
}

/** What a key does in the tree: move the focus to a tag, fold or unfold a tag, or choose it. */
export type TreeMove = { focus: string } | { fold: string; open: boolean } | { choose: string };

/** The next visible tag after `index`, going round, whose name starts with the letter typed (accents aside). */
function nextStartingWith(visible: readonly VisibleTag[], index: number, letter: string): VisibleTag | undefined {
  const wanted = fold(letter);
  for (let step = 1; step <= visible.length; step++) {
    const candidate = visible[(index + step) % visible.length]!;
    if (fold(candidate.tag.name).startsWith(wanted)) return candidate;
  }
  return undefined;
}

/** What `key` does on the visible tag at `index`, as the WAI-ARIA tree pattern has it; null for a key it leaves alone. */
export function treeMove(key: string, visible: readonly VisibleTag[], index: number): TreeMove | null {
  const item = visible[index];
  if (!item) return null;
  const focus = (other: VisibleTag | undefined): TreeMove | null => (other ? { focus: other.tag.id } : null);
  switch (key) {
    case 'ArrowDown':
      return focus(visible[index + 1]);
    case 'ArrowUp':
      return focus(visible[index - 1]);
    case 'Home':
      return focus(visible[0]);
    case 'End':
      return focus(visible.at(-1));
    case 'ArrowRight':
      // An open tag's first sub-tag is the next tag shown.
      if (!item.hasSubTags) return null;
      return item.open ? focus(visible[index + 1]) : { fold: item.tag.id, open: true };
    case 'ArrowLeft':
      if (item.open) return { fold: item.tag.id, open: false };
      return focus(visible.find((other) => other.tag.id === item.tag.parentId));
    case 'Enter':
    case ' ':
      return { choose: item.tag.id };
    default:
      return [...key].length === 1 ? focus(nextStartingWith(visible, index, key)) : null;
  }
}

interface TagTreeProps {
  tags: readonly TagWithCounts[];
  chosenId: string | null;
  onChoose: (id: string) => void;
}

/**
 * The codebook as a WAI-ARIA tree, each tag with its colour and counts. One tab stop; the arrow keys, Home, End and
 * a letter move between the tags shown, Right and Left unfold and fold, Enter or Space chooses, as a click does.
 * Tags start unfolded; the twisty folds them by mouse.
 */
export function TagTree({ tags, chosenId, onChoose }: TagTreeProps) {
  const treeId = useId();
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const [moved, setMoved] = useState<{ id: string; chosenId: string | null } | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());

  // A tag chosen or moved under a folded tag is unfolded into view, once, so the researcher sees what they chose.
  const chosen = tags.find((tag) => tag.id === chosenId);
  const chosenPlace = chosen ? `${chosen.id} under ${chosen.parentId}` : null;
  const [revealed, setRevealed] = useState(chosenPlace);
  if (chosenPlace !== revealed) {
    setRevealed(chosenPlace);
    const above = chosen ? ancestorsOf(tags, chosen.id) : [];
    if (above.some((tag) => closed.has(tag.id))) setClosed(new Set([...closed].filter((id) => !above.some((tag) => tag.id === id))));
  }

  const visible = visibleTags(tags, closed);
  const tabStop = tabStopOf(tags, visible, moved?.chosenId === chosenId ? moved.id : chosenId);

  const setOpen = (id: string, open: boolean) =>
    setClosed((before) => {
      const after = new Set(before);
      if (open) after.delete(id);
      else after.add(id);
      return after;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, id: string) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const move = treeMove(event.key, visible, visible.findIndex((item) => item.tag.id === id));
    if (!move) return;
    event.preventDefault();
    if ('focus' in move) items.current.get(move.focus)?.focus();
    else if ('fold' in move) setOpen(move.fold, move.open);
    else onChoose(move.choose);
  };

  const children = childrenByParent(tags);
  const byId = new Map(visible.map((item) => [item.tag.id, item]));
  const branch = (parentId: string | null): ReactNode =>
    (children.get(parentId) ?? []).map((tag) => {
      const item = byId.get(tag.id)!;
      const nameId = `${treeId}-${tag.id}`;
      return (
        <li
          key={tag.id}
          ref={(element) => {
            if (element) items.current.set(tag.id, element);
            else items.current.delete(tag.id);
          }}
          role="treeitem"
          aria-labelledby={nameId}
          aria-describedby={`${nameId}-counts`}
          aria-level={item.level}
          aria-setsize={item.siblings}
          aria-posinset={item.position}
          aria-expanded={item.hasSubTags ? item.open : undefined}
          aria-selected={tag.id === chosenId}
          tabIndex={tag.id === tabStop ? 0 : -1}
          data-tag={tag.name}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setMoved({ id: tag.id, chosenId });
          }}
          onKeyDown={(event) => onKeyDown(event, tag.id)}
        >
          <div className="codebook-row" onClick={() => onChoose(tag.id)}>
            <span
              className="twisty"
              aria-hidden="true"
              onClick={(event) => {
                if (!item.hasSubTags) return;
                // Folding is not choosing: the panel stays on the tag it shows.
                event.stopPropagation();
                setOpen(tag.id, !item.open);
              }}
            >
              {item.hasSubTags ? (item.open ? '▾' : '▸') : ''}
            </span>
            <span className="swatch" style={{ background: tag.colour }} aria-hidden="true" />
            <span id={nameId} className="codebook-name">
              {tag.name}
            </span>
            <span id={`${nameId}-counts`} className="muted small">
              {countsOf(tag, item.hasSubTags)}
            </span>
          </div>
          {item.open && <ul role="group">{branch(tag.id)}</ul>}
        </li>
      );
    });

  return (
    <ul className="codebook-tree" role="tree" aria-label="Tags">
      {branch(null)}
    </ul>
  );
}

/**
 * The tag the tree's single tab stop is on: the one wanted (last moved to, or chosen) if shown, else the nearest
 * tag above it that is shown (it is folded away), else the first tag.
 */
function tabStopOf(tags: readonly TagWithCounts[], visible: readonly VisibleTag[], wanted: string | null): string | undefined {
  const shown = new Set(visible.map((item) => item.tag.id));
  if (wanted && shown.has(wanted)) return wanted;
  const above = wanted ? ancestorsOf(tags, wanted).find((tag) => shown.has(tag.id)) : undefined;
  return above?.id ?? visible[0]?.tag.id;
}
