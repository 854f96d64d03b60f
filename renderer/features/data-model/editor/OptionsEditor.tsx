import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GripVertical, Merge, Plus, Trash2 } from 'lucide-react';
import { optionValueFromLabel, TAG_COLORS } from '../../../../shared/domain/field-type-catalog';
import type { SchemaOption } from '../../../../shared/schema/schema-document';

/**
 * Select and multi-select options: label, API value, colour, default; drag (or keyboard) to
 * reorder. Each row remembers the base values it stands for (`origins`), so editing a value is a
 * rename and "merge into" moves one option's records to another instead of blanking them.
 */
export interface OptionRow {
  key: string;
  label: string;
  value: string;
  color: string | null;
  /** Values in the workspace this option now stands for (empty: a new option). */
  origins: string[];
  /** Twenty derives the value from the label until the value is edited by hand. */
  valueFollowsLabel: boolean;
}

export const rowsFromOptions = (
  options: SchemaOption[] | null,
  origins?: Record<string, string[]>,
) =>
  (options ?? []).map<OptionRow>((option) => ({
    key: `${option.value}-${option.position}`,
    label: option.label,
    value: option.value,
    color: option.color,
    origins: origins?.[option.value] ?? [option.value],
    valueFollowsLabel: option.value === optionValueFromLabel(option.label),
  }));

export const optionsFromRows = (rows: OptionRow[]): SchemaOption[] =>
  rows.map((row, position) => ({ label: row.label, value: row.value, color: row.color, position }));

/** "Option N", the first N not taken (generateNewSelectOptionLabel). */
const newOptionLabel = (rows: OptionRow[]) => {
  for (let n = rows.length + 1; ; n++)
    if (!rows.some((row) => row.label === `Option ${n}`)) return `Option ${n}`;
};

/** The colour after the last option's, as Twenty picks it. */
const nextColor = (rows: OptionRow[]) => {
  const last = rows.at(-1)?.color;
  const index = last ? TAG_COLORS.indexOf(last as (typeof TAG_COLORS)[number]) : -1;
  return TAG_COLORS[(index + 1) % TAG_COLORS.length] ?? 'blue';
};

interface Props {
  rows: OptionRow[];
  multi: boolean;
  defaults: string[];
  errorsFor: (path: string) => string[];
  onChange: (rows: OptionRow[], defaults: string[]) => void;
  /** Whether values stored in the workspace would be dropped: the base has this field. */
  existing: boolean;
}

const Row = (props: {
  row: OptionRow;
  index: number;
  isDefault: boolean;
  others: OptionRow[];
  multi: boolean;
  errors: string[];
  existing: boolean;
  onUpdate: (row: OptionRow) => void;
  onRemove: (mergeInto: string | null) => void;
  onDefault: (on: boolean) => void;
}) => {
  const { row } = props;
  const sortable = useSortable({ id: row.key });
  const lost = props.existing && row.origins.length > 0;
  return (
    <li
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Transform.toString(sortable.transform),
        transition: sortable.transition,
      }}
      className="option-row"
      data-testid="option-row"
      data-dragging={sortable.isDragging || undefined}
    >
      <button
        type="button"
        className="drag-handle"
        aria-label={`Move ${row.label}`}
        {...sortable.attributes}
        {...sortable.listeners}
      >
        <GripVertical size={14} />
      </button>
      <select
        aria-label={`Colour of ${row.label}`}
        className={`swatch tag-${row.color ?? 'gray'}`}
        value={row.color ?? 'gray'}
        onChange={(event) => props.onUpdate({ ...row, color: event.target.value })}
      >
        {TAG_COLORS.map((color) => (
          <option key={color} value={color}>
            {color}
          </option>
        ))}
      </select>
      <input
        aria-label={`Label of option ${props.index + 1}`}
        value={row.label}
        aria-invalid={props.errors.length > 0 || undefined}
        onChange={(event) => {
          const label = event.target.value;
          props.onUpdate({
            ...row,
            label,
            value: row.valueFollowsLabel ? optionValueFromLabel(label) : row.value,
          });
        }}
      />
      <input
        aria-label={`API value of option ${props.index + 1}`}
        className="mono"
        value={row.value}
        onChange={(event) =>
          props.onUpdate({
            ...row,
            value: optionValueFromLabel(event.target.value) || event.target.value,
            valueFollowsLabel: false,
          })
        }
      />
      <label className="check-field" title="Default value">
        <input
          type={props.multi ? 'checkbox' : 'radio'}
          checked={props.isDefault}
          aria-label={`Default: ${row.label}`}
          onChange={(event) => props.onDefault(event.target.checked)}
          onClick={() => !props.multi && props.isDefault && props.onDefault(false)}
        />
      </label>
      {props.others.length > 0 && row.origins.length > 0 && props.existing ? (
        <select
          aria-label={`Merge ${row.label} into`}
          className="merge"
          value=""
          title="Merge into another option: its records move there"
          onChange={(event) => event.target.value && props.onRemove(event.target.value)}
        >
          <option value="">Merge…</option>
          {props.others.map((other) => (
            <option key={other.key} value={other.key}>
              into {other.label}
            </option>
          ))}
        </select>
      ) : (
        <Merge size={14} className="placeholder-icon" aria-hidden />
      )}
      <button
        type="button"
        className="btn ghost small"
        aria-label={`Remove ${row.label}`}
        title={lost ? 'Remove: records holding this value lose it' : 'Remove'}
        onClick={() => props.onRemove(null)}
      >
        <Trash2 size={14} />
      </button>
      {props.errors.map((message) => (
        <span className="error" role="alert" key={message}>
          {message}
        </span>
      ))}
    </li>
  );
};

export const OptionsEditor = ({ rows, multi, defaults, errorsFor, onChange, existing }: Props) => {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = rows.findIndex((row) => row.key === active.id);
    const to = rows.findIndex((row) => row.key === over.id);
    onChange(arrayMove(rows, from, to), defaults);
  };
  const update = (index: number, row: OptionRow) => {
    const before = rows[index];
    const next = rows.map((candidate, i) => (i === index ? row : candidate));
    // A default follows its option's value.
    onChange(
      next,
      defaults.map((value) => (before && value === before.value ? row.value : value)),
    );
  };
  const remove = (index: number, mergeInto: string | null) => {
    const row = rows[index];
    if (!row) return;
    const next = rows
      .filter((_, i) => i !== index)
      .map((candidate) =>
        candidate.key === mergeInto
          ? { ...candidate, origins: [...candidate.origins, ...row.origins] }
          : candidate,
      );
    onChange(
      next,
      defaults.filter((value) => value !== row.value),
    );
  };
  const add = () => {
    const label = newOptionLabel(rows);
    onChange(
      [
        ...rows,
        {
          key: `new-${Date.now()}-${rows.length}`,
          label,
          value: optionValueFromLabel(label),
          color: nextColor(rows),
          origins: [],
          valueFollowsLabel: true,
        },
      ],
      defaults,
    );
  };
  return (
    <div className="options-editor">
      <div className="options-head">
        <span>Options</span>
        <span className="hint">Drag to reorder · value = API value</span>
      </div>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={rows.map((row) => row.key)} strategy={verticalListSortingStrategy}>
          <ul aria-label="Options">
            {rows.map((row, index) => (
              <Row
                key={row.key}
                row={row}
                index={index}
                multi={multi}
                existing={existing}
                isDefault={defaults.includes(row.value)}
                others={rows.filter((other) => other.key !== row.key)}
                errors={[
                  ...errorsFor(`options.${index}.label`),
                  ...errorsFor(`options.${index}.value`),
                ]}
                onUpdate={(next) => update(index, next)}
                onRemove={(into) => remove(index, into)}
                onDefault={(on) =>
                  onChange(
                    rows,
                    multi
                      ? on
                        ? [...defaults, row.value]
                        : defaults.filter((value) => value !== row.value)
                      : on
                        ? [row.value]
                        : [],
                  )
                }
              />
            ))}
          </ul>
        </SortableContext>
      </DndContext>
      {errorsFor('options').map((message) => (
        <span className="error" role="alert" key={message}>
          {message}
        </span>
      ))}
      <button type="button" className="btn small" onClick={add}>
        <Plus size={14} /> Add option
      </button>
    </div>
  );
};
