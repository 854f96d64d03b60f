import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { FieldTypeIcon } from './field-type-icon';
import { MAX_FIELD_ROWS, type ObjectNode } from './model-graph';

/** One object on the diagram: its name and its fields with type, required and unique marks. */
export const ObjectNodeView = memo(({ data }: NodeProps<ObjectNode>) => {
  const { object, fields, naming, highlighted } = data;
  const title = naming === 'api' ? object.nameSingular : object.labelSingular;
  const hidden = fields.length - MAX_FIELD_ROWS;
  return (
    <div
      className="object-node"
      data-custom={object.isCustom}
      data-highlighted={highlighted}
      data-inactive={!object.isActive}
      data-testid="object-node"
      aria-label={object.labelSingular}
    >
      <Handle type="target" position={Position.Left} />
      <header>
        <span className="title">{title}</span>
        {object.isCustom ? <span className="badge accent">custom</span> : null}
        {object.isSystem ? <span className="badge">system</span> : null}
      </header>
      <ul>
        {fields.slice(0, hidden > 1 ? MAX_FIELD_ROWS : MAX_FIELD_ROWS + 1).map((field) => (
          <li key={field.id} data-custom={field.isCustom} title={field.description ?? field.type}>
            <FieldTypeIcon type={field.type} />
            <span className="field-name">{naming === 'api' ? field.name : field.label}</span>
            {!field.isNullable && (
              <span className="mark" title="Required">
                *
              </span>
            )}
            {field.isUnique && (
              <span className="mark" title="Unique">
                U
              </span>
            )}
            {field.relation && (
              <span className="rel">
                {field.relation.type === 'MANY_TO_ONE' ? 'N:1' : '1:N'}{' '}
                {field.relation.targetObject}
              </span>
            )}
          </li>
        ))}
        {hidden > 1 && <li className="more">+ {hidden} more fields</li>}
      </ul>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
ObjectNodeView.displayName = 'ObjectNodeView';
