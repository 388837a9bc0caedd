import type { LinkOptions } from '@tiptap/extension-link';

/** The addresses a link may have: the web's and e-mail's; nothing that runs (`javascript:`) or opens another program. */
const LINKABLE = /^(?:https?:|mailto:)/i;
/** An address with a scheme of its own, as opposed to `example.org/page`, which the web scheme is given. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Whether `href` may be a link's address: a web or mail address, or one with no scheme (it gets https). */
export function isLinkable(href: string): boolean {
  const address = href.trim();
  return address !== '' && (LINKABLE.test(address) || !HAS_SCHEME.test(address));
}

/**
 * Links, from StarterKit's link extension: typed or pasted web and mail addresses become links as they are written,
 * and a link is set on the selection (the toolbar's Link…). A link never opens from a click inside the editor, where
 * a click places the caret; the read-only view opens it outside the app.
 */
export const linkOptions: Partial<LinkOptions> = {
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  protocols: ['http', 'https', 'mailto'],
  defaultProtocol: 'https',
  isAllowedUri: (url, { defaultValidate }) => isLinkable(url) && defaultValidate(url),
};
