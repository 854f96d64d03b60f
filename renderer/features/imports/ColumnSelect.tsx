/** A column of the file; a column the mapping names but the file lacks stays visible, marked. */
export const ColumnSelect = (props: {
  label: string;
  value: string;
  headers: readonly string[];
  onChange: (column: string) => void;
  disabled?: boolean;
  extra?: ReadonlyArray<{ value: string; label: string }>;
}) => {
  const missing = props.value !== '' && !props.headers.includes(props.value);
  const isExtra = props.extra?.some((option) => option.value === props.value);
  return (
    <select
      className="column-select"
      aria-label={props.label}
      value={props.value}
      disabled={props.disabled}
      aria-invalid={missing && !isExtra ? true : undefined}
      onChange={(event) => props.onChange(event.target.value)}
    >
      {props.extra?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {missing && !isExtra && <option value={props.value}>{props.value} (not in the file)</option>}
      {props.headers.map((header) => (
        <option key={header} value={header}>
          {header}
        </option>
      ))}
    </select>
  );
};
