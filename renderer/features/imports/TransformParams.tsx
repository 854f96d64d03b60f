import type { ModelField } from '../../../shared/contract';
import { NUMBER_LOCALES, type Transform } from '../../../shared/imports';
import { DATE_FORMATS, joinWords, splitWords } from './transform-edits';
import { ValueMapEditor } from './ValueMapEditor';

const LOCALE_LABELS = { en: '1,234.56 (en)', fr: '1 234,56 (fr)', de: '1.234,56 (de)' };

/** A small labelled input inside a transform. */
const Param = (props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  list?: string;
  width?: 'narrow' | 'wide';
  disabled?: boolean;
}) => (
  <label className={`param ${props.width ?? ''}`}>
    <span>{props.label}</span>
    <input
      value={props.value}
      list={props.list}
      disabled={props.disabled}
      spellCheck={false}
      onChange={(event) => props.onChange(event.target.value)}
    />
  </label>
);

/** The settings of one transform, by its type. */
export const TransformParams = (props: {
  transform: Transform;
  onChange: (transform: Transform) => void;
  field: ModelField;
  sampleValues: readonly string[];
  disabled?: boolean;
}) => {
  const { transform: t, onChange, disabled } = props;
  switch (t.type) {
    case 'trim':
      return null;
    case 'case':
      return (
        <label className="param">
          <span>To</span>
          <select
            value={t.to}
            disabled={disabled}
            onChange={(event) => onChange({ ...t, to: event.target.value as typeof t.to })}
          >
            <option value="lower">lower case</option>
            <option value="upper">UPPER CASE</option>
            <option value="title">Title Case</option>
          </select>
        </label>
      );
    case 'split':
      return (
        <>
          <Param
            label="Separator"
            width="narrow"
            value={t.separator}
            disabled={disabled}
            onChange={(separator) => onChange({ ...t, separator })}
          />
          <label className="param narrow">
            <span>Piece</span>
            <input
              type="number"
              value={t.index}
              disabled={disabled}
              title="0 is the first piece, -1 the last"
              onChange={(event) =>
                onChange({ ...t, index: Math.trunc(Number(event.target.value)) })
              }
            />
          </label>
        </>
      );
    case 'replace':
      return (
        <>
          <Param
            label="Find"
            value={t.find}
            disabled={disabled}
            onChange={(find) => onChange({ ...t, find })}
          />
          <Param
            label="Replace with"
            value={t.with}
            disabled={disabled}
            onChange={(text) => onChange({ ...t, with: text })}
          />
        </>
      );
    case 'empty':
      return (
        <Param
          label="Texts meaning empty (comma-separated)"
          width="wide"
          value={joinWords(t.values)}
          disabled={disabled}
          onChange={(text) => onChange({ ...t, values: splitWords(text) })}
        />
      );
    case 'date':
      return (
        <>
          <Param
            label="Format"
            value={t.format}
            list="import-date-formats"
            disabled={disabled}
            onChange={(format) => onChange({ ...t, format })}
          />
          <datalist id="import-date-formats">
            {DATE_FORMATS.map((format) => (
              <option key={format} value={format} />
            ))}
          </datalist>
          <Param
            label="Time zone (optional)"
            value={t.timeZone ?? ''}
            list="import-time-zones"
            disabled={disabled}
            onChange={(zone) => {
              const next = { ...t, timeZone: zone.trim() || undefined };
              if (!next.timeZone) delete next.timeZone;
              onChange(next);
            }}
          />
        </>
      );
    case 'number':
      return (
        <label className="param">
          <span>Written as</span>
          <select
            value={t.locale}
            disabled={disabled}
            onChange={(event) => onChange({ ...t, locale: event.target.value as typeof t.locale })}
          >
            {NUMBER_LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {LOCALE_LABELS[locale]}
              </option>
            ))}
          </select>
        </label>
      );
    case 'boolean':
      return (
        <>
          <Param
            label="Yes words"
            value={joinWords(t.true)}
            disabled={disabled}
            onChange={(text) => onChange({ ...t, true: splitWords(text) })}
          />
          <Param
            label="No words"
            value={joinWords(t.false)}
            disabled={disabled}
            onChange={(text) => onChange({ ...t, false: splitWords(text) })}
          />
          <label className="param">
            <span>Empty cell</span>
            <select
              value={t.empty === undefined ? '' : String(t.empty)}
              disabled={disabled}
              onChange={(event) => {
                const next = {
                  ...t,
                  empty: event.target.value === '' ? undefined : event.target.value === 'true',
                };
                if (next.empty === undefined) delete next.empty;
                onChange(next);
              }}
            >
              <option value="">no value</option>
              <option value="true">yes</option>
              <option value="false">no</option>
            </select>
          </label>
        </>
      );
    case 'valueMap':
      return (
        <ValueMapEditor
          transform={t}
          field={props.field}
          sampleValues={props.sampleValues}
          disabled={disabled}
          onChange={onChange}
        />
      );
    case 'list':
      return (
        <Param
          label="Separator"
          width="narrow"
          value={t.separator}
          disabled={disabled}
          onChange={(separator) => onChange({ ...t, separator })}
        />
      );
  }
};
