/**
 * Hand-written date parsers for the formats WebDAV servers send. Each returns `undefined` when
 * the text does not parse, so the caller keeps the raw string and records a diagnostic.
 */

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

function num(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = digit(s, i);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return to > from ? v : -1;
}

const JAN = 0x6a616e, FEB = 0x666562, MAR = 0x6d6172, APR = 0x617072, MAY = 0x6d6179, JUN = 0x6a756e;
const JUL = 0x6a756c, AUG = 0x617567, SEP = 0x736570, OCT = 0x6f6374, NOV = 0x6e6f76, DEC = 0x646563;

/** The month (0-11) of a three-letter English name at `i`, any case; -1 if none. */
function month(s: string, i: number): number {
  // The three lower-cased letters as one number: no string is made for them.
  const key = ((s.charCodeAt(i) | 32) << 16) | ((s.charCodeAt(i + 1) | 32) << 8) | (s.charCodeAt(i + 2) | 32);
  switch (key) {
    case JAN: return 0;
    case FEB: return 1;
    case MAR: return 2;
    case APR: return 3;
    case MAY: return 4;
    case JUN: return 5;
    case JUL: return 6;
    case AUG: return 7;
    case SEP: return 8;
    case OCT: return 9;
    case NOV: return 10;
    case DEC: return 11;
    default: return -1;
  }
}

/**
 * The instant of the fields, or undefined when one is out of range. Every caller has already
 * rejected a negative year, hour, minute or second (a field that was not digits).
 */
function make(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number, offsetMin: number): Date | undefined {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 60) return undefined;
  // 24:00 is the end of the day (ISO 8601); 24:00:01 or 24:30 is no time.
  if (h === 24 && mi + sec + ms > 0) return undefined;
  // The year as written: 0050 is the year 50 (unlike Date.UTC, which reads 0-99 as 1900-1999).
  const utc = daysFromCivil(y, mo, d) * 86400000 + h * 3600000 + mi * 60000 + sec * 1000 + ms;
  // Outside Date's range (Date.UTC gives NaN there).
  if (!(Math.abs(utc) <= 8.64e15)) return undefined;
  // Reject 31 Feb and the like.
  if (d > 28 && d > daysInMonth(y, mo)) return undefined;
  return new Date(utc - offsetMin * 60000);
}

/** Days from 1970-01-01 to the given date (proleptic Gregorian, `y` >= 0, `mo` 0-11, `d` 1-31). */
function daysFromCivil(y: number, mo: number, d: number): number {
  const m = mo + 1;
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A year token of an HTTP date: two digits are 1970-2069 (RFC 850's two-digit years), other lengths as written. */
function fullYear(y: number, digits: number): number {
  return digits === 2 && y >= 0 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 1) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 3 || mo === 5 || mo === 8 || mo === 10 ? 30 : 31;
}

// The fields time() read last (module-level, so that no array is made per date).
let tH = 0;
let tM = 0;
let tS = 0;

/** `hh:mm[:ss]` at `i`: sets tH, tM, tS and returns the index after it, or -1. */
function time(s: string, i: number): number {
  const h = num(s, i, i + 2);
  if (h < 0 || s.charCodeAt(i + 2) !== 58) return -1;
  const m = num(s, i + 3, i + 5);
  if (m < 0) return -1;
  tH = h;
  tM = m;
  if (s.charCodeAt(i + 5) === 58) {
    const sec = num(s, i + 6, i + 8);
    if (sec < 0) return -1;
    tS = sec;
    return i + 8;
  }
  tS = 0;
  return i + 5;
}

/** Named zones (a Map: a plain object would also answer `constructor` and `__proto__`). */
const ZONES = new Map<string, number>([
  ['gmt', 0], ['ut', 0], ['utc', 0], ['z', 0],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
]);

/** Offset in minutes of a zone token (`GMT`, `+0100`, `-05:00`, `EST`), undefined if unknown. */
function zone(tok: string): number | undefined {
  if (tok === '') return 0;
  const c = tok.charCodeAt(0);
  if (c === 43 || c === 45) {
    const body = tok.length === 6 && tok.charCodeAt(3) === 58 ? tok.slice(1, 3) + tok.slice(4) : tok.slice(1);
    if (body.length !== 4) return undefined;
    const hh = num(body, 0, 2);
    const mm = num(body, 2, 4);
    if (hh < 0 || mm < 0 || hh > 23 || mm > 59) return undefined;
    return (c === 45 ? -1 : 1) * (hh * 60 + mm);
  }
  return ZONES.get(tok.toLowerCase());
}

/**
 * HTTP dates: RFC 1123 (`Sun, 06 Nov 1994 08:49:37 GMT`, fast path), RFC 850
 * (`Sunday, 06-Nov-94 08:49:37 GMT`), asctime (`Sun Nov  6 08:49:37 1994`), numeric zones
 * (`-0500`), and ISO 8601 as a last resort.
 */
export function parseHttpDate(raw: string): Date | undefined {
  const s = raw.trim();
  // The fast path takes only what the general path below parses to the same date: its first comma
  // at 3, a space between fields, GMT.
  if (s.length === 29 && s.indexOf(',') === 3 && s.charCodeAt(26) === 71 && s.charCodeAt(27) === 77 && s.charCodeAt(28) === 84) {
    const d = num(s, 5, 7);
    const mo = month(s, 8);
    const y = num(s, 12, 16);
    const t = time(s, 17);
    if (d > 0 && mo >= 0 && y >= 0 && t === 25 && s.charCodeAt(4) === 32 && s.charCodeAt(7) === 32 && s.charCodeAt(11) === 32 && s.charCodeAt(16) === 32 && s.charCodeAt(25) === 32) {
      return make(y, mo, d, tH, tM, tS, 0, 0);
    }
  }
  if (s.length >= 10 && digit(s, 0) >= 0 && s.charCodeAt(4) === 45) return parseIsoDate(s);
  const comma = s.indexOf(',');
  const rest = comma >= 0 ? s.slice(comma + 1).trim() : s;
  const toks = rest.split(/[ \t]+/);
  if (comma < 0) {
    // asctime: "Sun Nov  6 08:49:37 1994" (day name first, optional).
    let k = 0;
    if (toks.length === 5) k = 1;
    if (toks.length - k !== 4) return undefined;
    const mo = month(toks[k]!, 0);
    const d = num(toks[k + 1]!, 0, toks[k + 1]!.length);
    const t = time(toks[k + 2]!, 0);
    const y = fullYear(num(toks[k + 3]!, 0, toks[k + 3]!.length), toks[k + 3]!.length);
    if (mo < 0 || toks[k]!.length !== 3 || d < 1 || t < 0 || t !== toks[k + 2]!.length || y < 0) return undefined;
    return make(y, mo, d, tH, tM, tS, 0, 0);
  }
  let d: number, mo: number, y: number, ti: number;
  if (toks.length >= 2 && toks[0]!.includes('-')) {
    // RFC 850: "06-Nov-94 08:49:37 GMT"
    const parts = toks[0]!.split('-');
    if (parts.length !== 3 || parts[1]!.length !== 3) return undefined;
    d = num(parts[0]!, 0, parts[0]!.length);
    mo = month(parts[1]!, 0);
    y = fullYear(num(parts[2]!, 0, parts[2]!.length), parts[2]!.length);
    ti = 1;
  } else if (toks.length >= 4) {
    d = num(toks[0]!, 0, toks[0]!.length);
    mo = toks[1]!.length === 3 ? month(toks[1]!, 0) : -1;
    y = fullYear(num(toks[2]!, 0, toks[2]!.length), toks[2]!.length);
    ti = 3;
  } else {
    return undefined;
  }
  const t = time(toks[ti]!, 0);
  if (t < 0 || t !== toks[ti]!.length || d < 1 || mo < 0 || y < 0) return undefined;
  const h = tH;
  const mi = tM;
  const sec = tS;
  if (toks.length > ti + 2) return undefined;
  const off = zone(toks[ti + 1] ?? '');
  if (off === undefined) return undefined;
  return make(y, mo, d, h, mi, sec, 0, off);
}

/**
 * RFC 3339 / ISO 8601 date-times: `1997-12-01T17:42:21-08:00`, `2013-10-30T17:19:46Z`, lower-case
 * `t`/`z`, a space for `T`, fractional seconds, `+0100`; a bare date is midnight UTC, and a
 * date-time without a zone is taken as UTC.
 */
export function parseIsoDate(raw: string): Date | undefined {
  const s = raw.trim();
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = num(s, 0, 4);
  const mo = num(s, 5, 7) - 1;
  const d = num(s, 8, 10);
  if (y < 0 || d < 0) return undefined;
  if (s.length === 10) return make(y, mo, d, 0, 0, 0, 0, 0);
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return undefined;
  let i = time(s, 11);
  if (i < 0) return undefined;
  const h = tH;
  const mi = tM;
  const sec = tS;
  let ms = 0;
  if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
    i++;
    const from = i;
    while (digit(s, i) >= 0) i++;
    if (i === from) return undefined;
    ms = Math.round(Number('0.' + s.slice(from, i)) * 1000);
  }
  const off = i === s.length - 1 && (s.charCodeAt(i) | 32) === 122 ? 0 : zone(s.slice(i));
  if (off === undefined) return undefined;
  return make(y, mo, d, h, mi, sec, ms, off);
}

/** `creationdate`: RFC 3339, tolerating HTTP dates. */
export function parseCreationDate(raw: string): Date | undefined {
  return parseIsoDate(raw) ?? parseHttpDate(raw);
}

/** iCalendar UTC DATE-TIME `19000101T000000Z` (CalDAV `min-date-time`). */
export function parseICalDate(raw: string): Date | undefined {
  const s = raw.trim();
  if (s.length !== 16 || (s.charCodeAt(8) | 32) !== 116 || (s.charCodeAt(15) | 32) !== 122) return undefined;
  const y = num(s, 0, 4);
  const mo = num(s, 4, 6) - 1;
  const d = num(s, 6, 8);
  const h = num(s, 9, 11);
  const mi = num(s, 11, 13);
  const sec = num(s, 13, 15);
  if (y < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  return make(y, mo, d, h, mi, sec, 0, 0);
}

/** Unix seconds (Nextcloud `creation_time`). */
export function parseUnixSeconds(raw: string): Date | undefined {
  const s = raw.trim();
  if (!/^-?\d{1,15}$/.test(s)) return undefined;
  return new Date(Number(s) * 1000);
}
