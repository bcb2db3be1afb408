/**
 * German sentence segmentation rules for news text, written by us after the
 * categories in notes/segmentation.md §5–7: abbreviations, ordinals before months
 * and nouns, determiner + number, lowercase continuations, quotes.
 */
import type { LanguageRules } from './types.js';

/** Abbreviations that end with a period and almost never end a sentence. */
export const GERMAN_ABBREVIATIONS: readonly string[] = [
  // general
  'Abb', 'Abh', 'Abk', 'Abs', 'Abt', 'abzgl', 'Adr', 'akad', 'allg', 'Anh', 'Anl', 'Anm', 'Art', 'Aufl', 'Ausg',
  'Bd', 'Bde', 'bes', 'Best', 'betr', 'Betr', 'Bez', 'bspw', 'bzgl', 'bzw', 'ca', 'Chr', 'dgl', 'dt', 'Dtzd',
  'ebd', 'eigtl', 'einschl', 'entspr', 'erg', 'etc', 'ev', 'evtl', 'exkl', 'Fa', 'Fam', 'ff', 'Fr', 'frz', 'gegr',
  'geb', 'Gebr', 'gem', 'ges', 'gesch', 'gest', 'ggf', 'ggü', 'Hbf', 'hl', 'Hr', 'Hrn', 'Hrsg', 'inkl', 'insb',
  'Inh', 'Ing', 'jew', 'Jh', 'Jhd', 'jr', 'jun', 'Kap', 'kath', 'Kfm', 'kgl', 'Kl', 'lat', 'lfd', 'Lfg', 'lt',
  'max', 'Mio', 'Mrd', 'Mill', 'min', 'Min', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So', 'mtl', 'mind', 'Nachf',
  'n', 'nachm', 'Nr', 'Nrn', 'näml', 'o', 'od', 'österr', 'Pf', 'Pfd', 'Pkt', 'Pl', 'Prof', 'Prov', 'rd', 'Reg',
  'resp', 'röm', 'S', 'Sek', 'sen', 'sog', 'spez', 'Sp', 'St', 'Std', 'Str', 'stv', 'Tab', 'Tel', 'Tsd', 'u',
  'usf', 'usw', 'v', 'Verf', 'verh', 'Verl', 'Vers', 'vgl', 'vorm', 'Vors', 'wg', 'Wwe', 'zit', 'Ziff', 'zzgl',
  'zzt', 'Zt', 'Zi',
  // titles and names
  'Dr', 'Dres', 'Dipl', 'Mag', 'Pfr', 'Hl', 'Kard', 'Gen', 'Oberstlt', 'Lt', 'Kpt', 'Hptm', 'Prälat',
  // months and weekdays
  'Jan', 'Feb', 'Febr', 'Mär', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Okt', 'Nov', 'Dez',
  // English ones common in German news
  'Mr', 'Mrs', 'Ms', 'Jr', 'Sr', 'Inc', 'Ltd', 'Corp', 'Co', 'vs',
];

export const GERMAN_MONTHS: readonly string[] = [
  'Januar', 'Jänner', 'Februar', 'Feber', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
  'November', 'Dezember', 'Jan', 'Feb', 'Febr', 'Mär', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Okt', 'Nov', 'Dez',
];

/** Nouns that follow an ordinal number: "im 20. Jahrhundert", "den 3. Platz". */
export const GERMAN_ORDINAL_NOUNS: readonly string[] = [
  'Jahrhundert', 'Jahrhunderts', 'Jahrtausend', 'Jh', 'Jhd', 'Platz', 'Platzes', 'Rang', 'Runde', 'Etappe',
  'Klasse', 'Staffel', 'Folge', 'Liga', 'Bundesliga', 'Spieltag', 'Spieltags', 'Geburtstag', 'Geburtstags',
  'Jahrestag', 'Todestag', 'Lebensjahr', 'Stock', 'Stockwerk', 'Etage', 'Kapitel', 'Auflage', 'Ausgabe',
  'Wahlgang', 'Durchgang', 'Lauf', 'Satz', 'Minute', 'Sitzung', 'Amtszeit', 'Legislaturperiode', 'Mal', 'Woche',
  'Tag', 'Monat', 'Quartal', 'Halbjahr', 'Semester', 'Armee', 'Division', 'Kompanie', 'Symphonie', 'Sinfonie',
  'Breitengrad', 'Längengrad', 'Grad', 'Preis', 'Weltkrieg', 'Weltkriegs', 'Parteitag', 'Parteitags', 'FC', 'Mai',
];

const wordStart = '(?<![\\p{L}\\p{N}])';
const alternatives = (words: readonly string[]) =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.]/g, '\\.')).join('|');

/** Closing quotes and brackets that may stand between the full stop and the space. */
const closers = `["'“”»«‘’›‹)\\]]`;

export const germanRules: LanguageRules = {
  lang: 'de',
  rules: [
    {
      break: false,
      before: `${wordStart}(?:${alternatives(GERMAN_ABBREVIATIONS)})\\.`,
      after: '\\s',
      comment: 'abbreviation (Tsd., ggf., Nr. …)',
    },
    {
      break: false,
      before: `${wordStart}\\p{L}\\.`,
      after: '\\s',
      comment: 'single letter + period: initials and z. B., u. a., d. h.',
    },
    {
      break: false,
      before: `${wordStart}\\d{1,4}\\.`,
      after: `\\s+(?:${alternatives([...GERMAN_MONTHS, ...GERMAN_ORDINAL_NOUNS])})(?![\\p{L}])`,
      comment: 'ordinal before a month or an ordinal noun: am 9. September, im 20. Jahrhundert',
    },
    {
      break: false,
      before: `${wordStart}(?:am|im|vom|zum|bis|ab|seit|der|die|das|den|dem|des|ein|eine|einer|einem|einen|jeder|jede|jedem|jeden|zur|beim)\\s+\\d{1,3}\\.`,
      after: '\\s',
      comment: 'determiner + number is an ordinal: am 9., die 2. Frau',
    },
    {
      break: false,
      before: `\\d{1,3}\\.`,
      after: '\\s*[-–]\\s*\\d{1,3}\\.',
      comment: 'ordinal range: 4. bis 6., 1.–3.',
    },
    {
      break: false,
      before: `[.!?…]+${closers}*`,
      after: '\\s+[\\p{Ll}]',
      comment: 'a German sentence does not start in lower case: "…?“ fragte er", "Ludwig XIV. ließ"',
    },
    {
      break: false,
      before: `[.!?…]+${closers}+`,
      after: '\\s*[,;:]',
      comment: 'quotation ending inside a sentence: „…“, sagte er',
    },
    {
      break: true,
      before: `[.!?…]+${closers}*`,
      after: '\\s',
      comment: 'end of sentence: full stop, question or exclamation mark, ellipsis, then space',
    },
    {
      break: true,
      before: '[^\\n]',
      after: '\\n',
      comment: 'a line break inside a block is a hard break',
    },
  ],
};
