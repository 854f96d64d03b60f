import { useId, type ReactNode } from 'react';

/**
 * Labelled inputs for the editor's side panel: each shows the rule it breaks under it as the
 * admin types (aria-invalid + aria-describedby, so a screen reader says it too).
 */
interface Common {
  label: string;
  errors?: string[];
  hint?: ReactNode;
}

const Messages = ({ id, errors, hint }: { id: string; errors?: string[]; hint?: ReactNode }) => (
  <>
    {errors?.map((message) => (
      <span className="error" id={`${id}-error`} key={message} role="alert">
        {message}
      </span>
    ))}
    {!errors?.length && hint ? <span className="hint">{hint}</span> : null}
  </>
);

export const TextInput = (
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    onCommit?: () => void;
    disabled?: boolean;
    multiline?: boolean;
    placeholder?: string;
    autoFocus?: boolean;
  },
) => {
  const id = useId();
  const shared = {
    id,
    value: props.value,
    disabled: props.disabled,
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
    spellCheck: false,
    'aria-invalid': props.errors?.length ? true : undefined,
    'aria-describedby': props.errors?.length ? `${id}-error` : undefined,
    onBlur: props.onCommit,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea rows={3} {...shared} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input
          {...shared}
          autoComplete="off"
          onChange={(event) => props.onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') props.onCommit?.();
          }}
        />
      )}
      <Messages id={id} errors={props.errors} hint={props.hint} />
    </div>
  );
};

export const NumberInput = (
  props: Common & {
    value: number | null;
    onChange: (value: number | null) => void;
    min?: number;
    max?: number;
    step?: number;
  },
) => {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value ?? ''}
        aria-invalid={props.errors?.length ? true : undefined}
        onChange={(event) =>
          props.onChange(event.target.value === '' ? null : Number(event.target.value))
        }
      />
      <Messages id={id} errors={props.errors} hint={props.hint} />
    </div>
  );
};

export const SelectInput = <T extends string>(
  props: Common & {
    value: T;
    options: ReadonlyArray<{ value: T; label: string }>;
    onChange: (value: T) => void;
    disabled?: boolean;
  },
) => {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages id={id} errors={props.errors} hint={props.hint} />
    </div>
  );
};

export const Checkbox = (
  props: Common & { checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean },
) => (
  <label className="check-field" title={typeof props.hint === 'string' ? props.hint : undefined}>
    <input
      type="checkbox"
      checked={props.checked}
      disabled={props.disabled}
      onChange={(event) => props.onChange(event.target.checked)}
    />
    {props.label}
    {props.errors?.map((message) => (
      <span className="error" key={message} role="alert">
        {message}
      </span>
    ))}
  </label>
);
