// The Vietnamese lunar calendar (âm lịch), reckoned for Vietnam's time zone, UTC+7.
//
// Its rules: a month begins on the day (in UTC+7) of a new moon; month 11 is the one in which the
// winter solstice falls; a year with 13 months between two month 11s repeats, as a leap month, the
// number of the first month after month 11 in which the sun enters no new 30° sign (no major
// solar term, "trung khí"). Vietnam has reckoned for UTC+7 since 1968 (the North first), China for
// UTC+8, so the two calendars part when a new moon or a term falls between 23:00 and midnight in
// Vietnam: Tết 2007 was 17 Feb here, 18 Feb in China; Tết 1985 21 Jan here, 20 Feb in China. Years
// before 1968 are reckoned for UTC+7 all the same.
//
// New moons and the sun's longitude come from the series in J. Meeus, "Astronomical Algorithms"
// (ch. 25 and 49), good to about a minute. Checked against a high-precision ephemeris, every month
// from 1900 to 2100 agrees but two whose deciding instant falls within that minute of midnight in
// Vietnam (the new moon of 1967-07-07 and the equinox of 1938-09-23, both at 17:00 UTC).

/** Days are counted as Julian day numbers: 2440588 is 1970-01-01. */
const UNIX_EPOCH_JDN = 2_440_588;
const DAY_MS = 86_400_000;
const ZONE = 7 / 24;
const SYNODIC_MONTH = 29.530588861;
const RAD = Math.PI / 180;

export type LunarDate = { year: number; month: number; day: number; leap: boolean };

/** "2026-02-17" → 2461089; throws on anything but a real ISO day. */
function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || isoDay(ms / DAY_MS + UNIX_EPOCH_JDN) !== iso) {
    throw new RangeError(`not a date: ${iso}`);
  }
  return ms / DAY_MS + UNIX_EPOCH_JDN;
}

function isoDay(jdn: number): string {
  return new Date((jdn - UNIX_EPOCH_JDN) * DAY_MS).toISOString().slice(0, 10);
}

const sin = (degrees: number) => Math.sin(degrees * RAD);

// ΔT, terrestrial minus universal time, in seconds: the series below give TT, clocks keep UT.
// Measured values each 20 years, then the long-term parabola of Morrison and Stephenson; it moves a
// new moon by about a minute, which matters only when one falls next to midnight.
const DELTA_T: ReadonlyArray<[number, number]> = [
  [1900, -2.7],
  [1920, 21.2],
  [1940, 24.3],
  [1960, 33.1],
  [1980, 50.5],
  [2000, 63.8],
  [2020, 69.4],
  [2050, 93],
  [2100, 203],
];

function deltaTDays(year: number): number {
  const first = DELTA_T[0] as [number, number];
  const last = DELTA_T[DELTA_T.length - 1] as [number, number];
  if (year < first[0] || year > last[0]) return (-20 + 32 * ((year - 1820) / 100) ** 2) / 86_400;
  const i = DELTA_T.findIndex(([y]) => y >= year);
  const [y1, s1] = DELTA_T[i] as [number, number];
  const [y0, s0] = DELTA_T[Math.max(i - 1, 0)] as [number, number];
  const seconds = y1 === y0 ? s1 : s0 + ((s1 - s0) * (year - y0)) / (y1 - y0);
  return seconds / 86_400;
}

/** The instant (Julian day, UT) of new moon number `k`, counted from the one of 2000-01-06. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const e = 1 - 0.002516 * t - 0.0000074 * t * t;
  // Mean anomalies of sun (m) and moon (mm), moon's argument of latitude (f), its node (node).
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t * t;
  const mm = 201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t ** 3;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t ** 3;
  const node = 124.7746 - 1.56375588 * k + 0.0020672 * t * t;
  const mean = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t * t - 0.00000015 * t ** 3;
  const periodic =
    -0.4072 * sin(mm) +
    0.17241 * e * sin(m) +
    0.01608 * sin(2 * mm) +
    0.01039 * sin(2 * f) +
    0.00739 * e * sin(mm - m) -
    0.00514 * e * sin(mm + m) +
    0.00208 * e * e * sin(2 * m) -
    0.00111 * sin(mm - 2 * f) -
    0.00057 * sin(mm + 2 * f) +
    0.00056 * e * sin(2 * mm + m) -
    0.00042 * sin(3 * mm) +
    0.00042 * e * sin(m + 2 * f) +
    0.00038 * e * sin(m - 2 * f) -
    0.00024 * e * sin(2 * mm - m) -
    0.00017 * sin(node) -
    0.00007 * sin(mm + 2 * m) +
    0.00004 * sin(2 * mm - 2 * f) +
    0.00004 * sin(3 * m) +
    0.00003 * sin(mm + m - 2 * f) +
    0.00003 * sin(2 * mm + 2 * f) -
    0.00003 * sin(mm + m + 2 * f) +
    0.00003 * sin(mm - m + 2 * f) -
    0.00002 * sin(mm - m - 2 * f) -
    0.00002 * sin(3 * mm + m) +
    0.00002 * sin(4 * mm);
  // The planets' pull: [amplitude in days, angle at k = 0, degrees per lunation].
  const planetary: ReadonlyArray<[number, number, number]> = [
    [0.000325, 299.77, 0.107408],
    [0.000165, 251.88, 0.016321],
    [0.000164, 251.83, 26.651886],
    [0.000126, 349.42, 36.412478],
    [0.00011, 84.66, 18.206239],
    [0.000062, 141.74, 53.303771],
    [0.00006, 207.14, 2.453732],
    [0.000056, 154.84, 7.30686],
    [0.000047, 34.52, 27.261239],
    [0.000042, 207.19, 0.121824],
    [0.00004, 291.34, 1.844379],
    [0.000037, 161.72, 24.198154],
    [0.000035, 239.56, 25.513099],
    [0.000023, 331.55, 3.592518],
  ];
  const planets = planetary.reduce((sum, [a, a0, rate]) => sum + a * sin(a0 + rate * k), 0);
  const tt = mean + periodic + planets;
  return tt - deltaTDays(2000 + (tt - 2451545) / 365.25);
}

/** The day (in UTC+7) of new moon number `k`. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + ZONE);
}

/** The number of the last new moon falling on or before `day`. */
function lunationOn(day: number): number {
  let k = Math.floor((day - 2451550.1) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= day) k++;
  while (newMoonDay(k) > day) k--;
  return k;
}

/** The sun's apparent longitude, in degrees [0, 360), at Julian day `jd` (UT). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545) / 36525;
  const mean = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const anomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const centre =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(anomaly) +
    (0.019993 - 0.000101 * t) * sin(2 * anomaly) +
    0.000289 * sin(3 * anomaly);
  // Nutation and aberration: from the true longitude to the one seen.
  const seen = mean + centre - 0.00569 - 0.00478 * sin(125.04 - 1934.136 * t);
  return ((seen % 360) + 360) % 360;
}

/** The sun's longitude at the midnight (UTC+7) that begins `day`. */
function sunAtStartOf(day: number): number {
  return sunLongitude(day - 0.5 - ZONE);
}

/** The lunation that begins month 11 of the Gregorian year `year`: the one holding the winter solstice. */
function month11(year: number): number {
  let k = lunationOn(dayNumber(`${year}-12-31`));
  // Begun on or after the day after the solstice (longitude 270°): the month before holds it.
  while (sunAtStartOf(newMoonDay(k)) >= 270) k--;
  return k;
}

type Month = { start: number; days: number; month: number; leap: boolean };

const years = new Map<number, Month[]>();

/**
 * The months from month 11 of Gregorian year `year - 1` up to, not including, month 11 of `year`:
 * 11, 12, 1 … 10, with a leap month among them when there are 13.
 */
function monthsBefore(year: number): Month[] {
  const cached = years.get(year);
  if (cached) return cached;
  const first = month11(year - 1);
  const count = month11(year) - first;
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(first + i));
  // Which 30° sign the sun is in when month i begins; a month that ends in the sign it began in
  // has no major term.
  const sign = (i: number) => Math.floor(sunAtStartOf(starts[i] as number) / 30);
  let leapAt = -1;
  for (let i = 1; count === 13 && leapAt < 0 && i < count; i++) if (sign(i) === sign(i + 1)) leapAt = i;
  const months: Month[] = [];
  let month = 10;
  for (let i = 0; i < count; i++) {
    const leap = i === leapAt;
    if (!leap) month = (month % 12) + 1;
    const start = starts[i] as number;
    months.push({ start, days: (starts[i + 1] as number) - start, month, leap });
  }
  years.set(year, months);
  return months;
}

/** The months of lunar year `year`, in order: 1 … 12 and its leap month if it has one. */
function monthsOf(year: number): Month[] {
  return [
    ...monthsBefore(year).filter((m) => m.month < 11),
    ...monthsBefore(year + 1).filter((m) => m.month >= 11),
  ];
}

/** The Gregorian day of a lunar date: `lunarToSolar(2026, 1, 1)` → "2026-02-17" (Tết Bính Ngọ). */
export function lunarToSolar(year: number, month: number, day: number, leap = false): string {
  const found = monthsOf(year).find((m) => m.month === month && m.leap === leap);
  if (!found || !Number.isInteger(day) || day < 1 || day > found.days) {
    throw new RangeError(`no lunar date ${day}/${month}${leap ? " nhuận" : ""}/${year}`);
  }
  return isoDay(found.start + day - 1);
}

/** The lunar date of a Gregorian day: `solarToLunar("2025-07-25")` → 1/6 nhuận/2025 (Ất Tỵ). */
export function solarToLunar(iso: string): LunarDate {
  const day = dayNumber(iso);
  const gregorian = Number(iso.slice(0, 4));
  // Days from month 11 on belong with the months before next year's month 11.
  const year = day >= newMoonDay(month11(gregorian)) ? gregorian + 1 : gregorian;
  const found = monthsBefore(year).find((m) => m.start <= day && day < m.start + m.days) as Month;
  return {
    year: found.month >= 11 ? year - 1 : year,
    month: found.month,
    day: day - found.start + 1,
    leap: found.leap,
  };
}

/** The month a lunar year repeats, or null: `leapMonth(2025)` → 6, `leapMonth(2024)` → null. */
export function leapMonth(year: number): number | null {
  return monthsOf(year).find((m) => m.leap)?.month ?? null;
}
