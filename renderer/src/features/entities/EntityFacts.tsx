import type { Entity } from '../../../../shared/domain';
import { ExcerptTags } from '../codebook/ExcerptTags';
import { dateRangeText } from './attributeRows';

/** An entity's attributes as a table (key, value, when it held) and its tags from the codebook, on its page. */
export function EntityFacts({ caseId, entity }: { caseId: string; entity: Pick<Entity, 'attributes' | 'tags'> }) {
  return (
    <>
      {entity.attributes.length > 0 && (
        <table className="entity-attributes" aria-label="Attributes">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Value</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {entity.attributes.map((attribute) => (
              <tr key={attribute.id}>
                <th scope="row">{attribute.key}</th>
                <td>{attribute.value}</td>
                <td className="muted">{dateRangeText(attribute.start, attribute.end)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ExcerptTags caseId={caseId} tagIds={entity.tags} />
    </>
  );
}
