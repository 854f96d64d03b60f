import type { ModelObject } from '../../../shared/contract';
import {
  DUPLICATE_RULES,
  isValidTimeZone,
  type DuplicateRule,
  type MappingDocument,
} from '../../../shared/imports';
import { dedupeChoices, setDedupe, setOptions } from './mapping-edits';

const RULE_LABELS: Record<DuplicateRule, string> = {
  first: 'Keep the first row',
  last: 'Keep the last row',
  merge: 'Merge them (first value wins)',
};

/** Zone list for the time-zone inputs (the runtime's IANA names). */
export const TimeZoneList = () => (
  <datalist id="import-time-zones">
    {Intl.supportedValuesOf('timeZone').map((zone) => (
      <option key={zone} value={zone} />
    ))}
  </datalist>
);

/**
 * The mapping's options (how dates without a zone, phones without a country and amounts
 * without a currency are read; what an empty cell does) and its key: how rows are matched with
 * each other and with the workspace's records.
 */
export const MappingOptions = (props: {
  mapping: MappingDocument;
  object: ModelObject;
  onChange: (mapping: MappingDocument) => void;
  disabled?: boolean;
}) => {
  const { mapping, onChange, disabled } = props;
  const { options } = mapping;
  const zoneValid = isValidTimeZone(options.timeZone);
  const choices = dedupeChoices(props.object);
  return (
    <section className="mapping-options" aria-label="Options and key">
      <h3>Options</h3>
      <div className="options-grid">
        <label className="inline-field">
          Time zone of dates without one
          <input
            list="import-time-zones"
            value={options.timeZone}
            disabled={disabled}
            aria-invalid={!zoneValid || undefined}
            onChange={(event) => onChange(setOptions(mapping, { timeZone: event.target.value }))}
          />
          {!zoneValid && <span className="error">Unknown time zone</span>}
        </label>
        <label className="inline-field narrow">
          Phone country
          <input
            value={options.phoneCountry ?? ''}
            placeholder="FR"
            maxLength={2}
            disabled={disabled}
            onChange={(event) => {
              const code = event.target.value.toUpperCase().replace(/[^A-Z]/g, '');
              onChange(setOptions(mapping, { phoneCountry: code || undefined }));
            }}
          />
        </label>
        <label className="inline-field narrow">
          Currency
          <input
            value={options.currency ?? ''}
            placeholder="EUR"
            maxLength={3}
            disabled={disabled}
            onChange={(event) => {
              const code = event.target.value.toUpperCase().replace(/[^A-Z]/g, '');
              onChange(setOptions(mapping, { currency: code || undefined }));
            }}
          />
        </label>
        <label className="inline-field">
          Empty cells
          <select
            value={options.emptyCells}
            disabled={disabled}
            onChange={(event) =>
              onChange(setOptions(mapping, { emptyCells: event.target.value as 'omit' | 'clear' }))
            }
          >
            <option value="omit">Leave the field as it is</option>
            <option value="clear">Clear the field</option>
          </select>
        </label>
      </div>
      <h3>Key and duplicates</h3>
      <div className="options-grid">
        <label className="inline-field">
          Match records by
          <select
            value={mapping.dedupe?.key ?? ''}
            disabled={disabled}
            onChange={(event) => onChange(setDedupe(mapping, event.target.value || null))}
          >
            <option value="">No key (every row is new)</option>
            {!choices.some((choice) => choice.value === mapping.dedupe?.key) && mapping.dedupe && (
              <option value={mapping.dedupe.key}>{mapping.dedupe.key}</option>
            )}
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
                {choice.unique ? ' — unique' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Rows with the same key
          <select
            value={mapping.dedupe?.duplicates ?? 'first'}
            disabled={disabled || !mapping.dedupe}
            onChange={(event) =>
              onChange(
                setDedupe(
                  mapping,
                  mapping.dedupe?.key ?? null,
                  event.target.value as DuplicateRule,
                ),
              )
            }
          >
            {DUPLICATE_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {RULE_LABELS[rule]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
};
