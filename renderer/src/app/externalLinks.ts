import { HostError, type CasebookApi } from '../../../shared/contract';
import { notify } from '../components/notices';
import { host } from '../platform';

/** Why a link did not open, for the researcher: the host's own message, or one naming the link and what to do. */
export function describeLinkFailure(url: string, error: unknown): string {
  if (error instanceof HostError) return error.message;
  const reason = error instanceof Error ? error.message : String(error);
  return `Casebook could not open ${url}: ${reason}. Copy the address and open it in your web browser.`;
}

/** Opens an address outside the app; if that fails, the researcher is told why instead of nothing happening. */
export async function openExternalLink(url: string, via: Pick<CasebookApi, 'openExternal'> = host): Promise<void> {
  try {
    await via.openExternal(url);
  } catch (error) {
    notify('error', describeLinkFailure(url, error));
  }
}
