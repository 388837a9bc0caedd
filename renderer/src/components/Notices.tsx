import { dismissNotice, useNotices } from './notices';
import './notices.css';

/** The notices posted with `notify()`, newest last, each with its own Dismiss. */
export function Notices() {
  const notices = useNotices();
  if (!notices.length) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice-bar ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <span className="spacer" />
          <button type="button" className="quiet" onClick={() => dismissNotice(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
