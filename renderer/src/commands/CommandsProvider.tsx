import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { useLocation, useNavigate } from 'react-router';
import { formatShortcut, toAriaKeyShortcuts, type AnyCommandId } from '../../../shared/commands';
import type { CasebookApi } from '../../../shared/contract';
import type { PaletteItem } from '../components/CommandPalette';
import { notify } from '../components/notices';
import { once, useOnDemand } from '../components/useOnDemand';
import type { CommandRegistry } from './registry';
import { routeOf } from './route';
import { IS_MAC } from './shortcuts';
import type { CommandContext, CommandTargets } from './types';

interface Commands {
  /** Runs a command by id, if it is enabled where the researcher is. */
  run(id: AnyCommandId): void;
  /** Offers a target to the commands; returns what withdraws it. */
  offer<K extends keyof CommandTargets>(name: K, target: NonNullable<CommandTargets[K]>): () => void;
}

const CommandsContext = createContext<Commands | null>(null);

/** The palette is fetched the first time it is asked for, not with the library. */
const loadPalette = once(() => import('../components/CommandPalette').then((module) => module.CommandPalette));

function useCommands(): Commands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error('Commands are used outside a CommandsProvider');
  return commands;
}

interface CommandsProviderProps {
  registry: CommandRegistry;
  /** Where chosen menu items come from. */
  host: Pick<CasebookApi, 'onMenuCommand'>;
  /** Whether Mod is Cmd; read from the system unless a test says. */
  mac?: boolean;
  children: ReactNode;
}

/**
 * Feeds the registry's commands from everywhere they can be given: the one keydown listener of the app, the buttons
 * (`useRunCommand`), the command palette it shows on Ctrl+K / Cmd+K, and the host's "menu command chosen" events.
 * It knows the route, so each command sees which case, section and record are open.
 */
export function CommandsProvider({ registry, host, mac = IS_MAC, children }: CommandsProviderProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const [targets, setTargets] = useState<CommandTargets>({});
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [Palette, withPalette] = useOnDemand(loadPalette, 'the command palette');
  // The first Ctrl+K (or *All commands*) fetches the palette and opens it as soon as it is there.
  const openPalette = useCallback(() => withPalette(() => setPaletteOpen(true)), [withPalette]);

  const route = useMemo(() => routeOf(location.pathname), [location.pathname]);
  const context = useMemo<CommandContext>(
    () => ({
      route,
      navigate: (to) => void navigate(to),
      targets: { ...targets, openPalette },
    }),
    [route, navigate, targets, openPalette],
  );
  // Listeners read the context of the latest render, whenever the key or the menu event comes.
  const latest = useRef(context);
  useLayoutEffect(() => {
    latest.current = context;
  });

  const run = useCallback(
    (id: AnyCommandId, fromMenu = false) => {
      const outcome = registry.run(id, latest.current);
      const command = registry.get(id);
      if (outcome === 'unavailable' && fromMenu && command)
        notify('info', `“${command.label}” is not available here. ${command.whenUnavailable}`.trim());
    },
    [registry],
  );

  /** Closes the palette first, if open, so it has given the focus back before the command moves it. */
  const closePaletteAndRun = useCallback(
    (id: AnyCommandId, fromMenu: boolean) => {
      if (paletteOpen) flushSync(() => setPaletteOpen(false));
      run(id, fromMenu);
    },
    [paletteOpen, run],
  );

  // Listening from before the first paint: a shortcut pressed as soon as the window shows is not lost.
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => void registry.handleKeyDown(event, latest.current, mac);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry, mac]);

  const fromMenu = useRef(closePaletteAndRun);
  useLayoutEffect(() => {
    fromMenu.current = closePaletteAndRun;
  });
  useEffect(() => host.onMenuCommand(({ commandId }) => fromMenu.current(commandId, true)), [host]);

  const offer = useCallback(<K extends keyof CommandTargets>(name: K, target: NonNullable<CommandTargets[K]>) => {
    setTargets((current) => ({ ...current, [name]: target }));
    return () =>
      setTargets((current) => {
        if (current[name] !== target) return current;
        const rest = { ...current };
        delete rest[name];
        return rest;
      });
  }, []);

  const commands = useMemo<Commands>(() => ({ run: (id) => run(id), offer }), [run, offer]);

  const paletteItems = useMemo<PaletteItem[]>(
    () =>
      paletteOpen
        ? registry
            .available(context)
            .filter((command) => command.inPalette)
            .map((command) => ({
              id: command.id,
              label: command.label,
              shortcut: command.shortcut ? formatShortcut(command.shortcut, mac) : null,
              ariaKeyShortcuts: command.shortcut ? toAriaKeyShortcuts(command.shortcut, mac) : null,
            }))
        : [],
    [paletteOpen, registry, context, mac],
  );

  return (
    <CommandsContext.Provider value={commands}>
      {children}
      {paletteOpen && Palette && (
        <Palette
          items={paletteItems}
          emptyMessage="Commands appear here once a case is open."
          onChoose={(id) => closePaletteAndRun(id as AnyCommandId, false)}
          onClose={() => setPaletteOpen(false)}
        />
      )}
    </CommandsContext.Provider>
  );
}

/** The function a button calls to run its command through the registry. */
export function useRunCommand(): (id: AnyCommandId) => void {
  return useCommands().run;
}

/**
 * Offers a target to the commands while the calling component is shown and `target` is not null: the reader offers
 * its find bar, an open case its import. The latest function given is the one called.
 */
export function useCommandTarget<K extends keyof CommandTargets>(name: K, target: NonNullable<CommandTargets[K]> | null) {
  const { offer } = useCommands();
  const latest = useRef(target);
  useLayoutEffect(() => {
    latest.current = target;
  });
  const offered = target !== null;
  useEffect(() => {
    if (!offered) return;
    const call = ((...args: never[]) => (latest.current as ((...a: never[]) => unknown) | null)?.(...args)) as NonNullable<
      CommandTargets[K]
    >;
    return offer(name, call);
  }, [offer, name, offered]);
}
