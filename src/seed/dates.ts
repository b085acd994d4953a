/**
 * Strict date parsing for seeds: ISO 8601 / RFC 3339 only, with real calendar checks
 * (`2024-13-45` is an error, not a silently rolled-over date). A date without a time zone is
 * read in the configured IANA time zone (UTC by default).
 */

import { describeValue } from '../errors.js';

/**
 * A UTC offset after a time: `Z`, hours and minutes (`+05:30`, `+0530`), hours alone as ISO 8601 allows (`+05`), or an
 * hour of one digit as YAML 1.1's timestamps, which Jekyll reads, write it (`-5`, `+8:00`).
 */
const UTC_OFFSET = String.raw`Z|z|[+-](?:\d{2}(?::?\d{2})?|\d(?::\d{2})?)`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(${UTC_OFFSET})?)?$`);

/** The result of reading a date: the instant (and whether the value gave a time and an offset), or why it is not one. */
export type DateParse = { ok: true; date: Date; hadZone: boolean; hadTime: boolean } | { ok: false; reason: string };

/** First and last instants every feed format can write: RFC 822 and RFC 3339 dates have four-digit years. */
const EARLIEST = utcWall(0, 1, 1, 0, 0, 0, 0);
const LATEST = utcWall(9999, 12, 31, 23, 59, 59, 999);

/** Parses an ISO 8601 date or date-time; `timeZone` (IANA name) applies when the value has no offset. */
export function parseIsoDate(value: string, timeZone = 'UTC'): DateParse {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return { ok: false, reason: `${describeValue(value)} is not an ISO 8601 date (expected e.g. 2024-10-21 or 2024-10-21T08:30:00+03:00)` };
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = hs === undefined ? 0 : Number(hs);
  const minute = mis === undefined ? 0 : Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12) return { ok: false, reason: `${describeValue(value)} has month ${month}; months run from 01 to 12` };
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim)
    return { ok: false, reason: `${describeValue(value)} has day ${day}; ${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')} has ${dim} days` };
  if (hour > 23 || minute > 59 || second > 60) return { ok: false, reason: `${describeValue(value)} has an impossible time of day` };
  const wall = utcWall(year, month, day, hour, minute, Math.min(second, 59), ms);
  const hadTime = hs !== undefined;
  if (zone !== undefined) {
    const offset = zone === 'Z' || zone === 'z' ? 0 : parseOffset(zone);
    if (offset === null) return { ok: false, reason: `${describeValue(value)} has an impossible UTC offset ${zone}` };
    return checked(wall - offset * 60_000, value, true, hadTime);
  }
  return checked(wall - zoneOffsetMinutes(wall, timeZone) * 60_000, value, false, hadTime);
}

/**
 * Instants around the Unix epoch no article was published at, as feeds receive them: 0 (a date lost on
 * the way: a null or an empty field read as a number) shown in any time zone, and Unix seconds read as
 * milliseconds (`new Date(1709632800)`), which put every date up to the year 2134 within 60 days after
 * 1 January 1970. Readers would show such an item as written in 1970 (or on the last day of 1969).
 */
const EPOCH_WINDOW_START = -2 * 86_400_000;
const EPOCH_WINDOW_END = 60 * 86_400_000;

/** `true` for an instant within days before or weeks after the Unix epoch (see {@link EPOCH_WINDOW_END}): a lost or mis-scaled date, never a publication date. */
export function nearUnixEpoch(date: Date): boolean {
  const time = date.getTime();
  return time >= EPOCH_WINDOW_START && time < EPOCH_WINDOW_END;
}

/** Why a date {@link nearUnixEpoch} is refused, for `date` (an ISO 8601 instant). */
export function nearUnixEpochReason(date: Date): string {
  return `is ${date.toISOString()}, within weeks of the Unix epoch (1970-01-01): a date lost on the way (stored as 0) or Unix seconds read as milliseconds (new Date(seconds) instead of new Date(seconds * 1000)), not a publication date; give its real date`;
}

/**
 * The zero value of the date types of Go (`time.Time{}`), .NET (`DateTime.MinValue`) and Python (`datetime.min`),
 * 0001-01-01T00:00:00 UTC: what a CMS or database written in them exports for a date never set (Hugo's `.Date`).
 */
const ZERO_TIME = -62_135_596_800_000;
/** A day either side of {@link ZERO_TIME}: written without a zone, the zero time is read in the site's time zone. */
const ZERO_TIME_WINDOW = 86_400_000;

/**
 * Why `date` is a date lost on the way, never a publication date (readers would show it as written in 1970 or in
 * year 1): at or just after the Unix epoch (see {@link nearUnixEpoch}), or the zero value of a date type (see
 * {@link ZERO_TIME}). `undefined` for any other date.
 */
export function lostDateReason(date: Date): string | undefined {
  if (nearUnixEpoch(date)) return nearUnixEpochReason(date);
  if (Math.abs(date.getTime() - ZERO_TIME) <= ZERO_TIME_WINDOW)
    return `is ${date.toISOString()}, the zero value of Go's, .NET's and Python's date types (0001-01-01T00:00:00): a date never set, not a publication date; give its real date`;
  return undefined;
}

/** `true` when `date` is an instant every feed format can write (years 0000 to 9999, UTC). */
export function isFeedDate(date: Date): boolean {
  const time = date.getTime();
  return time >= EARLIEST && time <= LATEST;
}

function checked(time: number, value: string, hadZone: boolean, hadTime: boolean): DateParse {
  if (!(time >= EARLIEST && time <= LATEST)) return { ok: false, reason: `${describeValue(value)} is out of range: feeds carry dates from year 0000 to 9999 (UTC)` };
  return { ok: true, date: new Date(time), hadZone, hadTime };
}

/**
 * `reason`, a reason this module gave about `subject`, without its opening quote of `subject` (and `then`), for a
 * reason about the text `subject` was made from.
 */
function withoutSubject(reason: string, subject: string, then = ''): string {
  const opening = `${describeValue(subject)} ${then}`;
  return reason.startsWith(opening) ? reason.slice(opening.length) : reason;
}

/** Milliseconds since 1970 of a UTC wall-clock time; unlike `Date.UTC`, years 0–99 are not moved to 1900–1999. */
function utcWall(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function parseOffset(zone: string): number | null {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return null;
  const h = Number(m[2]);
  const min = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || min > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A day in milliseconds: no zone changes its offset twice within one, so the offsets a day either side are the two a change is between. */
const DAY_MS = 86_400_000;

/**
 * Offset in minutes of `timeZone` to read the wall-clock time `wallMs` (interpreted as if UTC) with: the instant is
 * `wallMs` minus it. Uses Intl, so it follows the tz database, daylight saving included. A time a change skips (02:30
 * on the day New York springs forward) is moved forward by the gap, read with the offset before it (03:30 EDT); a time
 * a change repeats (01:30 on the day New York falls back) is its first occurrence (01:30 EDT): what Temporal's
 * `compatible` disambiguation, `java.time` and most libraries do.
 */
export function zoneOffsetMinutes(wallMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const fmt = formatterFor(timeZone);
  const before = offsetAt(fmt, wallMs - DAY_MS);
  const after = offsetAt(fmt, wallMs + DAY_MS);
  // No change within a day of it (nearly every time): the wall time is read with the one offset.
  if (before === after) return before;
  // A change near it: an offset reads the wall time when the instant it gives has that offset.
  const readsBefore = offsetAt(fmt, wallMs - before * 60_000) === before;
  const readsAfter = offsetAt(fmt, wallMs - after * 60_000) === after;
  // Both (a repeated time): the first occurrence, the instant with the larger offset.
  if (readsBefore && readsAfter) return Math.max(before, after);
  if (readsAfter) return after;
  // Before alone, or neither (a skipped time): the offset before the change moves it forward by the gap.
  return before;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

function offsetAt(fmt: Intl.DateTimeFormat, instantMs: number): number {
  const parts: Record<string, number> = {};
  let bc = false;
  for (const p of fmt.formatToParts(new Date(instantMs))) {
    if (p.type === 'era') bc = p.value === 'BC';
    else if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = bc ? 1 - parts.year! : parts.year!;
  const asUtc = utcWall(year, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!, 0);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * Time zones found known: every seed's options name one (most often the same), and making a formatter
 * to ask costs 15 µs a seed. Bounded: names that are asked once each cost only the formatter.
 */
const KNOWN_TIME_ZONES = new Set<string>();

/** The most names {@link KNOWN_TIME_ZONES} holds. */
const MAX_KNOWN_TIME_ZONES = 64;

/** `true` when `timeZone` is an IANA zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (KNOWN_TIME_ZONES.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  if (KNOWN_TIME_ZONES.size < MAX_KNOWN_TIME_ZONES) KNOWN_TIME_ZONES.add(timeZone);
  return true;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Month number (1–12) for an English month name or abbreviation ("Nov.", "November"), else `undefined`. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** The month-name alternation used by dateline patterns. */
export const MONTH_PATTERN = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY = String.raw`(?:(Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*\.?,?\s+)?`;
/**
 * A time after the date, on a 24-hour clock or a 12-hour one (`10:15 AM`, as Notion writes its dates), with an optional
 * zone: an offset, a zone's name (see {@link namedZoneOffset}), or both as JavaScript's `Date#toString` writes them
 * (`GMT+0000 (Coordinated Universal Time)`, the zone's name in brackets after the offset, which decides).
 */
const TIME = String.raw`(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?\s*(?:((?:UTC|GMT)?[+-]\d{2}:?\d{2}|[A-Z]{1,5})(?:\s+\([^()]{1,60}\))?)?)?`;

/**
 * The zones RFC 822 names (§5.1, kept by RFC 2822 §4.3 and read in RSS dates), as offsets, with `UTC`: each names one
 * offset. Other abbreviations are not read: many name more than one zone (`IST` is India's, Ireland's and Israel's).
 */
const RFC_822_ZONES: ReadonlyMap<string, string> = new Map([
  ['UT', 'Z'],
  ['UTC', 'Z'],
  ['GMT', 'Z'],
  ['EST', '-05:00'],
  ['EDT', '-04:00'],
  ['CST', '-06:00'],
  ['CDT', '-05:00'],
  ['MST', '-07:00'],
  ['MDT', '-06:00'],
  ['PST', '-08:00'],
  ['PDT', '-07:00'],
]);

/**
 * The ISO 8601 offset (`Z`, `-08:00`) of a zone's name as RFC 822 writes it: one of {@link RFC_822_ZONES}, or a military
 * zone's letter (`A` to `Z` without `J`), which RFC 2822 §4.3 reads as `-0000`, UTC (RFC 822 gave their signs
 * backwards, so their offsets carry no information). `undefined` for any other name.
 */
export function namedZoneOffset(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (/^[A-IK-Z]$/.test(upper)) return 'Z';
  return RFC_822_ZONES.get(upper);
}

/**
 * The ISO 8601 offset of a zone's name that stands for one offset whatever date it follows: one of
 * {@link RFC_822_ZONES}, or `Z`. Not a military zone's other letters, which RFC 2822 reads as UTC only because their
 * offset is unknown: after a date written with numbers, where nothing asks for them, they are refused. `undefined`
 * for any other name.
 */
function knownZoneOffset(name: string): string | undefined {
  const upper = name.toUpperCase();
  return upper === 'Z' ? 'Z' : RFC_822_ZONES.get(upper);
}

/** An ordinal's ending after a day (`5th`, `1st`, `22nd`, `3rd`), as English writes dates and Ruby reads them. */
const ORDINAL = '(?:st|nd|rd|th)?';
/** `Jul 08 2022`, `July 8, 2022`, `March 5th, 2024`, with an optional weekday before and a time after (as Astro's blog template and RFC 2822 dates write them). */
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}(${MONTH_PATTERN})\.?\s+(\d{1,2})${ORDINAL},?\s+(\d{4})${TIME}$`, 'i');
/** `8 July 2022`, `1st January 2020`, `Fri, 08 Jul 2022 10:00:00 +0000`. */
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})${ORDINAL}\s+(${MONTH_PATTERN})\.?,?\s+(\d{2,4})${TIME}$`, 'i');

/**
 * A year RFC 822 wrote in two digits (`Fri, 01 Mar 24 10:00:00 GMT`, still in RSS feeds) or a three-digit one, read as RFC
 * 2822 §4.3 says: 00-49 are 2000-2049, 50-99 are 1950-1999, three digits add 1900.
 */
function fullYear(year: string): string {
  if (year.length === 4) return year;
  const n = Number(year);
  return String(year.length === 3 ? n + 1900 : n < 50 ? n + 2000 : n + 1900);
}

/** `true` for a word after a time that is written as zones' abbreviations are, in capitals (`CET`), not a word such as `noon`. */
function isZoneAbbreviation(word: string): boolean {
  return /^[A-Z]+$/.test(word);
}

/** Why `value`, which gives its time zone as `name`, which {@link namedZoneOffset} does not read, is refused. */
function unreadZoneName(value: string, name: string): string {
  return `${describeValue(value)} gives its time zone as ${describeValue(name)}, which is not one RFC 822 names (UT, GMT, EST, EDT, CST, CDT, MST, MDT, PST, PDT): other abbreviations may stand for more than one zone (IST is India's, Ireland's and Israel's); give a UTC offset instead, such as +01:00`;
}

/** A 12-hour clock's hour (`12` AM is midnight, `12` PM noon) on a 24-hour clock; `null` for an hour no such clock shows. */
function twentyFourHour(hour: string, half: string): string | null {
  const h = Number(hour);
  if (h < 1 || h > 12) return null;
  return String((h % 12) + (half.toLowerCase() === 'p' ? 12 : 0));
}

/**
 * A date written with an English month name, as other generators' front matter and CMS exports hold it:
 * `Jul 08 2022` (the Astro blog template's `pubDate`), `July 8, 2022`, `8 July 2022`, `March 5th, 2024`, an RFC 2822 date
 * (`Fri, 08 Jul 2022 10:00:00 +0000`). Day, month and year are unambiguous in these forms (unlike
 * `07/08/2022`, which is not read). Checked as an ISO date is; a weekday that is not the date's is refused.
 */
export function parseWrittenDate(value: string, timeZone = 'UTC'): DateParse | undefined {
  const text = value.trim();
  if (text.length > 80) return undefined;
  let m = MONTH_FIRST.exec(text);
  let weekday: string | undefined, month: string, day: string, year: string, rest: string[];
  if (m) [, weekday, month, day, year, ...rest] = m as unknown as string[] as [string, string | undefined, string, string, string, ...string[]];
  else {
    m = DAY_FIRST.exec(text);
    if (!m) return undefined;
    [, weekday, day, month, year, ...rest] = m as unknown as string[] as [string, string | undefined, string, string, string, ...string[]];
  }
  const [clockHour, minute, second, half, zone] = rest;
  // A year of fewer than four digits only in RFC 822's form, with a time after it (`01 Mar 24` alone is no date read).
  if (year.length !== 4) {
    if (clockHour === undefined) return undefined;
    year = fullYear(year);
  }
  const hour = clockHour !== undefined && half !== undefined ? twentyFourHour(clockHour, half) : clockHour;
  if (hour === null) return { ok: false, reason: `${describeValue(value)} is not a date: a 12-hour clock's hour is 1 to 12, not ${clockHour}` };
  const offset = zone === undefined || /\d/.test(zone) ? zone?.replace(/^(?:UTC|GMT)/i, '') : namedZoneOffset(zone);
  if (offset === undefined && zone !== undefined) return isZoneAbbreviation(zone) ? { ok: false, reason: unreadZoneName(value, zone) } : undefined;
  const iso =
    `${year}-${String(monthNumber(month!)).padStart(2, '0')}-${day!.padStart(2, '0')}` +
    (hour !== undefined ? `T${hour.padStart(2, '0')}:${minute}${second !== undefined ? `:${second}` : ''}` : '') +
    (offset ?? '');
  const parsed = parseIsoDate(iso, timeZone);
  if (!parsed.ok) return { ok: false, reason: `${describeValue(value)} is not a date: ${withoutSubject(parsed.reason, iso)}` };
  if (weekday !== undefined) {
    const local = parseIsoDate(iso.slice(0, 10), 'UTC');
    const actual = local.ok ? WEEKDAYS[local.date.getUTCDay()] : undefined;
    if (actual !== weekday.toLowerCase()) return { ok: false, reason: `${describeValue(value)} names the wrong weekday: ${iso.slice(0, 10)} is a ${actual}` };
  }
  return parsed;
}

/**
 * `2013/7/13 20:46:25`, `2025-1-1 10:21:00 +0800`: a date written year first with slashes or dashes, one or two
 * digits of month and day, and an optional time (with an optional UTC offset).
 */
const SLASHED = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:(?:\s+|[Tt])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?)?$/;

/**
 * A date written year first with slashes, as Hexo's documentation and `hexo new` write a post's date
 * (`2013/7/13 20:46:25`, `2017/1/8`), or with dashes and a month or day of one digit, as Jekyll (YAML 1.1's
 * timestamps, Ruby's `Time.parse`) reads a post's (`2025-1-1 10:21:00 +0800`): year, month and day in ISO 8601's
 * order, so unambiguous (unlike `07/08/2022`, which is not read). Checked as an ISO date is; `undefined` for any
 * other text.
 */
export function parseSlashedDate(value: string, timeZone = 'UTC'): DateParse | undefined {
  const m = SLASHED.exec(value.trim());
  if (!m) return undefined;
  const [, year, separator, month, day, hour, minute, second, fraction, zone] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string | undefined,
    string | undefined,
    string | undefined,
    string | undefined,
  ];
  // With dashes and two digits each, it is ISO 8601's form, which {@link parseIsoDate} read (or said why not).
  if (separator === '-' && month.length === 2 && day.length === 2) return undefined;
  // YAML 1.1's timestamps (which Jekyll reads) give an offset's hour in one digit too: `+8`, `-5:30`.
  const offset =
    zone === undefined
      ? ''
      : /^[Zz]$/.test(zone)
        ? 'Z'
        : `${zone[0]}${zone.slice(1).replace(/^(\d{1,2}):?(\d{2})?$/, (_, h: string, mm?: string) => `${h.padStart(2, '0')}:${mm ?? '00'}`)}`;
  const seconds = second !== undefined ? `:${second}${fraction !== undefined ? `.${fraction}` : ''}` : '';
  const time = hour !== undefined ? `T${hour.padStart(2, '0')}:${minute}${seconds}${offset}` : '';
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}${time}`;
  const parsed = parseIsoDate(iso, timeZone);
  return parsed.ok ? parsed : { ok: false, reason: `${describeValue(value)} is not a date: ${withoutSubject(parsed.reason, iso)}` };
}

/** `2024年5月1日`, `2024년 5월 1일`, with an optional time after it (what {@link SLASHED} reads after a date). */
const YEAR_MONTH_DAY = /^(\d{4}) ?[年년] ?(\d{1,2}) ?[月월] ?(\d{1,2}) ?[日일](?: +(\S.*))?$/;

/**
 * A date written as Chinese and Japanese write it, `2024年5月1日`, or Korean, `2024년 5월 1일` (full-width digits
 * too: `２０２４年５月１日`), with an optional time (`2024年5月1日 10:30`, `… 10:30 +08:00`): year, month and day
 * named, so unambiguous. Checked as an ISO date is; `undefined` for any other text.
 */
export function parseYearMonthDayDate(value: string, timeZone = 'UTC'): DateParse | undefined {
  // Full-width digits, colons and spaces as ASCII ones; the bound keeps the pattern's work linear.
  const text = value.trim().normalize('NFKC');
  if (text.length > 80) return undefined;
  const m = YEAR_MONTH_DAY.exec(text);
  if (!m) return undefined;
  const [, year, month, day, time] = m as unknown as [string, string, string, string, string | undefined];
  const slashed = `${year}/${month}/${day}${time === undefined ? '' : ` ${time}`}`;
  const parsed = parseSlashedDate(slashed, timeZone);
  if (!parsed) return { ok: false, reason: `${describeValue(value)} is not a date: its time is not read (expected e.g. 2024年5月1日 10:30 or 2024年5月1日 10:30 +08:00)` };
  return parsed.ok ? parsed : { ok: false, reason: `${describeValue(value)} is not a date: ${withoutSubject(parsed.reason, slashed, 'is not a date: ')}` };
}

/**
 * An ISO 8601 date, else a date with an English month name ({@link parseWrittenDate}), one written year first
 * with slashes ({@link parseSlashedDate}) or with 年月日 ({@link parseYearMonthDayDate}), or one of these written
 * with numbers followed by a zone's name ({@link parseNumbersThenZoneName}); the error names the forms read.
 */
export function parseDate(value: string, timeZone = 'UTC'): DateParse {
  const iso = parseIsoDate(value, timeZone);
  if (iso.ok) return iso;
  const written = parseWrittenDate(value, timeZone) ?? parseSlashedDate(value, timeZone) ?? parseYearMonthDayDate(value, timeZone) ?? parseNumbersThenZoneName(value, timeZone);
  if (written) return written;
  if (!iso.reason.includes('is not an ISO 8601 date')) return iso;
  return { ok: false, reason: `${describeValue(value)} is not a date (expected e.g. 2024-10-21, 2024-10-21T08:30:00+03:00 or 21 October 2024)` };
}

/** A date and a 12-hour clock's time written with numbers (`2024-03-05 10:00 AM`), then perhaps a zone (`PST`, `+01:00`). */
const NUMBERS_THEN_HALF_DAY = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2})[Tt ](\d{1,2})(:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?) ?([AaPp])\.?[Mm]\.?((?: ?[+-]\d{2}:?\d{2}| [A-Za-z]{1,5}| ?[Zz])?)$/;

/** A date and time written with numbers, then a zone's name (`2024-03-05 10:00:00 PST`). */
const NUMBERS_THEN_ZONE_NAME = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2}[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?) ?([A-Za-z]{1,5})$/;

/**
 * A date and time written with numbers, then a zone's name, as Jekyll's posts date themselves (`2024-03-05 10:00:00
 * PST`, which Ruby's `Time.parse` reads): read with the offset the name stands for when it stands for one (see
 * {@link knownZoneOffset}); another name written as zones' are (`CET`, `IST`) is refused asking for an offset.
 * `undefined` for any other text.
 */
function parseNumbersThenZoneName(value: string, timeZone: string): DateParse | undefined {
  const text = value.trim();
  if (text.length > 80) return undefined;
  // A 12-hour clock (`2024-03-05 10:00 AM`, `… 1:30 p.m. PST`), as Ruby's `Time.parse` reads it: the hour on a 24-hour clock.
  const twelve = NUMBERS_THEN_HALF_DAY.exec(text);
  if (twelve) {
    const [, day, hour, rest, half, zone] = twelve as unknown as [string, string, string, string, string, string | undefined];
    const hour24 = twentyFourHour(hour, half);
    if (hour24 === null) return { ok: false, reason: `${describeValue(value)} is not a date: a 12-hour clock's hour is 1 to 12, not ${hour}` };
    const read = parseDate(`${day} ${hour24.padStart(2, '0')}${rest}${zone ?? ''}`, timeZone);
    return read.ok ? read : { ok: false, reason: read.reason.replace(/^.*? (is not|gives|names)/, `${describeValue(value)} $1`) };
  }
  const m = NUMBERS_THEN_ZONE_NAME.exec(text);
  if (!m) return undefined;
  const [, numbers, name] = m as unknown as [string, string, string];
  const offset = knownZoneOffset(name);
  if (offset === undefined) {
    if (!isZoneAbbreviation(name) || !parseDate(numbers, timeZone).ok) return undefined;
    return { ok: false, reason: namedZoneOffset(name) === undefined ? unreadZoneName(value, name) : militaryZoneLetter(value, name) };
  }
  const withOffset = `${numbers}${offset}`;
  const parsed = parseDate(withOffset, timeZone);
  return parsed.ok ? parsed : { ok: false, reason: `${describeValue(value)} ${withoutSubject(parsed.reason, withOffset)}` };
}

/** Why `value`, a date written with numbers that gives its time zone as a military zone's letter `name` other than `Z`, is refused. */
function militaryZoneLetter(value: string, name: string): string {
  return `${describeValue(value)} gives its time zone as ${describeValue(name)}, a military zone's letter, whose offset RFC 2822 reads as unknown; give a UTC offset instead, such as +01:00`;
}
