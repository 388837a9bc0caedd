import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { TYPES_PARAM, type TypesDialogName } from '../../commands';

/**
 * Which of Entities' types dialogs is open, kept in the address (`?types=relationship`) so that the commands
 * *Entity types…* and *Relationship types…* open them from anywhere in the case; opening and closing one adds no step
 * to the history.
 */
export function useTypesDialog(): { open: TypesDialogName | null; show(name: TypesDialogName | null): void } {
  const [params, setParams] = useSearchParams();
  const value = params.get(TYPES_PARAM);
  const show = useCallback(
    (name: TypesDialogName | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (name) next.set(TYPES_PARAM, name);
          else next.delete(TYPES_PARAM);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { open: value === 'entity' || value === 'relationship' ? value : null, show };
}
