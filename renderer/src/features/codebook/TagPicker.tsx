import './codebook.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import type { Tag } from '../../../../shared/domain';
import { placeTypedTag, splitTagPath, tagPath, tagPathKey } from '../../../../shared/codebook';
import { operations, queries } from '../../app/casebook';
import { useOperation } from '../../components/useOperation';
import { fold } from '../../search/fold';
import { TagChip } from './TagChip';

interface TagPickerProps {
  caseId: string;
  label?: string;
  /** The chosen tags' ids, in the order chosen. */
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** A message about the chosen tags from the form's operation, shown beside the field. */
  error?: string | undefined;
}

interface Choice {
  tag: Tag;
  path: string;
  /** The path folded for filtering by what was typed. */
  folded: string;
  /** The path folded for telling whether what was typed names this very tag. */
  pathKey: string;
}

/** Text folded for filtering, with "›", ">" and "/" alike, so "evidence > arr" finds "Evidence › Arrests". */
const filterKey = (text: string): string => fold(splitTagPath(text).join('›'));

/** What the picker says when the parent typed does not exist, rather than creating the tag somewhere else. */
const missingParentMessage = (parentPath: string): string =>
  `There is no tag “${parentPath}” in the codebook to put a sub-tag under. Check its spelling, or add that tag first.`;

/** The option that creates what was typed: "Create tag “Harbour”", or "Create “Raids” under Evidence". */
function createLabel(place: { name: string; parent: Tag | null }, tags: readonly Tag[]): string {
  return place.parent ? `Create “${place.name}” under ${tagPath(tags, place.parent.id)}` : `Create tag “${place.name}”`;
}

/**
 * Chooses tags from the case's codebook for an excerpt: type to filter (case and accents do not matter), Up and Down
 * to move, Enter to pick; what was typed can become a new tag, at the top of the codebook or, typed as a path
 * ("Evidence › Raids", "Evidence > Raids", "Evidence / Raids"), under an existing tag. Chosen tags show as chips in
 * their colour, each with a button that takes it off; Backspace in the empty box takes off the last.
 */
export function TagPicker({ caseId, label = 'Tags', value, onChange, error }: TagPickerProps) {
  const tags = useLiveQuery(() => queries.caseTags(caseId), [caseId]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const creating = useOperation();
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;

  const choices = useMemo<Choice[]>(() => {
    const all = tags ?? [];
    return all
      .map((tag) => ({ tag, path: tagPath(all, tag.id) }))
      .map((choice) => ({ ...choice, folded: filterKey(choice.path), pathKey: tagPathKey(choice.path) }))
      .sort((a, b) => a.path.localeCompare(b.path, 'en', { sensitivity: 'base' }));
  }, [tags]);

  const typed = query.trim();
  const key = filterKey(typed);
  const shown = choices.filter((choice) => !value.includes(choice.tag.id) && (!key || choice.folded.includes(key)));
  const place = placeTypedTag(tags ?? [], typed);
  // A tag that exists already is offered to pick, not to create: creating it would be refused.
  const exists = choices.some((choice) => choice.pathKey === tagPathKey(typed));
  const creatable = 'parent' in place && place.name !== '' && !exists ? place : null;
  // Said only once the codebook is read: until then every parent would seem missing.
  const missingParent = tags && 'missingParent' in place && !exists ? place.missingParent : null;
  const options = [...shown.map((choice) => ({ kind: 'tag' as const, choice })), ...(creatable ? [{ kind: 'create' as const, place: creatable }] : [])];
  const current = Math.min(active, Math.max(0, options.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;
  const byId = new Map(choices.map((choice) => [choice.tag.id, choice]));

  // The list closes once a tag is picked, so it does not cover the form (typing or Down opens it again), and a
  // second Enter sends the form.
  const pick = (tagId: string) => {
    onChange([...value, tagId]);
    setQuery('');
    setActive(0);
    setOpen(false);
  };

  const create = async ({ name, parent }: { name: string; parent: Tag | null }) => {
    const tag = await creating.run(() => operations.createTag(caseId, { name, parentId: parent?.id ?? null }));
    if (tag) pick(tag.id);
  };

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.kind === 'tag') pick(option.choice.tag.id);
    else void create(option.place);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive(Math.min(current + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (event.key === 'Enter') {
      // Enter picks a tag rather than submitting the form around the picker.
      if (open && options.length) {
        event.preventDefault();
        choose(current);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && query === '' && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  const refusal = creating.fieldErrors.name ?? creating.fieldErrors.parentId ?? creating.formError ?? undefined;
  const message = refusal ?? (missingParent && missingParentMessage(missingParent)) ?? error;
  const expanded = open && options.length > 0;
  return (
    <div className="field tag-picker">
      <label htmlFor={id}>{label}</label>
      {value.length > 0 && (
        <ul className="tag-chips" aria-label={`Chosen ${label.toLowerCase()}`}>
          {value.map((tagId) => {
            const choice = byId.get(tagId);
            const name = choice?.path ?? 'A deleted tag';
            return (
              <li key={tagId}>
                <TagChip colour={choice?.tag.colour ?? null} label={name}>
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove tag ${name}`}
                    onClick={() => onChange(value.filter((other) => other !== tagId))}
                  >
                    ×
                  </button>
                </TagChip>
              </li>
            );
          })}
        </ul>
      )}
      <input
        id={id}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? optionId(current) : undefined}
        aria-invalid={Boolean(message)}
        aria-describedby={message ? errorId : undefined}
        placeholder="Type to find or create a tag"
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          // A refusal was about what was typed before.
          creating.reset();
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label} to choose`} className="tag-options" hidden={!expanded}>
        {options.map((option, index) => (
          <li
            key={option.kind === 'tag' ? option.choice.tag.id : 'create'}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            // Chosen on mouse down, before the box loses the focus and closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(index);
            }}
          >
            {option.kind === 'tag' ? (
              <TagChip colour={option.choice.tag.colour} label={option.choice.path} />
            ) : (
              <span>{createLabel(option.place, tags ?? [])}</span>
            )}
          </li>
        ))}
      </ul>
      {message && (
        <span id={errorId} className="field-error" role="alert">
          {message}
        </span>
      )}
    </div>
  );
}
