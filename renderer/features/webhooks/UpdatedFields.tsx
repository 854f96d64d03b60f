import type { DeliveryDetail } from '../../../shared/contract';
import { JsonTree } from './JsonTree';

/** Twenty's `updatedFields` with each field's new value in the record. */
export const UpdatedFields = ({
  fields,
}: {
  fields: NonNullable<DeliveryDetail['updatedFields']>;
}) => (
  <table className="kv-table" aria-label="Updated fields" data-testid="updated-fields">
    <tbody>
      {fields.map(({ field, value }) => (
        <tr key={field}>
          <th scope="row">{field}</th>
          <td>
            <JsonTree value={value} collapsed={1} />
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
