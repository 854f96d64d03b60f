import { useEffect, useState } from 'react';

/**
 * The row that names the columns: typed freely, applied on Enter or when leaving the field
 * (each change reads the file again, so not on every keystroke).
 */
export const HeaderRowInput = (props: {
  value: number;
  onChange: (row: number) => void;
  disabled?: boolean;
}) => {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const row = Number(text);
  const valid = Number.isInteger(row) && row >= 1 && row <= 1_000_000;
  const commit = () => {
    if (valid && row !== props.value) props.onChange(row);
    else if (!valid) setText(String(props.value));
  };
  return (
    <label className="inline-field narrow">
      Header row
      <input
        inputMode="numeric"
        value={text}
        disabled={props.disabled}
        aria-invalid={!valid || undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
};
