import type { SchemaField } from '../../../../shared/schema/schema-document';
import { Checkbox, NumberInput, SelectInput, TextInput } from '../../../ui/form';

/**
 * Each type's own settings and default value, with the choices and limits of Twenty's settings
 * forms (docs/twenty-data-model-rules.md §2): number format and decimals, date display, currency
 * format and code, text wrap, list limits, address parts, booleans and ratings.
 */
interface Props {
  field: SchemaField;
  onChange: (patch: Partial<SchemaField>) => void;
  errorsFor: (path: string) => string[];
}

const quote = (value: string) => `'${value}'`;
const unquote = (value: unknown) =>
  typeof value === 'string' ? value.replace(/^['"](.*)['"]$/, '$1') : '';

const TEXT_ROWS = [
  { value: '0', label: 'Deactivated' },
  { value: '2', label: 'First 2 lines' },
  { value: '5', label: 'First 5 lines' },
  { value: '10', label: 'First 10 lines' },
  { value: '99', label: 'All lines' },
];
const NUMBER_TYPES = [
  { value: 'number', label: 'Number' },
  { value: 'shortNumber', label: 'Short' },
  { value: 'percentage', label: 'Percentage' },
] as const;
const DATE_FORMATS = [
  { value: 'USER_SETTINGS', label: "Member's date format" },
  { value: 'RELATIVE', label: 'Relative (3 days ago)' },
  { value: 'CUSTOM', label: 'Custom format' },
] as const;
const CURRENCY_FORMATS = [
  { value: 'short', label: 'Short (1.2k)' },
  { value: 'full', label: 'Full (1,200.00)' },
] as const;
/** The currencies admins pick most; any ISO 4217 code typed in is kept as is. */
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'CNY', 'INR', 'BRL', 'SEK'];
const CLICK_ACTIONS = [
  { value: '', label: 'Default' },
  { value: 'COPY', label: 'Copy' },
  { value: 'OPEN_LINK', label: 'Open link' },
] as const;
const ADDRESS_PARTS = [
  ['addressStreet1', 'Address 1'],
  ['addressStreet2', 'Address 2'],
  ['addressCity', 'City'],
  ['addressState', 'State'],
  ['addressCountry', 'Country'],
  ['addressPostcode', 'Post code'],
] as const;

export const FieldSettings = ({ field, onChange, errorsFor }: Props) => {
  const settings = field.settings ?? {};
  const set = (patch: Record<string, unknown>) => {
    const next = { ...settings, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange({ settings: Object.keys(next).length > 0 ? next : null });
  };

  switch (field.type) {
    case 'TEXT':
      return (
        <>
          <SelectInput
            label="Wrap on record pages"
            value={String(settings.displayedMaxRows ?? 0)}
            options={TEXT_ROWS}
            onChange={(value) => set({ displayedMaxRows: Number(value) })}
          />
          <TextInput
            label="Default value"
            value={unquote(field.defaultValue)}
            onChange={(value) => onChange({ defaultValue: value ? quote(value) : null })}
          />
        </>
      );
    case 'NUMBER': {
      const kind = (settings.type as string) ?? 'number';
      return (
        <>
          <SelectInput
            label="Format"
            value={kind as (typeof NUMBER_TYPES)[number]['value']}
            options={NUMBER_TYPES}
            onChange={(value) =>
              set({
                type: value,
                decimals: value === 'shortNumber' ? undefined : settings.decimals,
              })
            }
          />
          {kind !== 'shortNumber' && (
            <NumberInput
              label="Decimals"
              min={0}
              max={100}
              value={(settings.decimals as number | undefined) ?? null}
              onChange={(value) => set({ decimals: value ?? undefined })}
              errors={errorsFor('settings.decimals')}
            />
          )}
          <NumberInput
            label="Default value"
            step={0.01}
            value={typeof field.defaultValue === 'number' ? field.defaultValue : null}
            onChange={(value) => onChange({ defaultValue: value })}
          />
        </>
      );
    }
    case 'DATE':
    case 'DATE_TIME':
      return (
        <>
          <SelectInput
            label="Display"
            value={((settings.displayFormat as string) ?? 'USER_SETTINGS') as 'CUSTOM'}
            options={DATE_FORMATS}
            onChange={(value) =>
              set({
                displayFormat: value,
                customUnicodeDateFormat:
                  value === 'CUSTOM' ? (settings.customUnicodeDateFormat ?? 'd-MMM-y') : undefined,
              })
            }
          />
          {settings.displayFormat === 'CUSTOM' && (
            <TextInput
              label="Date format"
              hint="Unicode pattern, e.g. d-MMM-y (qqq''yy)"
              value={String(settings.customUnicodeDateFormat ?? '')}
              onChange={(value) => set({ customUnicodeDateFormat: value })}
              errors={errorsFor('settings.customUnicodeDateFormat')}
            />
          )}
          <Checkbox
            label="Default to now"
            checked={field.defaultValue === 'now'}
            onChange={(checked) => onChange({ defaultValue: checked ? 'now' : null })}
          />
        </>
      );
    case 'CURRENCY': {
      const format = (settings.format as string) ?? 'short';
      const current = field.defaultValue as { currencyCode?: string } | null;
      return (
        <>
          <SelectInput
            label="Format"
            value={format as 'short'}
            options={CURRENCY_FORMATS}
            onChange={(value) =>
              set({ format: value, decimals: value === 'full' ? settings.decimals : undefined })
            }
          />
          {format === 'full' && (
            <NumberInput
              label="Decimals"
              min={0}
              max={5}
              value={(settings.decimals as number | undefined) ?? null}
              onChange={(value) => set({ decimals: value ?? undefined })}
              errors={errorsFor('settings.decimals')}
            />
          )}
          <SelectInput
            label="Default currency"
            value={unquote(current?.currencyCode) || ''}
            options={[
              { value: '', label: 'None' },
              ...CURRENCIES.map((code) => ({ value: code, label: code })),
            ]}
            onChange={(code) =>
              onChange({
                defaultValue: code ? { amountMicros: null, currencyCode: quote(code) } : null,
              })
            }
          />
        </>
      );
    }
    case 'EMAILS':
    case 'LINKS':
    case 'PHONES':
    case 'ARRAY':
    case 'FILES':
      return (
        <>
          <NumberInput
            label="Maximum number of values"
            min={1}
            max={field.type === 'FILES' ? 10 : undefined}
            value={(settings.maxNumberOfValues as number | undefined) ?? null}
            onChange={(value) => set({ maxNumberOfValues: value ?? undefined })}
            errors={errorsFor('settings.maxNumberOfValues')}
            hint={field.type === 'FILES' ? 'Required, 1 to 10' : 'Empty: no limit'}
          />
          {(field.type === 'EMAILS' || field.type === 'LINKS') && (
            <SelectInput
              label="On click"
              value={((settings.clickAction as string) ?? '') as ''}
              options={CLICK_ACTIONS}
              onChange={(value) => set({ clickAction: value || undefined })}
            />
          )}
        </>
      );
    case 'ADDRESS': {
      const parts =
        (settings.subFields as string[] | undefined) ?? ADDRESS_PARTS.map(([key]) => key);
      return (
        <fieldset className="checks">
          <legend>Parts shown</legend>
          {ADDRESS_PARTS.map(([key, label]) => (
            <Checkbox
              key={key}
              label={label}
              checked={parts.includes(key)}
              onChange={(checked) =>
                set({
                  subFields: checked ? [...parts, key] : parts.filter((part) => part !== key),
                })
              }
            />
          ))}
        </fieldset>
      );
    }
    case 'BOOLEAN':
      return (
        <SelectInput
          label="Default value"
          value={field.defaultValue === null ? '' : String(field.defaultValue)}
          options={[
            { value: '', label: 'None' },
            { value: 'true', label: 'True' },
            { value: 'false', label: 'False' },
          ]}
          onChange={(value) => onChange({ defaultValue: value === '' ? null : value === 'true' })}
        />
      );
    case 'RATING':
      return (
        <SelectInput
          label="Default rating"
          value={unquote(field.defaultValue)}
          options={[
            { value: '', label: 'None' },
            ...[1, 2, 3, 4, 5].map((n) => ({ value: `RATING_${n}`, label: '★'.repeat(n) })),
          ]}
          onChange={(value) => onChange({ defaultValue: value ? quote(value) : null })}
          hint="Twenty rates from 1 to 5 stars"
        />
      );
    default:
      return null;
  }
};
