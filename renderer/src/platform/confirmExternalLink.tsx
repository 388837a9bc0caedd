import { ConfirmDialog } from '../components/Dialog';
import { singleDialog } from '../components/singleDialog';

/**
 * The browser's question before an address leaves the app, as Electron's main process asks in a message box: the
 * normalised address (`decideNavigation`) is shown exactly as it will open, and Cancel has the focus. Loaded with the
 * first link followed.
 */
const showQuestion = singleDialog();

/** Resolves true when the researcher chooses Open; false on Cancel, Escape, or while another link is being asked about. */
export function confirmExternalLink(address: string): Promise<boolean> {
  const where = address.startsWith('mailto:') ? 'your mail program' : 'your web browser';
  return new Promise((resolve) => {
    showQuestion(async (close) => {
      const answer = (open: boolean) => {
        close();
        resolve(open);
      };
      return (
        <ConfirmDialog
          title={`Open in ${where}?`}
          message={
            <>
              <p>This link leads to:</p>
              <p>
                <code className="external-address">{address}</code>
              </p>
              <p className="muted small">Check that this is where you meant to go: the address is shown exactly as it will be opened.</p>
            </>
          }
          confirmLabel="Open"
          onConfirm={() => answer(true)}
          onCancel={() => answer(false)}
        />
      );
    }).then(
      (shown) => {
        if (!shown) resolve(false);
      },
      () => resolve(false),
    );
  });
}
