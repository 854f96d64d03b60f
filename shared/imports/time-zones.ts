/**
 * Wall-clock times of a zone to UTC instants, with the runtime's time-zone data (Intl), cached
 * per quarter hour: offsets change on quarter-hour UTC instants (every modern zone), so one
 * formatToParts per 15 minutes of the file's dates is enough. Times that do not exist (spring
 * forward) move forward; times that occur twice (fall back) take the earlier instant — Temporal's
 * "compatible" choice.
 */
const QUARTER_HOUR = 900_000;
const CACHE_LIMIT = 100_000;

export type ToUtc = (wallMs: number) => number;

/** Date.UTC without its 0–99 → 1900–1999 year mapping. */
export const utcMs = (
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number => {
  const value = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (year >= 100) return value;
  const date = new Date(value);
  date.setUTCFullYear(year);
  return date.getTime();
};

const makeOffsetAt = (zone: string) => {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    era: 'short',
  });
  const offsets = new Map<number, number>();
  return (instant: number): number => {
    const bucket = Math.floor(instant / QUARTER_HOUR);
    const known = offsets.get(bucket);
    if (known !== undefined) return known;
    const start = bucket * QUARTER_HOUR;
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(start)) parts[part.type] = part.value;
    const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
    const wall = utcMs(
      year,
      Number(parts.month),
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    const offset = wall - start;
    if (offsets.size >= CACHE_LIMIT) offsets.clear();
    offsets.set(bucket, offset);
    return offset;
  };
};

const pad2 = (value: number): string => (value < 10 ? `0${value}` : `${value}`);
const pad3 = (value: number): string =>
  value < 10 ? `00${value}` : value < 100 ? `0${value}` : `${value}`;
const DAY = 86_400_000;

/**
 * `new Date(ms).toISOString()` for years 1–9999 without a Date (it costs about a microsecond a
 * call, too much on a million rows): days → civil date by H. Hinnant's algorithm.
 */
export const isoString = (ms: number): string => {
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) return new Date(ms).toISOString();
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  const y = year < 1000 ? `000${year}`.slice(-4) : `${year}`;
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(millis)}Z`;
};

const converters = new Map<string, ToUtc>();

/** A converter from wall-clock milliseconds (as if UTC) in `zone` to the UTC instant. */
export const zoneToUtc = (zone: string): ToUtc => {
  const known = converters.get(zone);
  if (known) return known;
  let convert: ToUtc;
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT') convert = (wall) => wall;
  else {
    const offsetAt = makeOffsetAt(zone);
    convert = (wall) => {
      const first = offsetAt(wall);
      let utc = wall - first;
      const second = offsetAt(utc);
      if (second !== first) {
        // Near a transition: retry with the offset found; in a gap this moves forward.
        utc = wall - second;
      }
      const offset = offsetAt(utc);
      const before = offsetAt(utc - 6 * 3_600_000);
      if (before !== offset) {
        const earlier = wall - before;
        if (earlier < utc && offsetAt(earlier) === before) return earlier;
      }
      return utc;
    };
  }
  converters.set(zone, convert);
  return convert;
};
