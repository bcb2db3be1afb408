import { baseLanguage } from '../../core/lang.js';
import { defineCheck } from '../check.js';

const WORD = /\p{L}{3,}/gu;
// What a translation rightly keeps in the original: addresses, placeholders, and titles and quotations in quotation marks.
// ICU message syntax (`{n, plural, one {…}`) is code; the case bodies are text.
// Linear in the text: a part that runs over a word (`\w+`, `\S+`) starts only where the word starts (a lookbehind),
// and a quotation ends at the next opening mark too, or a long word or a run of `«` was scanned to its end again
// from each of its characters (`\S+@` made a 30,000-letter word take 30 s).
const KEPT =
  /(?<!\w)\w+:\/\/\S+|(?<!\S)\S+@\S+|www\.\S+|\$t\([^()]*\)|\{\{[^{}]*\}\}|\{[\w.]+\}|\{\s*[\w.]+\s*,\s*(?:plural|select|selectordinal)\s*,|(?<![=\w])[=\w]+\s*(?=\{)|«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|"[^"]*"|「[^「」]*」/gu;
const LOWER_WORD = /(?<![\p{L}])\p{Ll}\p{L}{2,}/gu;
const words = (text: string, lowerOnly = false) => (text.replace(KEPT, ' ').match(lowerOnly ? LOWER_WORD : WORD) ?? []).map((word) => word.toLowerCase());
const LOWER_CASE_WORD = /(?<![\p{L}])\p{Ll}{2,}(?![\p{L}])/gu;

/**
 * The translation is the source text, whole or nearly: a target left in
 * German. Names, numbers and credits alone ("Channel 4", "Ashton Carter",
 * "dpa") stay the same on purpose, so only a source with a lower-case word
 * (German function words are lower case) is expected to change, and addresses
 * and quoted titles may stay; a target
 * that differs from the source only in a few words (a name swapped in, a
 * number re-formatted) but keeps four fifths of its lower-case words is still
 * German.
 * Not for a variant of the source language (de → de-CH) or a pseudo-locale.
 */
export const untranslated = defineCheck({
  id: 'untranslated',
  title: 'Translation is the same as the source',
  run(pair) {
    if (baseLanguage(pair.lang) === baseLanguage(pair.sourceRules.textLang) || pair.targetRules.textLang !== pair.lang) return [];
    // German sentences have lower-case words (verbs, function words); credits (`Berlin (dpa)`, `Foto: dpa`) hardly.
    const lower = pair.source.match(LOWER_CASE_WORD) ?? [];
    const sentence = lower.length >= 2 || (lower.some((word) => word.length >= 3) && pair.source.trim().split(/\s+/).length >= 3);
    if (!sentence) return [];
    const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
    if (normalise(pair.target) === normalise(pair.source) && pair.source.trim().split(/\s+/).length >= 2) {
      return [{ severity: 'error', message: 'the translation is the same as the source' }];
    }
    // Lower-case words only: names (`Angela Merkel and Emmanuel Macron`) stay the same in any language.
    const target = words(pair.target, true);
    if (target.length < 2) return [];
    const source = new Set(words(pair.source));
    const kept = target.filter((word) => source.has(word)).length;
    if (target.length >= 2 && kept >= target.length * 0.8) {
      return [{ severity: 'error', message: `the translation is still in the source language (${kept} of its ${target.length} lower-case words are the source’s)` }];
    }
    return [];
  },
});
