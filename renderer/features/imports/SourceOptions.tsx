import {
  SOURCE_ENCODING_NAMES,
  type SourceInfoRead,
  type SourceOptionsInput,
} from '../../../shared/contract';
import type { DraftFile } from './draft';
import { HeaderRowInput } from './HeaderRowInput';
import { useWizard } from './wizard-store';

const CONFIDENCE: Record<string, string> = {
  bom: 'byte-order mark',
  'valid-utf8': 'valid UTF-8',
  guess: 'a guess',
  chosen: 'chosen',
  detected: 'detected',
  default: 'default',
};

const DELIMITERS: Array<{ value: string; label: string }> = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];

const delimiterName = (delimiter: string | null) =>
  DELIMITERS.find((option) => option.value === delimiter)?.label ?? `“${delimiter ?? ''}”`;

/** Without a key whose value is undefined, so the inspection's query key stays stable. */
const patched = (source: SourceOptionsInput, patch: Partial<SourceOptionsInput>) => {
  const next: Record<string, unknown> = { ...source, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as SourceOptionsInput;
};

/**
 * How main reads the file: what it detected and a way to choose otherwise (encoding, delimiter
 * for CSV; sheet for XLSX, hidden sheets marked; the header row for both).
 */
export const SourceOptions = (props: {
  file: DraftFile;
  info: SourceInfoRead;
  disabled: boolean;
}) => {
  const { file, info, disabled } = props;
  const setSource = useWizard((state) => state.actions.setSource);
  const change = (patch: Partial<SourceOptionsInput>) =>
    setSource(file.key, patched(file.source, patch));
  const csv = info.kind === 'csv';

  return (
    <div className="source-options" role="group" aria-label="How to read the file">
      {csv && (
        <label className="inline-field">
          Encoding
          <select
            value={file.source.encoding ?? ''}
            disabled={disabled}
            onChange={(event) =>
              change({
                encoding: (event.target.value || undefined) as SourceOptionsInput['encoding'],
              })
            }
          >
            <option value="">
              Detected: {info.encoding ?? '—'}
              {info.encodingConfidence && info.encodingConfidence !== 'chosen'
                ? ` (${CONFIDENCE[info.encodingConfidence]})`
                : ''}
            </option>
            {SOURCE_ENCODING_NAMES.map((encoding) => (
              <option key={encoding} value={encoding}>
                {encoding}
              </option>
            ))}
          </select>
        </label>
      )}
      {csv && (
        <label className="inline-field">
          Delimiter
          <select
            value={file.source.delimiter ?? ''}
            disabled={disabled}
            onChange={(event) => change({ delimiter: event.target.value || undefined })}
          >
            <option value="">
              Detected: {delimiterName(info.delimiter)}
              {info.delimiterConfidence === 'default' ? ' (default)' : ''}
            </option>
            {DELIMITERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {!csv && (
        <label className="inline-field">
          Sheet
          <select
            value={file.source.sheet ?? info.sheet ?? ''}
            disabled={disabled}
            onChange={(event) => change({ sheet: event.target.value || undefined })}
          >
            {info.sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
                {info.hiddenSheets.includes(sheet) ? ' (hidden)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <HeaderRowInput
        value={file.source.headerRow ?? info.headerRow}
        disabled={disabled}
        onChange={(headerRow) => change({ headerRow })}
      />
      <span className="meta source-detected">
        {info.headers.length} columns named by row {info.headerRow}
        {!csv && info.hiddenSheets.length > 0
          ? ` · ${info.hiddenSheets.length} hidden sheet(s)`
          : ''}
      </span>
    </div>
  );
};
