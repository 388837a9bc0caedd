/** How rich text refers to an attachment kept in the case: an image's `src` is `attachment:<id>`. */
export const ATTACHMENT_PREFIX = 'attachment:';
