import { formatShortcut, COMMANDS } from '../../../shared/commands';
import { useRunCommand } from './CommandsProvider';
import { commandHint, IS_MAC } from './shortcuts';

/** Where the command palette shows itself: a button that opens it, with its shortcut. */
export function PaletteButton() {
  const run = useRunCommand();
  return (
    <button type="button" className="palette-button quiet" onClick={() => run('palette.open')} {...commandHint('palette.open')}>
      <span>All commands</span>
      <kbd>{formatShortcut(COMMANDS['palette.open'].shortcut, IS_MAC)}</kbd>
    </button>
  );
}
