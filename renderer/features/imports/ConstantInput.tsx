import { hasOptions, optionsOf } from './field-options';
import type { TargetField } from './mapping-edits';

/** The same value on every row; a select field offers its options. */
export const ConstantInput = (props: {
  label: string;
  target: TargetField;
  value: unknown;
  onChange: (value: string) => void;
  disabled?: boolean;
}) => {
  const options = hasOptions(props.target.field) ? optionsOf(props.target.field) : [];
  const listId = `constant-${props.target.field.id}`;
  return (
    <>
      <input
        className="constant-input"
        aria-label={`Value of ${props.label}`}
        value={typeof props.value === 'string' ? props.value : JSON.stringify(props.value)}
        list={options.length ? listId : undefined}
        disabled={props.disabled}
        placeholder="The same value on every row"
        onChange={(event) => props.onChange(event.target.value)}
      />
      {options.length > 0 && (
        <datalist id={listId}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </datalist>
      )}
    </>
  );
};
