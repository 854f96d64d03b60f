import { Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { VERIFICATION_STATUSES, type Receiver } from '../../../shared/contract';
import { VERIFICATION_LABELS } from './format';
import {
  activeFilterCount,
  TIME_RANGE_LABELS,
  TIME_RANGES,
  type LogFilter,
  type TimeRange,
} from './log-filter';

/** Typed filters go to main once the admin pauses this long. */
const TYPING_PAUSE_MS = 300;

/**
 * Text the admin types, handed on once they pause (or press Enter): the log is read again per
 * change, not per keystroke. Follows the outside value when it changes there (a reset).
 */
const useTypedText = (value: string, onChange: (value: string) => void) => {
  const [text, setText] = useState(value);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => latest.current(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);
  return { text, setText, commit: () => latest.current(text) };
};

const SearchBox = (props: { value: string; onChange: (value: string) => void }) => {
  const { text, setText, commit } = useTypedText(props.value, props.onChange);
  return (
    <label className="search log-search">
      <Search size={14} aria-hidden />
      <input
        type="search"
        aria-label="Search deliveries"
        placeholder="Search payloads, ids, headers…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
};

const TextFilter = (props: {
  label: string;
  value: string;
  placeholder: string;
  options?: string[];
  onChange: (value: string) => void;
}) => {
  const listId = `filter-${props.label.replace(/\W/g, '-').toLowerCase()}`;
  const { text, setText, commit } = useTypedText(props.value, props.onChange);
  return (
    <label className="filter">
      <span>{props.label}</span>
      <input
        value={text}
        placeholder={props.placeholder}
        list={props.options ? listId : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {props.options && (
        <datalist id={listId}>
          {props.options.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      )}
    </label>
  );
};

/**
 * Search (full text, in main) and the filters: receiver, event, object, record, time range,
 * signature status. Event and object names are offered from what the log shows.
 */
export const DeliveryFilters = (props: {
  filter: LogFilter;
  receivers: Receiver[];
  eventNames: string[];
  objectNames: string[];
  onChange: (patch: Partial<LogFilter>) => void;
  onReset: () => void;
}) => {
  const { filter, onChange } = props;
  const toggleStatus = (status: (typeof VERIFICATION_STATUSES)[number]) =>
    onChange({
      verification: filter.verification.includes(status)
        ? filter.verification.filter((item) => item !== status)
        : [...filter.verification, status],
    });
  const narrowed = activeFilterCount(filter) > 0 || filter.search !== '';

  return (
    <div className="log-filters" role="search" aria-label="Filter deliveries">
      <SearchBox value={filter.search} onChange={(search) => onChange({ search })} />
      <label className="filter">
        <span>Receiver</span>
        <select
          value={filter.receiverId ?? ''}
          onChange={(event) => onChange({ receiverId: event.target.value || null })}
        >
          <option value="">All receivers</option>
          {props.receivers.map((receiver) => (
            <option key={receiver.id} value={receiver.id}>
              {receiver.name}
            </option>
          ))}
        </select>
      </label>
      <TextFilter
        label="Event"
        value={filter.eventName}
        placeholder="person.created"
        options={props.eventNames}
        onChange={(eventName) => onChange({ eventName })}
      />
      <TextFilter
        label="Object"
        value={filter.objectName}
        placeholder="company"
        options={props.objectNames}
        onChange={(objectName) => onChange({ objectName })}
      />
      <TextFilter
        label="Record id"
        value={filter.recordId}
        placeholder="uuid"
        onChange={(recordId) => onChange({ recordId })}
      />
      <label className="filter">
        <span>Time</span>
        <select
          value={filter.range}
          onChange={(event) => onChange({ range: event.target.value as TimeRange })}
        >
          {TIME_RANGES.map((range) => (
            <option key={range} value={range}>
              {TIME_RANGE_LABELS[range]}
            </option>
          ))}
        </select>
      </label>
      {filter.range === 'custom' && (
        <>
          <label className="filter">
            <span>From</span>
            <input
              type="datetime-local"
              value={filter.customFrom}
              onChange={(event) => onChange({ customFrom: event.target.value })}
            />
          </label>
          <label className="filter">
            <span>To</span>
            <input
              type="datetime-local"
              value={filter.customTo}
              onChange={(event) => onChange({ customTo: event.target.value })}
            />
          </label>
        </>
      )}
      <div className="chips" role="group" aria-label="Signature">
        {VERIFICATION_STATUSES.map((status) => (
          <button
            key={status}
            className="chip verification"
            data-status={status}
            aria-pressed={filter.verification.includes(status)}
            onClick={() => toggleStatus(status)}
          >
            {VERIFICATION_LABELS[status]}
          </button>
        ))}
      </div>
      {narrowed && (
        <button className="btn small ghost" onClick={props.onReset}>
          <X size={13} /> Clear filters
        </button>
      )}
    </div>
  );
};
