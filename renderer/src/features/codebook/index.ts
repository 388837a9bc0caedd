/** The codebook's pieces other views use: the tag picker, an excerpt's tag chips, and tag names by id. */
export { TagPicker } from './TagPicker';
export { TagChip } from './TagChip';
export { ExcerptTags, useTagColours, useTagNames } from './ExcerptTags';
