/**
 * #26: plurals as real i18next reads them. The localised files are loaded by
 * the i18next the app runs, with the app's config: i18next 26 (v4 JSON) and
 * i18next 23 with `compatibilityJSON: 'v3'` (`key` / `key_plural`), and every
 * count resolves to the form of its CLDR category.
 */
import i18nextV4 from 'i18next';
import i18nextV3 from 'i18next-v23';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Lang } from '../../src/core/lang.js';
import type { DocId } from '../../src/core/types.js';
import { i18next } from '../../src/formats/i18next.js';
import { rulesFor } from '../../src/segment/index.js';

const de = 'de' as Lang;
const parse = (text: string) => i18next.parse(text, { docId: 'ns' as DocId, lang: de, rules: rulesFor(de), file: 'ns.json' });
const COUNTS = [0, 1, 2, 5, 22];
const LANGS = ['pl', 'ru', 'ar', 'ja'];

const V4 = `{
  "inbox": {
    "message_one": "{{count}} Nachricht",
    "message_other": "{{count}} Nachrichten"
  },
  "title": "Posteingang"
}
`;

const V3 = `{
  "inbox": {
    "message": "{{count}} Nachricht",
    "message_plural": "{{count}} Nachrichten",
    "friend_male": "{{count}} Freund",
    "friend_male_plural": "{{count}} Freunde"
  },
  "title": "Posteingang"
}
`;

/** Each form's text names the CLDR category it was written for, as a translator's target would differ. */
function localise(source: string, lang: string): Record<string, unknown> {
  const parsed = i18next.forLocale!(parse(source), lang as Lang);
  const text = i18next.write(parsed, lang as Lang, (segment) => {
    const block = parsed.doc.body.find((b) => b.kind === 'block' && b.parts.includes(segment));
    const category = /Plural form "(\w+)"/.exec((block?.kind === 'block' && block.note) || '')?.[1];
    return `[${category ?? 'text'}] ${segment.text}`;
  });
  return JSON.parse(text) as Record<string, unknown>;
}

const expected = (lang: string) => COUNTS.map((n) => `[${new Intl.PluralRules(lang).select(n)}] ${n}`);

describe('#26 i18next plurals in real i18next', () => {
  it.each(LANGS)('v4 keys: i18next 26 resolves every count in %s to its CLDR form', async (lang) => {
    const instance = i18nextV4.createInstance();
    await instance.init({ lng: lang, resources: { [lang]: { translation: localise(V4, lang) } }, interpolation: { escapeValue: false } });
    expect(COUNTS.map((count) => instance.t('inbox.message', { count }).replace(/ Nachricht(?:en)?$/, ''))).toEqual(expected(lang));
  });

  it.each(LANGS)("v3 keys: i18next 23 with compatibilityJSON 'v3' resolves every count in %s to its CLDR form", async (lang) => {
    const resources = localise(V3, lang);
    const instance = i18nextV3.createInstance();
    await instance.init({ lng: lang, compatibilityJSON: 'v3', resources: { [lang]: { translation: resources } }, interpolation: { escapeValue: false } });
    expect(COUNTS.map((count) => instance.t('inbox.message', { count }).replace(/ Nachricht(?:en)?$/, ''))).toEqual(expected(lang));
    expect(COUNTS.map((count) => instance.t('inbox.friend', { count, context: 'male' }).replace(/ Freunde?$/, ''))).toEqual(expected(lang));
    // A lookup without a count still finds a text.
    expect(instance.t('inbox.message')).toMatch(/^\[(one|other)\]/);
  });

  it('writes v3 as v3: Polish gets numbered forms, French keeps key and key_plural, German comes back byte for byte', () => {
    expect(Object.keys(localise(V3, 'pl').inbox as object)).toEqual(['message', 'message_0', 'message_1', 'message_2', 'friend_male', 'friend_male_0', 'friend_male_1', 'friend_male_2']);
    expect(Object.keys(localise(V3, 'fr').inbox as object)).toEqual(['message', 'message_plural', 'friend_male', 'friend_male_plural']);
    const german = i18next.forLocale!(parse(V3), de);
    expect(i18next.write(german, de, (segment) => segment.text)).toBe(V3);
  });

  it("numbers v3 forms as i18next 23 does for every language it accepts, and refuses the others by name", async () => {
    const accepted: string[] = [];
    for (const lang of 'af ar be bg ca cs da el en es et fi fr hr hu id is it ja ko lt mk nb nl pl pt ro ru sk sr sv uk vi zh'.split(' ')) {
      const resources = localise(V3, lang);
      const instance = i18nextV3.createInstance();
      await instance.init({ lng: lang, compatibilityJSON: 'v3', resources: { [lang]: { translation: resources } }, interpolation: { escapeValue: false } });
      const wrong = Array.from({ length: 201 }, (_, n) => n).filter(
        (count) => !instance.t('inbox.message', { count }).startsWith(`[${new Intl.PluralRules(lang).select(count)}]`),
      );
      expect(wrong, lang).toEqual([]);
      accepted.push(lang);
    }
    expect(accepted.length).toBeGreaterThan(30);
    expect(() => localise(V3, 'sl')).toThrow(/i18next v3 plurals .* cannot be written for sl/);
  });

  it('refuses an ICU message with plural branches, naming the key and its line', () => {
    const icu = '{\n  "title": "Posteingang",\n  "messages": "{count, plural, one {# Nachricht} other {# Nachrichten}}"\n}\n';
    expect(() => parse(icu)).toThrow(InputError);
    expect(() => parse(icu)).toThrow(/ns\.json:3.*"messages" is an ICU message with plural or select branches/);
  });
});
