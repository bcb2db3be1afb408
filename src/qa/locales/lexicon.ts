/**
 * What a German lexicon knows about a capitalised word: German writes every
 * noun with a capital, so `Partei`, `Änderungen` or `Hauses` are no names,
 * nor is a function word in capitals for emphasis (`NICHT`, `DASS`). The
 * lists are built from maintained packages (data/lexicon/README.md: nouns
 * from LanguageTool's german-pos-dict, CC BY-SA 4.0; function words from
 * stopwords-de, MIT), read once, on first use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../../core/package-root.js';

const DIR = path.join(PACKAGE_ROOT, 'data/lexicon');
let nouns: Set<string> | undefined;
let functionWords: Set<string> | undefined;

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

/** Every form of every common noun the lexicon knows, as German writes it (`Partei`, `Parteien`, `WM`). */
function germanNouns(): Set<string> {
  nouns ??= new Set(lines(gunzipSync(readFileSync(path.join(DIR, 'de-nouns.txt.gz'))).toString('utf8')));
  return nouns;
}

function germanFunctionWords(): Set<string> {
  functionWords ??= new Set(lines(readFileSync(path.join(DIR, 'de-function-words.txt'), 'utf8')));
  return functionWords;
}

/** Whether `word` is a form of a German common noun (`Änderungen`, `Hauses`), not a name. */
export function isGermanNoun(word: string): boolean {
  return germanNouns().has(word);
}

/** Whether `word` is an abbreviation German uses as a common noun (`WM`, `EU`, `HIV`), so a translation may spell it out. */
export function isGermanAbbreviation(word: string): boolean {
  return /^\p{Lu}{2,}$/u.test(word) && germanNouns().has(word);
}

/**
 * Whether a word in capitals is an ordinary German word written so for
 * emphasis or in a headline (`NICHT`, `DASS`, `MASSE`), not an acronym: its
 * lower-case form is a function word, or its capitalised form a noun the
 * lexicon does not also know in capitals.
 */
export function isShoutedGermanWord(word: string): boolean {
  if (!/^\p{Lu}{2,}$/u.test(word)) return false;
  const lower = word.toLowerCase();
  // Two letters are as often an acronym (`AU`, `ES`): those only next to a longer shouted word (`DANKE, DASS DU`).
  if (word.length >= 3 && germanFunctionWords().has(lower)) return true;
  return word.length >= 4 && !germanNouns().has(word) && germanNouns().has(word[0] + lower.slice(1));
}

/** Whether a lower-case word is a German function word (`in`, `und`, `der`). */
export function isGermanFunctionWord(word: string): boolean {
  return germanFunctionWords().has(word);
}

/**
 * Whether `word` is a German compound of two nouns the lexicon knows, each of
 * four letters or more (the first maybe a compound itself), the first with or without a linking `s`, `n`, `en`
 * or `es` (`Wahlkampf|team`, `Regierung|s|sprecher`). Many surnames are
 * compounds too (`Goldberg`, `Hofmann`): ask only where a name is not
 * expected, as after a name in the genitive.
 */
export function isGermanCompound(word: string, depth = 2): boolean {
  if (depth === 0 || word.length < 8 || word.length > 64 || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  for (let split = 4; split <= word.length - 4; split++) {
    const head = word.slice(split);
    if (!germanNouns().has(head[0]!.toUpperCase() + head.slice(1))) continue;
    const first = word.slice(0, split);
    for (const link of ['', 's', 'n', 'en', 'es']) {
      if (link && !first.endsWith(link)) continue;
      const stem = first.slice(0, first.length - link.length);
      // The first part may be a compound itself (`Wahl|kampf|team`).
      if (germanNouns().has(stem) || isGermanCompound(stem, depth - 1)) return true;
    }
  }
  return false;
}
