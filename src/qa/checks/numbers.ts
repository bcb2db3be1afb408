import { defineCheck, type CheckResult, type SegmentPair } from '../check.js';
import { withoutPlaceholders } from './placeholders.js';
import type { Duration } from '../locales/durations.js';
import { CONVERSIONS, CURRENCY_RATES, readMonths, readOrdinals, readQuantities, readRanks, readWeekdays, readWordUnits, timeUnitsNamed, type Amount, type Quantities, type Time } from '../locales/quantities.js';
import { difference } from '../multiset.js';
import type { LocaleRules } from '../locales/rules.js';
import { baseLanguage } from '../../core/lang.js';
import NUMERALS from '../locales/numerals.json' with { type: 'json' };
import { readSpelled } from '../locales/spellout.js';

/**
 * Numbers, dates or times differ from the source. Each side is read in its own
 * locale, as (value, scale, unit): `15.000` = `15,000` = `15 000`; `2,8 Mrd.
 * Euro` = `€2.8bn` = `2.800 millones de euros` = `28億ユーロ`; `am 4. und 5.
 * Mai` = `May 4-5`; `10.30 Uhr` = `a las 10.30` = `午前10時半`. A figure the
 * other side writes as a word, ordinal or Roman numeral (`9.` = `Ninth` =
 * `IX`) matches it. A figure in another unit that converts a source figure
 * (`12 km (7.5 miles)`) is a warning; the same figure in another unit (`12
 * km` → `12 miles`) is an error. Months and weekdays named alone are
 * compared too (`Ende Juli` ≠ `finales de junio`), and number words both
 * sides spell out (`Zwölf` ≠ `Eleven`).
 *
 * Text is compared after NFKC (`４９．８％` = `49.8%`). What a locale writes is
 * read from CLDR through Intl for any locale (decimal and group symbols, scale
 * words such as `miljoen`, `milionů`, numeric dates such as `10.06.2006`,
 * month order, the hour word of `15 Uhr`); press conventions CLDR lacks
 * (`om 15 uur`, `alle 15.00`, football minutes of the second half `後半22分`)
 * come from `locales/press.json`. Spelled numbers of any locale come from
 * CLDR's rule-based formats (`locales/spellout.ts`: `fire`, `четыре`, `nionde`),
 * units of time, distance and speed from CLDR's unit names through Intl
 * (`48 timer` ≠ `48 dage`; a share is not a count: `24 Sitze` ≠ `24 procent`).
 * Tolerated on purpose: a measure rounded again (`136 km/h` = `137 km/h`, a
 * warning), a figure inside a compound (`4-Tage-Woche` = `czterodniowy`), one
 * of a unit said with a word (`pro Quadratmeter` = `1㎡당`), a rank in a name
 * (`1. FC Köln` = `Colonia`, `第1党`). A weekday the translation gives as a
 * day of the month (`４日夜`) is checked against the document's dateline.
 */
export const numbers = defineCheck({
  id: 'numbers',
  title: 'Numbers, dates or times differ from the source',
  run(pair) {
    // Full-width digits and letters (`午後６時`, `４９．８％`) are the same figures as their half-width forms.
    const sourceText = compatible(pair.source, pair.sourceRules.decimal);
    const targetText = withoutSourceNames(compatible(pair.target, pair.targetRules.decimal), sourceText, pair.sourceRules, pair.targetRules);
    const weekdays = [
      ...compareWeekdays(sourceText, targetText, pair.sourceRules, pair.targetRules),
      ...weekdayAsDay(pair, sourceText, targetText),
      ...compareOrdinals(sourceText, targetText, pair.sourceRules, pair.targetRules),
    ];
    // Most sentences have no figure on either side: then only a month named alone, or a number word, can differ.
    if (!DIGIT.test(sourceText) && !DIGIT.test(targetText)) {
      const sourceQuantities = readQuantities(sourceText, pair.sourceRules);
      return [
        ...weekdays,
        ...monthsOnly(sourceText, targetText, pair.sourceRules, pair.targetRules),
        ...compareNumberWords(sourceText, targetText, pair.sourceRules, pair.targetRules),
        ...compareSpelledUnits(sourceQuantities, readQuantities(targetText, pair.targetRules)),
        ...compareImpliedOne(sourceQuantities, targetText, sourceText, pair.sourceRules, pair.targetRules),
      ];
    }
    const source = readQuantities(withoutPlaceholders(sourceText), pair.sourceRules);
    const target = readQuantities(withoutPlaceholders(targetText), pair.targetRules);
    const results: CheckResult[] = [];
    const [missingDates, extraDates] = withDaysAlone(difference(source.dates, target.dates), difference(target.dates, source.dates));
    if (missingDates.length + extraDates.length > 0) {
      results.push({ severity: 'error', message: `dates differ: ${describe(missingDates.map(formatDate), extraDates.map(formatDate))}` });
    }
    results.push(...compareMonths(source, target, pair.sourceRules, pair.targetRules), ...weekdays);
    const sourceAmounts = [...source.amounts];
    const targetAmounts = [...target.amounts];
    const sourceTimes = [...source.times];
    const targetTimes = [...target.times];
    results.push(...pairDurations(source.durations ?? [], target.durations ?? [], { amounts: sourceAmounts, times: sourceTimes }, { amounts: targetAmounts, times: targetTimes }));
    const missingTimes = timesAsFigures(timesWithout(sourceTimes, targetTimes), targetAmounts, sourceAmounts, target.words);
    const extraTimes = timesAsFigures(timesWithout(targetTimes, sourceTimes), sourceAmounts, targetAmounts, source.words);
    if (missingTimes.length + extraTimes.length > 0) {
      results.push({ severity: 'error', message: `times differ: ${describe(missingTimes.map(formatTime), extraTimes.map(formatTime))}` });
    }
    results.push(...compareAmounts(sourceAmounts, targetAmounts, source.words, target.words, spelledAmounts(source), spelledAmounts(target)));
    results.push(...compareNumberWords(sourceText, targetText, pair.sourceRules, pair.targetRules, source, target));
    results.push(...compareSpelledUnits(source, target));
    results.push(...compareImpliedOne(source, targetText, sourceText, pair.sourceRules, pair.targetRules));
    return results;
  },
});

const DIGIT = /\p{Nd}/u;

/**
 * The text under Unicode compatibility (NFKC, UAX #15): `６` = `6`, `．` = `.`,
 * `ＡＫＰ` = `AKP`. The ordinal indicators `º` and `ª` are kept, since NFKC
 * makes them letters and `27 ºC` is a temperature.
 */
function compatible(text: string, decimal = '.'): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  // A figure with a vulgar fraction (`29¾ Zoll`) is the decimal the other side writes (`29,75 pollici`); NFKC would
  // make it `293⁄4`.
  const fractions = text.replace(VULGAR, (_, whole: string, fraction: string) => `${whole}${decimal}${VULGAR_DECIMALS[fraction]}`);
  return fractions.replace(/[^ºª]+/gu, (run) => run.normalize('NFKC'));
}
const VULGAR = /(\p{Nd})([¼½¾⅛⅜⅝⅞])/gu;
const VULGAR_DECIMALS: Record<string, string> = { '¼': '25', '½': '5', '¾': '75', '⅛': '125', '⅜': '375', '⅝': '625', '⅞': '875' };

/**
 * A word that is a month in the target's language but not in the source's,
 * written the same in both, is a name (Theresa `May` in a German source and
 * an English target): it is blanked so that it is not read as a month.
 */
function withoutSourceNames(target: string, source: string, sourceRules: LocaleRules, targetRules: LocaleRules): string {
  const sourceWords = new Set(source.match(CAPITALISED) ?? []);
  if (sourceWords.size === 0) return target;
  return target.replace(CAPITALISED, (word, offset: number) => {
    if (!sourceWords.has(word) || DIGIT.test(target.slice(offset + word.length, offset + word.length + 3))) return word;
    if (readMonths(word, targetRules).months.length === 0 || readMonths(word, sourceRules).months.length > 0) return word;
    return ' '.repeat(word.length);
  });
}
const CAPITALISED = /(?<![\p{L}])\p{Lu}\p{Ll}+(?![\p{L}])/gu;

/**
 * Durations pair by length in any reading (`4:41,30` = `4:41:30` = `4分41秒30`,
 * `nach 13:10 Minuten` = `13 分 10 秒`). One the other side does not give is
 * looked for as what else its figures say: a game clock names the minute of
 * play the other side counts (`27:37` = `in der 28. Minute`), a clock figure
 * the other side reads as a time of day is that time (`13:10`). What is left
 * is compared as its figures, as any figure is (`17:5` = `17-5`, a score).
 */
function pairDurations(source: readonly Duration[], target: readonly Duration[], sourceSide: Side, targetSide: Side): CheckResult[] {
  if (source.length === 0 && target.length === 0) return [];
  const bySeconds = new Map<number, Duration[]>();
  for (const d of target) {
    for (const seconds of d.seconds) {
      const list = bySeconds.get(seconds);
      if (list) list.push(d);
      else bySeconds.set(seconds, [d]);
    }
  }
  const paired = new Set<Duration>();
  for (const d of source) {
    for (const seconds of d.seconds) {
      const match = bySeconds.get(seconds)?.find((other) => !paired.has(other));
      if (!match) continue;
      paired.add(d).add(match);
      break;
    }
  }
  const leftOf = (list: readonly Duration[], own: Side, other: Side) => {
    const ownValues = new Set(own.amounts.map((a) => a.value));
    return list.filter((d) => !paired.has(d) && !elsewhere(d, ownValues, other));
  };
  const sourceLeft = leftOf(source, sourceSide, targetSide);
  const targetLeft = leftOf(target, targetSide, sourceSide);
  // Durations on both sides that differ (`2:03:04 Stunden` → `2시간 4분 3초`): their figures alone would match.
  const timed = (list: readonly Duration[]) => list.filter((d) => !d.clock);
  const [sourceTimed, targetTimed] = [timed(sourceLeft), timed(targetLeft)];
  const both = sourceTimed.length > 0 && targetTimed.length > 0;
  for (const [left, side] of [[sourceLeft, sourceSide], [targetLeft, targetSide]] as const) {
    for (const d of left) if (!both || d.clock) for (const f of d.figures) side.amounts.push({ value: f.value, text: f.text });
  }
  return both ? [{ severity: 'error', message: `durations differ: ${describe(sourceTimed.map((d) => d.text), targetTimed.map((d) => d.text))}` }] : [];
}

interface Side {
  readonly amounts: Amount[];
  readonly times: Time[];
}

/** A duration the other side says as the minute of play or as a time of day; what it matched is taken from that side. */
function elsewhere(d: Duration, ownValues: ReadonlySet<number>, other: Side): boolean {
  if (d.clock) {
    const minute = d.clock.minutes;
    // The clock runs in the minute after the one it shows: 27:37 is in the 28th minute.
    // A score gives both figures (`38:17` = `38 - 17`): then it is no clock.
    const score = other.amounts.some((a) => a.value === d.figures[1]!.value);
    const index = score ? -1 : other.amounts.findIndex((a) => (a.unit === undefined || a.unit === 'minute') && (a.value === minute + 1 || a.value === minute) && !ownValues.has(a.value));
    if (index >= 0) {
      other.amounts.splice(index, 1);
      return true;
    }
  }
  if (d.figures.length === 2) {
    const minutes = d.figures[0]!.value * 60 + d.figures[1]!.value;
    const index = other.times.findIndex((time) => time.minutes === minutes);
    if (index >= 0) {
      other.times.splice(index, 1);
      return true;
    }
  }
  return false;
}

/**
 * Times of one side that the other writes as a bare figure or a word, which
 * then stands for the time: `15:00 Uhr` = `alle 15.00` (read as 15.00), `um
 * 15:00 Uhr` = `om 15`, `6 Uhr morgens` = `six in the morning`; a score
 * `21:19` read as a time on one side is two figures on the other. Only figures
 * the other side has no match for are taken, and only the same hour: `21.00`
 * read as `9.00` stays an error. Returns the times left.
 */
function timesAsFigures(times: readonly Time[], otherAmounts: Amount[], ownAmounts: readonly Amount[], otherWords: readonly number[]): Time[] {
  if (times.length === 0) return [];
  // A full hour the other side spells out (`6 Uhr morgens` = `six in the morning`, `šest hodin ráno`).
  const spelled = new Set(otherWords);
  const unmatched = new Set(difference(otherAmounts, ownAmounts, (amount) => amount.value));
  const takeFigure = (value: number) => {
    // A count of hours may be the hour on the other side's clock: `innerhalb von 24 Stunden` = `en 24 horas` read as 24:00.
    const found = otherAmounts.find((amount) => unmatched.has(amount) && (!amount.unit || amount.unit === 'hour') && amount.value === value);
    if (found) {
      unmatched.delete(found);
      otherAmounts.splice(otherAmounts.indexOf(found), 1);
    }
    return found !== undefined;
  };
  return times.filter((time) => {
    const [hour, minutes] = [Math.floor(time.minutes / 60), time.minutes % 60];
    if (takeFigure(Number((hour + minutes / 100).toFixed(2)))) return false;
    if (minutes === 0) return !takeFigure(hour) && !spelled.has(hour);
    const has = (value: number) => otherAmounts.some((amount) => unmatched.has(amount) && !amount.unit && amount.value === value);
    if (has(hour) && has(minutes)) return !(takeFigure(hour) && takeFigure(minutes));
    return true;
  });
}

/**
 * Numbers both sides spell out that share no value: `Zwölf Menschen` →
 * `Eleven people`. Only whole words of the cardinal tables (three letters or
 * more, two or above: not articles), and only when each side has one the other
 * does not give in any form, figure or word.
 */
function compareNumberWords(
  sourceText: string,
  targetText: string,
  sourceRules: LocaleRules,
  targetRules: LocaleRules,
  source?: Quantities,
  target?: Quantities,
): CheckResult[] {
  // An ordinal of the source counts too: `jeder fünfte Zug` = `un train sur cinq`, ≠ `un train sur trois`.
  const sourceOrdinals = readSpelled(sourceText, sourceRules.textLang).filter((spelled) => spelled.ordinal && spelled.value >= 2).map((spelled) => spelled.value);
  const wanted = [...new Set([...spelledCardinals(sourceText, sourceRules), ...sourceOrdinals])];
  if (wanted.length === 0) return [];
  const found = [...new Set(spelledCardinals(targetText, targetRules))];
  if (found.length === 0) return [];
  const all = (q: Quantities | undefined, text: string, rules: LocaleRules) => {
    const quantities = q ?? readQuantities(text, rules);
    return new Set([...quantities.amounts.map((amount) => amount.value), ...quantities.words, ...quantities.times.map((time) => Math.floor(time.minutes / 60))]);
  };
  const inTarget = all(target, targetText, targetRules);
  const lost = wanted.filter((value) => !inTarget.has(value));
  if (lost.length === 0) return [];
  // What the source says as a figure or a cardinal; an ordinal only where the translation has no ordinal of it
  // (`die dritte Niederlage … vier Zähler` = `третье поражение … три очка` is a lost four, not a kept third).
  const sourceQuantities = source ?? readQuantities(sourceText, sourceRules);
  const targetOrdinals = new Set(readSpelled(targetText, targetRules.textLang).filter((spelled) => spelled.ordinal).map((spelled) => spelled.value));
  const inSource = new Set([
    ...sourceQuantities.amounts.map((amount) => amount.value),
    ...sourceQuantities.times.map((time) => Math.floor(time.minutes / 60)),
    ...spelledCardinals(sourceText, sourceRules),
    ...sourceQuantities.words.filter((value) => !targetOrdinals.has(value) || !sourceOrdinals.includes(value)),
  ]);
  const added = found.filter((value) => !inSource.has(value));
  if (added.length === 0) return [];
  return [{ severity: 'error', message: `number words differ: the source says ${lost.join(', ')}, the translation ${added.join(', ')}` }];
}

const WORD = /\p{L}{3,}/gu;
function spelledCardinals(text: string, rules: LocaleRules): number[] {
  // CLDR's spell-out forms for any locale (`fem`, `четыре`, `padesát osm`), then the hand table's declined forms.
  const values = readSpelled(text, rules.textLang).filter((spelled) => !spelled.ordinal && spelled.value >= 2 && Number.isInteger(spelled.value)).map((spelled) => spelled.value);
  // … and the ones written in one word with their unit (`Fünfprozenthürde`, `사흘간`).
  for (const found of readWordUnits(text, rules)) if (found.value >= 2) values.push(found.value);
  const table = (NUMERALS as unknown as Record<string, { cardinals?: Record<string, number> }>)[baseLanguage(rules.textLang)]?.cardinals;
  if (!table) return values;
  for (const word of text.match(WORD) ?? []) {
    const value = table[word.toLowerCase()];
    if (value !== undefined && value >= 2 && Number.isInteger(value)) values.push(value);
  }
  return values;
}
/** Units of time that convert into each other (`eine Woche` = `sieben Tage`; `ein Jahr` = `zwölf Monate`). */
const TIME_FAMILY: Record<string, string> = { second: 'day', minute: 'day', hour: 'day', day: 'day', week: 'day', month: 'year', year: 'year' };

/**
 * One of a unit of time the source says with the article (`innerhalb einer
 * Woche`), which the translation names in another unit only (`within a
 * month`, `do měsíce`, `bir ay içinde`, `在一个月内`). Unit names in every
 * locale are CLDR's through Intl. Not where the translation names a unit the
 * source's converts into (`within seven days`), nor one the source names
 * anywhere else, in a compound too (`Monatsende`).
 */
function compareImpliedOne(source: Quantities, targetText: string, sourceText: string, sourceRules: LocaleRules, targetRules: LocaleRules): CheckResult[] {
  const implied = source.impliedOne ?? [];
  if (implied.length === 0) return [];
  const named = timeUnitsNamed(targetText, targetRules);
  if (named.size === 0) return [];
  const inSource = timeUnitsNamed(sourceText, sourceRules, true);
  const results: CheckResult[] = [];
  for (const { unit, text } of implied) {
    if ([...named].some((other) => TIME_FAMILY[other] === TIME_FAMILY[unit])) continue;
    const other = [...named].find((other) => !inSource.has(other));
    if (other === undefined) continue;
    results.push({ severity: 'error', message: `${text} is in another unit in the translation: ${other}` });
  }
  return results;
}

/**
 * Physical measures, which readers get rounded (not money, shares or counts).
 * Temperatures are left out: one degree is what a weather report is about.
 */
const MEASURES = new Set(['km', 'kmh', 'mph', 'mile', 'm', 'cm', 'mm', 'ft', 'inch', 'yard', 'kg', 'lb', 'tonne', 'km2', 'sq-mile', 'ha', 'acre', 'litre', 'gallon']);
const UNIT_ALIASES = new Set(CONVERSIONS.flatMap(([a, b, factor]) => (factor === 1 ? [`${a}|${b}`, `${b}|${a}`] : [])));
/** A unit and the units that name it another way (`mph` and `miles` an hour, GBP and the pound of weight). */
const SAME_UNIT = new Map<string, string[]>();
for (const [a, b, factor] of CONVERSIONS) {
  if (factor !== 1) continue;
  SAME_UNIT.set(a, [...(SAME_UNIT.get(a) ?? [a]), b]);
  SAME_UNIT.set(b, [...(SAME_UNIT.get(b) ?? [b]), a]);
}
const sameUnits = (unit: string) => SAME_UNIT.get(unit) ?? [unit];

/**
 * A number both sides spell out, given in another unit: `drei Wochen` → `tre
 * måneder`, `at least three days`. Only where the translation writes that
 * value with a unit, spelled or as a figure; a unit it converts to (`zwei
 * Tage` = `48 hours`) is no error.
 */
function compareSpelledUnits(source: Quantities, target: Quantities): CheckResult[] {
  const spelled = source.spelledUnits ?? [];
  if (spelled.length === 0) return [];
  const others = [...(target.spelledUnits ?? []), ...target.amounts.filter((amount) => amount.unit !== undefined).map((amount) => ({ value: amount.value, unit: amount.unit!, text: amount.text }))];
  const results: CheckResult[] = [];
  for (const s of spelled) {
    const same = others.filter((t) => t.value === s.value);
    if (same.length === 0 || same.some((t) => t.unit === s.unit || UNIT_ALIASES.has(`${s.unit}|${t.unit}`))) continue;
    results.push({ severity: 'error', message: `${s.text} is in another unit in the translation: ${same[0]!.text}` });
  }
  return results;
}

/**
 * A weekday the translation names that the source does not, where the source
 * names one (`am Donnerstag` → `on Wednesday`). The night before a day may be
 * named by either: `in der Nacht zum Montag` = `overnight Sunday`.
 */
function compareWeekdays(source: string, target: string, sourceRules: LocaleRules, targetRules: LocaleRules): CheckResult[] {
  const sourceDays = new Set(readWeekdays(source, sourceRules));
  if (sourceDays.size === 0) return [];
  if (/Nacht\s+(?:zum|zu|auf)\s/u.test(source)) for (const day of [...sourceDays]) sourceDays.add(day === 1 ? 7 : day - 1);
  const other = readWeekdays(target, targetRules).filter((day) => !sourceDays.has(day));
  if (other.length === 0) return [];
  return [{ severity: 'error', message: `weekdays differ: not in the source: ${other.map((day) => targetRules.weekdays[day - 1]).join(', ')}` }];
}

/**
 * A weekday of the source that the translation gives as a day of the month,
 * as Japanese and Chinese news do under a dateline (`am Mittwochabend` =
 * `４日夜` under `05.02.2026`, a Thursday): the day must be that weekday's
 * date near the dateline (this week's, the next or the last). The night
 * before a day (`in der Nacht zum Freitag`) may be either date.
 */
function weekdayAsDay(pair: SegmentPair, source: string, target: string): CheckResult[] {
  if (!pair.document || !DIGIT.test(target)) return [];
  const dateline = datelineOf(pair.document.units);
  if (!dateline) return [];
  const days = readWeekdays(source, pair.sourceRules);
  if (days.length !== 1) return [];
  const targetDays = [...target.matchAll(DAY_ALONE)].map((m) => Number(m[1]));
  if (targetDays.length === 0 || readQuantities(source, pair.sourceRules).dates.length > 0) return [];
  const datelineDay = ((dateline.getUTCDay() + 6) % 7) + 1;
  // The weekday's date in the dateline's week or the next (`am kommenden Montag`), or the week before.
  const ahead = (days[0]! - datelineDay + 7) % 7;
  const dayOf = (shift: number) => new Date(dateline.getTime() + shift * 86_400_000).getUTCDate();
  const nightBefore = /Nacht\s+(?:zum|zu|auf)\s/u.test(source);
  const expected = new Set([ahead, ahead - 7].flatMap((shift) => (nightBefore ? [dayOf(shift), dayOf(shift - 1)] : [dayOf(shift)])));
  if (targetDays.some((day) => expected.has(day))) return [];
  return [{ severity: 'error', message: `dates differ: ${pair.sourceRules.weekdays[days[0]! - 1]} is the ${[...expected].join(' or ')}, the translation says the ${targetDays.join(', ')}` }];
}

/** `４日夜`, `11日から`, `5일`: a day of the month named alone (NFKC has made the digits ASCII). */
const DAY_ALONE = /(?<![\p{N}月월])(\d{1,2}) ?(?:日|일|号)(?![間间본本目])/gu;

const datelines = new WeakMap<object, Date | null>();
/** The date of the document's dateline (`Stuttgart, 05.02.2026 –`): the first numeric date among its first units. */
function datelineOf(units: readonly { readonly source: string }[]): Date | undefined {
  if (!datelines.has(units)) {
    let found: Date | null = null;
    for (const unit of units.slice(0, 3)) {
      const m = /(?<![\p{N}.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\p{N}])/u.exec(unit.source);
      if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
        found = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
        break;
      }
    }
    datelines.set(units, found);
  }
  return datelines.get(units) ?? undefined;
}

/**
 * Ordinals both sides write as words that share no value: `zum dritten Mal` →
 * `pour la deuxième fois`. (Where one side uses a figure, the figures compare.)
 */
function compareOrdinals(source: string, target: string, sourceRules: LocaleRules, targetRules: LocaleRules): CheckResult[] {
  const ordinalsOf = (text: string, rules: LocaleRules) => [
    ...readOrdinals(text, rules),
    // A rank as a figure and a counter (`6位`, `3위`) is the ordinal the other side spells (`Neunter` ≠ `6位`).
    ...readRanks(text, rules),
    ...readSpelled(text, rules.textLang).filter((spelled) => spelled.ordinal).map((spelled) => spelled.value),
  ];
  // `erste`, `first`, `premier` are as often `leading`, `senior`, `early`: only ranks from the second are compared.
  const wanted = [...new Set(ordinalsOf(source, sourceRules))].filter((value) => value >= 2);
  if (wanted.length === 0) return [];
  const found = [...new Set(ordinalsOf(target, targetRules))].filter((value) => value >= 2);
  if (found.length === 0 || found.some((value) => wanted.includes(value))) return [];
  return [{ severity: 'error', message: `ordinals differ: the source says ${wanted.join(', ')}, the translation ${found.join(', ')}` }];
}

function monthsOnly(source: string, target: string, sourceRules: LocaleRules, targetRules: LocaleRules): CheckResult[] {
  return compareMonths(readMonths(source, sourceRules), readMonths(target, targetRules), sourceRules, targetRules);
}

/** A month the translation names alone that the source does not, where the source names one: `Ende Juli` → `finales de junio`. */
function compareMonths(
  source: Pick<Quantities, 'months' | 'dates'>,
  target: Pick<Quantities, 'months' | 'dates'>,
  sourceRules: LocaleRules,
  targetRules: LocaleRules,
): CheckResult[] {
  const monthsOf = (q: Pick<Quantities, 'months' | 'dates'>) => new Set([...q.months, ...q.dates.map((date) => Number(date.split('-')[0])).filter((month) => month > 0)]);
  const sourceMonths = monthsOf(source);
  const targetMonths = monthsOf(target);
  // A translation may name months where the source names none (`im dritten Quartal` = `7～9月期`).
  const otherMonths = sourceMonths.size === 0 ? [] : target.months.filter((month) => !sourceMonths.has(month));
  if (otherMonths.length === 0) return [];
  const lostMonths = source.months.filter((month) => !targetMonths.has(month));
  return [{ severity: 'error', message: `months differ: ${describe(lostMonths.map(monthName(sourceRules)), otherMonths.map(monthName(targetRules)))}` }];
}

/**
 * Pairs figures by value, then tells what is left: a figure in another unit, a
 * conversion added for the reader, a figure the other side spells out, or a
 * figure missing or added. Figures are grouped by value, so pairing is linear.
 */
/** Numbers spelled out with a unit (`sechs Meter`), as figures a conversion of the other side may come from (`20 feet`). */
const spelledAmounts = (q: Quantities): Amount[] => (q.spelledUnits ?? []).map(({ value, unit, text }) => ({ value, unit, text }));

function compareAmounts(
  source: readonly Amount[],
  target: readonly Amount[],
  sourceWords: readonly number[],
  targetWords: readonly number[],
  sourceSpelled: readonly Amount[] = [],
  targetSpelled: readonly Amount[] = [],
): CheckResult[] {
  const results: CheckResult[] = [];
  // Target figures by value and unit ('' for none): each pairing takes one in constant time.
  const buckets = new Map<string, Amount[]>();
  const unitsOf = new Map<number, Set<string>>();
  for (const b of target) {
    const key = `${b.value}|${b.unit ?? ''}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(b);
    else buckets.set(key, [b]);
    const units = unitsOf.get(b.value);
    if (units) units.add(b.unit ?? '');
    else unitsOf.set(b.value, new Set([b.unit ?? '']));
  }
  const paired = new Set<Amount>();
  const take = (a: Amount, unitMatches: (unit: string) => boolean) => {
    for (const unit of unitsOf.get(a.value) ?? []) {
      if (!unitMatches(unit)) continue;
      const b = buckets.get(`${a.value}|${unit}`)!.pop();
      if (!b) continue;
      paired.add(a).add(b);
      return b;
    }
    return undefined;
  };
  // Same value and unit first (or the same measure named two ways: l/m² of rain is mm), then a side that names
  // no unit, then another unit (an error).
  for (const a of source) take(a, (unit) => unit === (a.unit ?? '') || UNIT_ALIASES.has(`${a.unit}|${unit}`));
  // A share is not a count of things where a side names no share at all: `24 Sitze` ≠ `24 procent`, `40 Prozent` ≠ `40 av
  // de vanliga`; elsewhere a side may leave the unit to a neighbour (`entre el 30 y el 43 %`).
  const shares = (amounts: readonly Amount[]) => amounts.some((amount) => amount.unit === 'percent');
  const [sourceShares, targetShares] = [shares(source), shares(target)];
  const countVsShare = (a: Amount, unit: string) =>
    (a.unit === 'percent' && unit === '' && !targetShares && (buckets.get(`${a.value}|`) ?? []).some((b) => b.counted)) ||
    (a.counted === true && unit === 'percent' && !sourceShares);
  for (const a of source) if (!paired.has(a)) take(a, (unit) => (a.unit === undefined || unit === '') && !countVsShare(a, unit));
  for (const a of source) {
    if (paired.has(a)) continue;
    const b = take(a, () => true);
    if (b) results.push({ severity: 'error', message: `${a.text} is in another unit in the translation: ${b.text}` });
  }
  const spelledInTarget = new Set(targetWords);
  const spelledInSource = new Set(sourceWords);
  const converted = conversionFinder([...target, ...targetSpelled]);
  const original = conversionFinder([...source, ...sourceSpelled]);
  // A conversion in brackets (`3.5 km (2.2-mile)`) is one whatever the translator's rounding, within 12 %.
  const convertedAside = conversionFinder([...target, ...targetSpelled], 0.12);
  const originalAside = conversionFinder([...source, ...sourceSpelled], 0.12);
  // One of a unit is often said with a word or none: `pro Quadratmeter` = `1㎡당`, `a kilo` = `1 kg`.
  const oneOf = (amount: Amount) => amount.value === 1 && amount.unit !== undefined;
  const missing = source.filter((a) => {
    if (paired.has(a) || spelledInTarget.has(a.value) || oneOf(a) || a.inWord) return false;
    const conversion = converted(a) ?? (a.aside ? convertedAside(a) : undefined);
    if (conversion) results.push({ severity: 'warning', message: `${a.text} is given only as ${conversion.text}` });
    return !conversion;
  });
  const extra = target.filter((b) => {
    if (paired.has(b) || spelledInSource.has(b.value) || oneOf(b)) return false;
    // A counter the source says with a word (`die beiden Länder` = `2つの国`), where no figure of the source is missing.
    if (b.counter && missing.length === 0) return false;
    const from = original(b) ?? (b.aside ? originalAside(b) : undefined);
    if (from) results.push({ severity: 'warning', message: `${b.text} (a conversion of ${from.text}) is not in the source` });
    return !from;
  });
  // A measure rounded another way (`136 km/h` = `137 km/h`, `290 Kilo` = `295 kg`, `620 km` = `619 km`): translators
  // round again from the original's miles and Fahrenheit. Whole figures of the same physical unit within 2 % (or one).
  // A measure with a fraction rounded to a whole one (`7,5 Zentimeter` = `8 cm`, `2,5 bis 10 cm` = `2 a 10 cm`): the
  // original's inches, converted twice.
  const rounded = (a: Amount, b: Amount) =>
    Number.isInteger(a.value) ? Math.abs(b.value - a.value) <= Math.max(1, Math.abs(a.value) * 0.02) : b.value === Math.floor(a.value) || b.value === Math.ceil(a.value);
  for (const a of [...missing]) {
    if (!a.unit || !MEASURES.has(a.unit)) continue;
    const b = extra.find((b) => (b.unit === a.unit || UNIT_ALIASES.has(`${a.unit}|${b.unit}`)) && Number.isInteger(b.value) && rounded(a, b));
    if (!b) continue;
    missing.splice(missing.indexOf(a), 1);
    extra.splice(extra.indexOf(b), 1);
    results.push({ severity: 'warning', message: `${a.text} is rounded to ${b.text} in the translation` });
  }
  // A clock figure with points for colons (`2.02.48`, `16.31` for `2:02:48`, `16:31`): the Nordic and Finnish way of
  // writing times and race times (the Swedish Language Council's `kl. 16.30`; CLDR's time separator for da and fi). The
  // same digit groups, in the same order, are the same figure.
  for (const b of [...extra]) {
    const groups = POINTED_CLOCK.exec(b.text)?.slice(1).filter((group) => group !== undefined);
    if (!groups) continue;
    const parts = groups.map((group) => missing.find((a) => a.text === group));
    if (parts.some((a, i) => a === undefined || parts.indexOf(a) !== i)) continue;
    for (const a of parts) missing.splice(missing.indexOf(a!), 1);
    extra.splice(extra.indexOf(b), 1);
  }
  if (missing.length + extra.length > 0) {
    results.push({ severity: 'error', message: `numbers differ: ${describe(missing.map((a) => a.text), extra.map((b) => b.text))}` });
  }
  return results;
}

/** Its unit may follow (`16.31 minutter`), and is what the source's clock figure says too. */
const POINTED_CLOCK = /^(\d{1,3})\.(\d{2})(?:\.(\d{2}))?(?![\d.,])/;

/**
 * Finds, among `amounts`, one that converts a given figure to another unit as
 * rounded for readers (12 km ≈ 7.5 miles, 25 °C = 77 °F), by binary search
 * over the figures of each unit.
 */
function conversionFinder(amounts: readonly Amount[], looseness = 0.05): (from: Amount) => Amount | undefined {
  const byUnit = new Map<string, Amount[]>();
  for (const amount of amounts) {
    if (!amount.unit) continue;
    const list = byUnit.get(amount.unit);
    if (list) list.push(amount);
    else byUnit.set(amount.unit, [amount]);
  }
  for (const list of byUnit.values()) list.sort((a, b) => a.value - b.value);
  // The figures of several units, merged and sorted once per set of units.
  const merged = new Map<string, Amount[]>();
  const listOf = (units: readonly string[]) => {
    const key = units.join('|');
    let list = merged.get(key);
    if (!list) {
      list = units.length === 1 ? (byUnit.get(units[0]!) ?? []) : units.flatMap((unit) => byUnit.get(unit) ?? []).sort((x, y) => x.value - y.value);
      merged.set(key, list);
    }
    return list;
  };
  return (from) => {
    if (!from.unit) return undefined;
    // The unit as either side may name it: `ポンド`, `libras` are the pound sterling and the pound of weight.
    const fromUnits = sameUnits(from.unit);
    const rate = CURRENCY_RATES[from.unit];
    if (rate !== undefined) {
      for (const [unit, list] of byUnit) {
        const other = CURRENCY_RATES[unit];
        if (other === undefined || unit === from.unit) continue;
        const expected = (from.value * rate) / other;
        const found = firstAtLeast(list, expected / 1.6);
        if (found && found.value <= expected * 1.6) return found;
      }
      if (fromUnits.length === 1) return undefined;
    }
    for (const [a, b, factor] of CONVERSIONS) {
      // The same unit named two ways is paired or rounded, not converted.
      if (factor === 1) continue;
      const forward = fromUnits.includes(a);
      if (!forward && !fromUnits.includes(b)) continue;
      // `Grad`, `degrees` without C or F read as Celsius: US English gives Fahrenheit as plain degrees (`27 ºC` = `80 degrees`).
      // The other unit as either side names it: `時速85マイル` is miles per hour.
      const list = listOf(factor === 'celsius' ? [a, b] : sameUnits(forward ? b : a));
      if (list.length === 0) continue;
      const toF = (from.value * 9) / 5 + 32;
      const toC = ((from.value - 32) * 5) / 9;
      // Plain degrees may be either scale, so both directions are tried for them. (A difference of temperatures,
      // `12 ºC` = `a 20-degree difference`, is not: `14 Grad` → `24 grader` would pass as one.)
      const candidates =
        factor === 'celsius' ? (forward ? [toF, toC] : [toC, toF]) : [forward ? from.value * factor : from.value / factor];
      for (const expected of candidates) {
        // Temperatures are rounded to the degree, whatever the looseness.
        const tolerance =
          factor === 'celsius' ? Math.max(Math.abs(expected) * 0.05, looseness > 0.05 ? 3 : 1.5) : Math.max(Math.abs(expected) * looseness, 0.5);
        const found = firstAtLeast(list, expected - tolerance);
        if (found && found !== from && found.value <= expected + tolerance) return found;
      }
    }
    return undefined;
  };
}

/** The first figure of a list sorted by value that is at least `value` (binary search). */
function firstAtLeast(list: readonly Amount[], value: number): Amount | undefined {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.value < value) low = middle + 1;
    else high = middle;
  }
  return list[low];
}

function describe(missing: readonly string[], extra: readonly string[]): string {
  const parts = [];
  if (missing.length > 0) parts.push(`missing ${missing.join(', ')}`);
  if (extra.length > 0) parts.push(`not in the source: ${extra.join(', ')}`);
  return parts.join('; ');
}

const formatDate = (date: string) => {
  const [month, day] = date.split('-');
  return `${day}.${month}.`;
};
const formatTime = (time: Time) => `${Math.floor(time.minutes / 60)}:${String(time.minutes % 60).padStart(2, '0')}`;
const monthName = (rules: LocaleRules) => (month: number) => rules.monthWords[month - 1]?.[0] ?? String(month);

/**
 * Times of `a` without a match in `b`: the same time, or the same on a 12-hour
 * clock where either side did not say a.m. or p.m. (`9:15` = `21:15`). Exact
 * matches first, so a 12-hour reading never takes a time another one needs.
 */
function timesWithout(a: readonly Time[], b: readonly Time[]): Time[] {
  const exact = difference(a, b, (time) => time.minutes);
  const unmatchedB = difference(b, a, (time) => time.minutes);
  // Twelve-hour readings pair with anything on the same clock face; the others only with a twelve-hour one.
  const faces = new Map<number, { twelveHour: number; exact: number }>();
  for (const time of unmatchedB) {
    const face = faces.get(time.minutes % 720) ?? { twelveHour: 0, exact: 0 };
    face[time.twelveHour ? 'twelveHour' : 'exact']++;
    faces.set(time.minutes % 720, face);
  }
  return exact.filter((time) => {
    const face = faces.get(time.minutes % 720);
    if (face && face.twelveHour > 0) return (face.twelveHour--, false);
    if (face && time.twelveHour && face.exact > 0) return (face.exact--, false);
    return true;
  });
}

/**
 * A day named without its month (`0-16`, Japanese `16日` under a dateline)
 * pairs with a date of the other side on that day; alone, it satisfies but is
 * never required.
 */
function withDaysAlone(missing: string[], extra: string[]): [string[], string[]] {
  const day = (date: string) => date.split('-')[1];
  const pairOff = (alone: string[], dated: string[]) => {
    for (const date of alone.filter((d) => d.startsWith('0-'))) {
      const index = dated.findIndex((d) => day(d) === day(date));
      if (index < 0) continue;
      dated.splice(index, 1);
      alone.splice(alone.indexOf(date), 1);
    }
  };
  pairOff(missing, extra);
  pairOff(extra, missing);
  // A day alone that pairs with nothing is more often a count (`1日ほど`, `2～3日かけて`): never an error.
  const dated = (list: string[]) => list.filter((date) => !date.startsWith('0-'));
  return [dated(missing), dated(extra)];
}

/** Plain numbers of a text (dates and times left out), for tools and tests. */
export function extractNumbers(text: string, rules: LocaleRules): number[] {
  return readQuantities(text, rules).amounts.map((amount) => amount.value);
}
