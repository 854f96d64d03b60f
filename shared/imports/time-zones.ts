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

/**
 * `format(instant)` reads "1/2/2024 AD, 13:45:00" (en-US, h23, short era): its fields, or null
 * when the text is not in that shape (then formatToParts, ten times slower, reads it).
 */
const WALL_TEXT = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

const wallOf = (format: Intl.DateTimeFormat, instant: number): number => {
  const match = WALL_TEXT.exec(format.format(instant));
  if (match) {
    const year = match[4] === 'BC' ? 1 - Number(match[3]) : Number(match[3]);
    return utcMs(
      year,
      Number(match[1]),
      Number(match[2]),
      Number(match[5]),
      Number(match[6]),
      Number(match[7]),
    );
  }
  return wallOfParts(format, instant);
};

const wallOfParts = (format: Intl.DateTimeFormat, instant: number): number => {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  return utcMs(
    year,
    Number(parts.month),
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
};

const formatOf = (zone: string) =>
  new Intl.DateTimeFormat('en-US', {
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

/** Only for tests: a zone's offset (ms) at an instant, from the formatted text and from its parts. */
export const offsetReadings = (zone: string, instant: number): [number, number] => {
  const format = formatOf(zone);
  return [wallOf(format, instant) - instant, wallOfParts(format, instant) - instant];
};

const makeOffsetAt = (zone: string) => {
  const format = formatOf(zone);
  const offsets = new Map<number, number>();
  return (instant: number): number => {
    const bucket = Math.floor(instant / QUARTER_HOUR);
    const known = offsets.get(bucket);
    if (known !== undefined) return known;
    const start = bucket * QUARTER_HOUR;
    const offset = wallOf(format, start) - start;
    if (offsets.size >= CACHE_LIMIT) offsets.clear();
    offsets.set(bucket, offset);
    return offset;
  };
};

const pad2 = (value: number): string => (value < 10 ? `0${value}` : `${value}`);
const pad3 = (value: number): string =>
  value < 10 ? `00${value}` : value < 100 ? `0${value}` : `${value}`;
const DAY = 86_400_000;

/** 'YYYY-MM-DDT' of a day (days since 1970-01-01), or null outside years 1–9999. */
const dayPrefix = (days: number): string | null => {
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
  if (year < 1 || year > 9999) return null;
  const y = year < 1000 ? `000${year}`.slice(-4) : `${year}`;
  return `${y}-${pad2(month)}-${pad2(day)}T`;
};

/** Days seen recently → their prefix: the dates of a file fall on a few thousand days. */
const prefixes = new Map<number, string>();

/**
 * `new Date(ms).toISOString()` for years 1–9999 without a Date (it costs about a microsecond a
 * call, too much on a million rows): days → civil date by H. Hinnant's algorithm, remembered
 * per day.
 */
export const isoString = (ms: number): string => {
  const days = Math.floor(ms / DAY);
  let prefix = prefixes.get(days);
  if (prefix === undefined) {
    const computed = dayPrefix(days);
    if (computed === null) return new Date(ms).toISOString();
    if (prefixes.size >= 20_000) prefixes.clear();
    prefixes.set(days, (prefix = computed));
  }
  let rest = ms - days * DAY;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  return `${prefix}${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(millis)}Z`;
};

const converters = new Map<string, ToUtc>();

/**
 * Whether the offsets toUtc can read for wall times of the bucket starting at `start` are whole
 * quarter hours: at the bucket, and at the buckets its candidate instants fall in.
 */
const isAligned = (offsetAt: (instant: number) => number, start: number): boolean => {
  const aligned = (offset: number) => offset % QUARTER_HOUR === 0;
  const first = offsetAt(start);
  if (!aligned(first)) return false;
  const second = offsetAt(start - first);
  if (!aligned(second)) return false;
  const utc = start - second;
  return aligned(offsetAt(utc)) && aligned(offsetAt(utc - 6 * 3_600_000));
};

/**
 * Wall time → UTC with the zone's offsets (one formatted date per quarter hour, remembered):
 * near a transition it retries with the offset found (a gap moves forward) and takes the
 * earlier of two instants of a doubled hour.
 */
const makeToUtc =
  (offsetAt: (instant: number) => number): ToUtc =>
  (wall) => {
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

/** Only for tests: the converter without its per-bucket memory. */
export const zoneToUtcUncached = (zone: string): ToUtc => makeToUtc(makeOffsetAt(zone));

/** A converter from wall-clock milliseconds (as if UTC) in `zone` to the UTC instant. */
export const zoneToUtc = (zone: string): ToUtc => {
  const known = converters.get(zone);
  if (known) return known;
  let convert: ToUtc;
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT') convert = (wall) => wall;
  else {
    const offsetAt = makeOffsetAt(zone);
    const toUtc = makeToUtc(offsetAt);
    /**
     * When every offset involved is a whole number of quarter hours, each instant toUtc looks
     * at lies in a bucket fixed by the wall time's bucket, so every wall time of that bucket
     * takes the same branches and the same offset: remembered per bucket (one lookup a row).
     */
    const shifts = new Map<number, number>();
    convert = (wall) => {
      const bucket = Math.floor(wall / QUARTER_HOUR);
      const known = shifts.get(bucket);
      if (known !== undefined) return wall - known;
      const utc = toUtc(wall);
      const start = bucket * QUARTER_HOUR;
      if (isAligned(offsetAt, start) && toUtc(start) - start === utc - wall) {
        if (shifts.size >= CACHE_LIMIT) shifts.clear();
        shifts.set(bucket, wall - utc);
      }
      return utc;
    };
  }
  converters.set(zone, convert);
  return convert;
};
