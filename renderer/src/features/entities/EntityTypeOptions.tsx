import { useLiveQuery } from 'dexie-react-hooks';
import { ENTITY_TYPES, type CaseEntityType } from '../../../../shared/domain';
import { queries } from '../../app/casebook';

/** The case's own entity types, by name; empty while they load. */
export function useOwnEntityTypes(caseId: string): CaseEntityType[] {
  return useLiveQuery(() => queries.entityTypesOf(caseId), [caseId]) ?? [];
}

/**
 * The options of a select of entity types: the built-in ones, then the case's own (valued by their ids). The select
 * reads the own types itself (`useOwnEntityTypes`) and passes them in, so it renders again when they arrive and React
 * selects its value among them.
 */
export function EntityTypeOptions({ ownTypes }: { ownTypes: readonly CaseEntityType[] }) {
  return (
    <>
      {ENTITY_TYPES.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
      {ownTypes.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ))}
    </>
  );
}
