/**
 * *Storage and safety of your cases…*: where the case library lives and how safely, in a dialog of its own over
 * whatever is shown, so that the command, the application menu and the library's button open it alike. This module is
 * all they load first.
 */
import { singleDialog } from '../../components/singleDialog';

const showStorage = singleDialog();

export async function openStorage(): Promise<void> {
  await showStorage(async (close) => {
    const { StorageDialog } = await import('./StorageDialog');
    return <StorageDialog onClose={close} />;
  });
}
