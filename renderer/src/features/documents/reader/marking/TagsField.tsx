import type { ReactNode } from 'react';

/** What a tags field gets from the marking panel. */
export interface TagsFieldProps {
  id: string;
  value: readonly string[];
  onChange(tags: string[]): void;
}

/** Renders the panel's tags field: the seam where the codebook's tag picker takes the place of the plain field. */
export type RenderTags = (props: TagsFieldProps) => ReactNode;

/** Tags typed as words separated by commas, until the codebook's picker replaces this field. */
export function TagsField({ id, value, onChange }: TagsFieldProps) {
  return (
    <input
      id={id}
      type="text"
      defaultValue={value.join(', ')}
      placeholder="Tags, separated by commas"
      onChange={(event) =>
        onChange(
          event.target.value
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
        )
      }
    />
  );
}

export const plainTagsField: RenderTags = (props) => <TagsField {...props} />;
