import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useDataModelView } from './data-model-store';
import { FieldTypeIcon } from './field-type-icon';
import { MAX_FIELD_ROWS, type ObjectNode } from './model-graph';

/**
 * One object on the diagram: its name and its fields with type, required and unique marks, and
 * what the draft does to each (new, changed, deleted). A click opens it in the side panel; the
 * handle on the right starts a relation drag to another object.
 */
/** Zoomed further out than this, rows are unreadable and only cost frames: headers alone. */
export const COMPACT_BELOW_ZOOM = 0.35;

export const ObjectNodeView = memo(({ data }: NodeProps<ObjectNode>) => {
  const { object, fields, naming, highlighted, selected, mark, fieldMarks, collapsed, zoomedOut } =
    data;
  const title = naming === 'api' ? object.nameSingular : object.labelSingular;
  const hidden = fields.length - MAX_FIELD_ROWS;
  const editable = mark !== 'removed';
  const compact = collapsed || zoomedOut;
  const selectField = (name: string) =>
    useDataModelView.getState().select({ object: object.nameSingular, field: name });
  return (
    <div
      className="object-node"
      data-custom={object.isCustom}
      data-highlighted={highlighted}
      data-selected={selected}
      data-inactive={!object.isActive}
      data-mark={mark ?? undefined}
      data-testid="object-node"
      aria-label={object.labelSingular}
    >
      <Handle type="target" position={Position.Left} />
      <header>
        <span className="title">{title}</span>
        {mark && <span className={`badge mark-${mark}`}>{mark}</span>}
        {!mark && object.isCustom ? <span className="badge accent">custom</span> : null}
        {object.isSystem ? <span className="badge">system</span> : null}
      </header>
      {compact ? (
        <p className="compact-count">{fields.length} fields</p>
      ) : (
        <ul>
          {fields.slice(0, hidden > 1 ? MAX_FIELD_ROWS : MAX_FIELD_ROWS + 1).map((field) => (
            <li
              key={field.id}
              data-custom={field.isCustom}
              data-mark={fieldMarks[field.name]}
              data-testid="field-row"
              title={field.description ?? field.type}
              onClick={(event) => {
                if (!editable || !field.isCustom || fieldMarks[field.name] === 'removed') return;
                event.stopPropagation();
                selectField(field.name);
              }}
            >
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
      )}
      <Handle
        type="source"
        position={Position.Right}
        title="Drag to another object to add a relation"
        isConnectable={editable}
      />
    </div>
  );
});
ObjectNodeView.displayName = 'ObjectNodeView';
