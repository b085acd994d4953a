/**
 * Strict date parsing for seeds: ISO 8601 / RFC 3339 only, with real calendar checks
 * (`2024-13-45` is an error, not a silently rolled-over date). A date without a time zone is
 * read in the configured IANA time zone (UTC by default).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?)?$/;

/** The result of reading a date: the instant, or why it is not one. */
export type DateParse = { ok: true; date: Date; hadZone: boolean } | { ok: false; reason: string };

/** Parses an ISO 8601 date or date-time; `timeZone` (IANA name) applies when the value has no offset. */
export function parseIsoDate(value: string, timeZone = 'UTC'): DateParse {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return { ok: false, reason: `"${value}" is not an ISO 8601 date (expected e.g. 2024-10-21 or 2024-10-21T08:30:00+03:00)` };
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = hs === undefined ? 0 : Number(hs);
  const minute = mis === undefined ? 0 : Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12) return { ok: false, reason: `"${value}" has month ${month}; months run from 01 to 12` };
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim) return { ok: false, reason: `"${value}" has day ${day}; ${year}-${String(month).padStart(2, '0')} has ${dim} days` };
  if (hour > 23 || minute > 59 || second > 60) return { ok: false, reason: `"${value}" has an impossible time of day` };
  const wall = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  if (zone !== undefined) {
    const offset = zone === 'Z' || zone === 'z' ? 0 : parseOffset(zone);
    if (offset === null) return { ok: false, reason: `"${value}" has an impossible UTC offset ${zone}` };
    return checked(new Date(wall - offset * 60_000), value, true);
  }
  return checked(new Date(wall - zoneOffsetMinutes(wall, timeZone) * 60_000), value, false);
}

function checked(date: Date, value: string, hadZone: boolean): DateParse {
  if (Number.isNaN(date.getTime())) return { ok: false, reason: `"${value}" is out of range` };
  return { ok: true, date, hadZone };
}

function parseOffset(zone: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return null;
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 23 || min > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Offset in minutes of `timeZone` at the wall-clock time `wallMs` (interpreted as if UTC).
 * Uses Intl, so it follows the tz database, daylight saving included.
 */
export function zoneOffsetMinutes(wallMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const fmt = formatterFor(timeZone);
  // Two passes converge for all real zones (the offset at the guessed instant, then at the corrected one).
  let offset = offsetAt(fmt, wallMs);
  offset = offsetAt(fmt, wallMs - offset * 60_000);
  return offset;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

function offsetAt(fmt: Intl.DateTimeFormat, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(instantMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** `true` when `timeZone` is an IANA zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

/** Month number (1–12) for an English month name or abbreviation ("Nov.", "November"), else `undefined`. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** The month-name alternation used by dateline patterns. */
export const MONTH_PATTERN = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
