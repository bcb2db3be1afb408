/** #24: a tag that is not a locale code is refused with the code meant, found through CLDR, not a hand list. */
import { describe, expect, it } from 'vitest';
import { parseLang, suggestLang, unknownLocale } from '../../src/core/lang.js';

describe('#24 the code meant by a tag that is not one', () => {
  it.each([
    ['jp', 'ja'], // a country code: CLDR's likely language of Japan
    ['ua', 'uk'],
    ['gr', 'el'],
    ['en_US', 'en-US'], // a POSIX locale name
    ['pt_br', 'pt-BR'],
    ['english', 'en'], // a language name, in English, German, French or the language itself
    ['Deutsch', 'de'],
    ['japonais', 'ja'],
  ])('%s → %s', (tag, meant) => {
    expect(parseLang(tag)).toBeUndefined();
    expect(suggestLang(tag)).toBe(meant);
  });

  it('says nothing it cannot tell', () => {
    expect(suggestLang('xx')).toBeUndefined();
    expect(unknownLocale('xx')).toBe('unknown locale "xx"');
    expect(unknownLocale('jp')).toBe('unknown locale "jp"; did you mean "ja" (Japanese)?');
  });

  it('reads a tag in any case as its canonical form (BCP 47 tags are case-insensitive)', () => {
    expect(parseLang('EN-us')).toBe('en-US');
  });

  it('refuses a four-letter language subtag instead of throwing', () => {
    expect(parseLang('root')).toBeUndefined();
  });
});
