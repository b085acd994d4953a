/**
 * Strict date readers for the two date formats feeds use. `Date.parse` alone is too lenient
 * (it accepts "2024-02-31" and rolls it over to March), so both formats are matched field by
 * field and range-checked first.
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Reads an RFC 3339 timestamp (Atom, JSON Feed); `undefined` when `text` is not one. */
export function parseRfc3339(text: string): Date | undefined {
  const m = RFC3339.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  const fraction = m[7] ? Number(m[7]) : 0;
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (m[10] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return undefined;
  return utc(year, month, day, hour, minute, second, fraction, offset);
}

/** A W3C-DTF date (https://www.w3.org/TR/NOTE-datetime): a year, a month, a day, or a time on a day with minutes at least and a zone. */
const W3CDTF_PARTS = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/**
 * Reads a W3C-DTF date (Dublin Core `dc:date` in RSS 1.0 and RSS 2.0): a year or a month is its
 * first day, a day its start, in UTC; `undefined` when `text`, trimmed, is not one or names no
 * real day (`2024-02-30`).
 */
export function parseW3cdtf(text: string): Date | undefined {
  const m = W3CDTF_PARTS.exec(text.trim());
  if (!m) return undefined;
  const [, year, month = '01', day = '01', minutes, seconds = ':00', zone] = m;
  return parseRfc3339(`${year}-${month}-${day}T${minutes ?? '00:00'}${seconds}${zone ?? 'Z'}`);
}

/** RFC 4287 §3.3: an RFC 3339 date-time with an upper-case `T` and `Z` and no space (RFC 3339's own note allows them; Atom does not). */
const ATOM_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Reads an Atom date (RFC 4287 §3.3); `undefined` when `text`, trimmed, is not one. */
export function parseAtomDate(text: string): Date | undefined {
  const usual = usualAtomDate(text);
  if (usual !== undefined) return usual;
  const value = text.trim();
  return ATOM_DATE.test(value) ? parseRfc3339(value) : undefined;
}

/**
 * The usual Atom date, `2024-03-01T10:00:00Z` or with milliseconds (`10:00:00.250Z`), read from its
 * character codes (feeds have thousands of dates; the regular expressions' match arrays and
 * substrings were most of their cost). `undefined` for any other text, valid or not, and for a
 * day or time out of range: {@link parseAtomDate} reads those as before, so the result is the same.
 */
function usualAtomDate(text: string): Date | undefined {
  const length = text.length;
  if ((length !== 20 && length !== 24) || text.charCodeAt(length - 1) !== 0x5a /* Z */) return undefined;
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54 || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let fraction = 0;
  if (length === 24) {
    const milliseconds = digits(text, 20, 3);
    if (text.charCodeAt(19) !== 0x2e || milliseconds < 0) return undefined;
    // The same number parseRfc3339 computes from the same digits.
    if (milliseconds !== 0) fraction = Number(text.slice(19, 23));
  }
  return utc(year, month, day, hour, minute, second, fraction, 0);
}

/**
 * The time of an instant as `toISOString()` writes it (`2024-03-01T10:00:00.000Z`), read from its
 * character codes, when it names a real moment (no leap second): `new Date(text).getTime()` then
 * gives the same. `undefined` for any other text.
 */
export function usualIsoTime(text: string): number | undefined {
  if (text.length !== 24 || text.charCodeAt(17) > 0x35 /* seconds from 60 */) return undefined;
  return usualAtomDate(text)?.getTime();
}

/** The number written with `count` ASCII digits at `at`; -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** A date that was read, and what is wrong with how it is written. */
export interface DateCheck {
  /** The date, when it could be read. */
  date?: Date;
  /** What is wrong: `error` when it breaks the format, `warning` when readers may misread it. */
  problem?: { severity: 'error' | 'warning'; message: string };
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** RFC 2822 §3.3 as RSS readers expect it: weekday optional, four-digit year, a numeric or named zone. */
const RFC2822_STRICT =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d\d? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d(?::\d\d)? (?:[+-]?\d\d[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$/;
/** The date and time of an RFC 822 date as written (any case, white space, two-digit years), lower-cased. */
const RFC822_DATE_TIME =
  '^(?:(?:mon|tue|wed|thu|fri|sat|sun)\\s*,\\s*)?\\d\\d?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\s+\\d\\d(?:\\d\\d)?\\s+\\d\\d:\\d\\d(?::\\d\\d)?';
/** The zones of RFC 822, lower-cased: numeric with a sign, named, or military. */
const RFC822_ZONE = '(?:[+-]\\d{4}|ut|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|[a-ik-z])';
/** RFC 822 as written (any case, two-digit years, military zones): readable, but not by every reader. A zone is required, after white space. */
const RFC822_LOOSE = new RegExp(`${RFC822_DATE_TIME}\\s+${RFC822_ZONE}$`);
/** An RFC 822 date whose time has no zone after it: its moment is unknown. */
const RFC822_NO_ZONE = new RegExp(`${RFC822_DATE_TIME}$`);
/** An RFC 822 date with its zone written against the time (`10:00:00Z`, `10:00:00+0100`). */
const RFC822_GLUED_ZONE = new RegExp(`${RFC822_DATE_TIME}${RFC822_ZONE}$`);
const RFC822_EXAMPLE = 'such as "Fri, 01 Mar 2024 10:00:00 GMT"';

/**
 * Checks an RSS date (RFC 822 with four-digit years, as the RSS Advisory Board profile reads it):
 * the strict RFC 2822 form is valid unless its weekday is wrong; RFC 822 forms that readers often
 * misread (lower case, two-digit years, military zones, comments) are a warning; anything else is an error.
 */
export function checkRfc822(text: string): DateCheck {
  const value = text.trim();
  const usual = usualRfc822(value);
  if (usual !== undefined) return { date: usual };
  if (RFC2822_STRICT.test(value)) {
    const date = parseRfc822(value);
    if (!date) return { problem: { severity: 'error', message: `expected an RFC 822 date ${RFC822_EXAMPLE}, found ${JSON.stringify(value)} (no such day or time)` } };
    const weekday = /^([A-Za-z]{3}),/.exec(value)?.[1];
    if (weekday !== undefined && DAYS[weekdayOf(value, date)] !== weekday.toLowerCase()) {
      return {
        date,
        problem: { severity: 'error', message: `the weekday is wrong: ${JSON.stringify(value)} is a ${DAYS[weekdayOf(value, date)]!.replace(/^./, (c) => c.toUpperCase())}` },
      };
    }
    // The W3C validator accepts a zone without its sign; RFC 2822 does not, and JavaScript's Date.parse ignores it (reading the local time).
    if (/ \d{4}$/.test(value)) {
      return { date, problem: { severity: 'warning', message: `the zone of ${JSON.stringify(value)} has no sign, which some readers ignore (write +${value.slice(-4)})` } };
    }
    return { date };
  }
  let stripped = value.replace(/\\./g, '');
  for (let previous = ''; previous !== stripped; ) [previous, stripped] = [stripped, stripped.replace(/\([^()]*\)/g, ' ')];
  const lower = stripped.trim().toLowerCase();
  if (RFC822_LOOSE.test(lower)) {
    const date = parseRfc822(stripped.trim());
    return {
      ...(date ? { date } : {}),
      problem: { severity: 'warning', message: `an RFC 822 date that readers may misread: ${JSON.stringify(value)} (write it ${RFC822_EXAMPLE})` },
    };
  }
  // Read as UT when the zone is missing (as the reader of loose dates does), never in the local zone.
  const date = RFC822_NO_ZONE.test(lower) ? parseRfc822(stripped.trim()) : new Date(value);
  const hint = RFC822_NO_ZONE.test(lower) ? ' (no time zone after the time)' : RFC822_GLUED_ZONE.test(lower) ? ' (a space must come between the time and its zone)' : '';
  return {
    ...(date && Number.isFinite(date.getTime()) ? { date } : {}),
    problem: { severity: 'error', message: `expected an RFC 822 date ${RFC822_EXAMPLE}, found ${JSON.stringify(value)}${hint}` },
  };
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/**
 * The usual RSS date, `Fri, 01 Mar 2024 10:00:00 GMT` or with a numeric zone (`+0100`), read from
 * its character codes when it is valid, its weekday right included. `undefined` for any other
 * text, and for a wrong day, time, zone or weekday: {@link checkRfc822} reads those as before,
 * with its regular expressions, and says what is wrong. Every text read here matches
 * `RFC2822_STRICT` and gives the date `parseRfc822` gives.
 */
function usualRfc822(value: string): Date | undefined {
  const length = value.length;
  if (length !== 29 && length !== 31) return undefined;
  if (value.charCodeAt(3) !== 0x2c || value.charCodeAt(4) !== 0x20 || value.charCodeAt(7) !== 0x20 || value.charCodeAt(11) !== 0x20 || value.charCodeAt(16) !== 0x20)
    return undefined;
  if (value.charCodeAt(19) !== 0x3a || value.charCodeAt(22) !== 0x3a || value.charCodeAt(25) !== 0x20) return undefined;
  let offset = 0;
  if (length === 29) {
    if (!value.endsWith('GMT')) return undefined;
  } else {
    const sign = value.charCodeAt(26);
    const hours = digits(value, 27, 2);
    const tens = value.charCodeAt(29);
    // RFC2822_STRICT: a zone's minutes are 00 or 30.
    if ((sign !== 0x2b && sign !== 0x2d) || hours < 0 || hours > 23 || (tens !== 0x30 && tens !== 0x33) || value.charCodeAt(30) !== 0x30) return undefined;
    offset = (sign === 0x2d ? -1 : 1) * (hours * 60 + (tens - 0x30) * 10);
  }
  const day = digits(value, 5, 2);
  const year = digits(value, 12, 4);
  const hour = digits(value, 17, 2);
  const minute = digits(value, 20, 2);
  const second = digits(value, 23, 2);
  // Years 0-99 are left to the general reader (Date.UTC would take them for 1900-1999).
  if (day < 0 || year < 100 || hour < 0 || minute < 0 || second < 0) return undefined;
  let month = 0;
  while (month < 12 && !value.startsWith(MONTH_NAMES[month]!, 8)) month++;
  if (month === 12) return undefined;
  const date = utc(year, month + 1, day, hour, minute, second, 0, offset);
  if (date === undefined) return undefined;
  // The weekday of the calendar day as written (1970-01-01 was a Thursday).
  const weekday = ((Math.floor(Date.UTC(year, month, day) / DAY_MS) % 7) + 11) % 7;
  return value.startsWith(WEEKDAY_NAMES[weekday]!) ? date : undefined;
}

/** The weekday (0 = Sunday) of the calendar day as written, not of the UTC instant. */
function weekdayOf(value: string, date: Date): number {
  const m = /(\d\d?) ([A-Za-z]{3}) (\d{4})/.exec(value);
  if (!m) return date.getUTCDay();
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999 (year 50 would be 1950).
  const day = new Date(0);
  day.setUTCFullYear(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()), Number(m[1]));
  return day.getUTCDay();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/**
 * RFC 822 §5.1 military zones (A–I, K–M east, N–Y west). RFC 1123 notes their signs were
 * published backwards and says to read them as zero offset; that is what readers do.
 */
const MILITARY_ZONE = /^[A-IK-Z]$/i;

const RFC822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?(?:\s+([A-Za-z]{1,3}|[+-]?\d{4}))?$/;

/** Reads an RFC 822 / RFC 1123 date (RSS `pubDate`, `lastBuildDate`); `undefined` when `text` is not one. */
export function parseRfc822(text: string): Date | undefined {
  const trimmed = text.trim();
  // Runs of white space, or white space other than a space, read as one space.
  const m = RFC822.exec(/[^\S ]|\s\s/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  let year = Number(m[3]);
  // RFC 822 has two-digit years; RFC 2822 reads 00–49 as 20xx and 50–99 as 19xx.
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const zone = m[7] ?? 'UT';
  let offset: number;
  if (MILITARY_ZONE.test(zone)) offset = 0;
  else if (/^[+-]?\d{4}$/.test(zone)) {
    // A zone without its sign (0000, 0530) is read east of Greenwich, as Python's parsedate reads it.
    const hours = Number(zone.slice(-4, -2));
    const minutes = Number(zone.slice(-2));
    if (hours > 23 || minutes > 59) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  } else {
    const known = ZONES[zone.toUpperCase()];
    if (known === undefined) return undefined;
    offset = known;
  }
  return utc(year, month, Number(m[1]), Number(m[4]), Number(m[5]), m[6] ? Number(m[6]) : 0, 0, offset);
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: number, offsetMinutes: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // A leap second (:60) cannot be represented; it is read as the last moment of the minute.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const milliseconds = second === 60 ? 999 : Math.floor(fraction * 1000);
  let local: number;
  // Date.UTC takes years 0-99 for 1900-1999: those years are set on a Date instead.
  if (year >= 100) local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), milliseconds);
  else {
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, Math.min(second, 59), milliseconds);
    local = date.getTime();
  }
  const time = local - offsetMinutes * 60_000;
  return Number.isFinite(time) ? new Date(time) : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A date as an ISO 8601 string to the second (`2024-03-01T10:00:00Z`): the precision feeds are compared at. */
export function isoSecond(date: Date): string {
  const time = date.getTime();
  if (!Number.isFinite(time)) return 'Invalid Date';
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `true` when two dates fall in the same second. */
export function sameSecond(a: Date, b: Date): boolean {
  return Math.floor(a.getTime() / 1000) === Math.floor(b.getTime() / 1000);
}
