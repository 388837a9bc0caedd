/** The codebook's pieces other views use: the tag picker, an excerpt's tag chips, and an excerpt's highlight colour. */
export { TagPicker } from './TagPicker';
export { TagChip } from './TagChip';
export { ExcerptTags, useTagColours } from './ExcerptTags';
