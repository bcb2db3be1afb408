/**
 * #26: language tags as real tools write them. DGT-TM's files (Euramis)
 * write `DA-01`, `PL-01` for 13 of their 24 languages; other tools write
 * `en_GB`, `EN-US` or ISO 639-2 codes. Each is read as the BCP 47 tag it
 * stands for and said so; only a tag that names no language is refused, by
 * name and count.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { SqliteMemory } from '../../src/memory/sqlite-store.js';
import { mapTmxLang } from '../../src/memory/tmx-lang.js';
import { importTmx } from '../../src/tm-import.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/tmx');

describe('#26 language tags of real TMX', () => {
  let dir: string;
  let memory: SqliteMemory;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'l10n-tm-lang-'));
    memory = new SqliteMemory(path.join(dir, 'memory.sqlite'), 'de' as Lang);
  });
  afterEach(async () => {
    memory.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports every one of the 24 languages of a DGT-TM file, Polish and Danish among them', async () => {
    const summary = await importTmx(memory, path.join(FIXTURES, 'dgt-tm/22019D0391.tmx'));
    expect([...summary.skipped]).toEqual([]);
    // English (`EN-GB`) is the file's source; the 23 others are its translations.
    expect([...summary.locales.keys()].sort()).toEqual(
      ['bg', 'cs', 'da', 'de-DE', 'el', 'es-ES', 'et', 'fi', 'fr-FR', 'hr-HR', 'hu', 'it-IT', 'lt', 'lv', 'mt', 'nl-NL', 'pl', 'pt-PT', 'ro-RO', 'sk', 'sl', 'sv-SE'].sort(),
    );
    expect(summary.locales.get('pl')).toBe(19);
    // Said per tag as written, with how many <tuv>s had it.
    expect(summary.mapped.get('DA-01')).toEqual({ lang: 'da', count: 21 });
    expect(summary.mapped.get('PL-01')).toEqual({ lang: 'pl', count: 19 });
    expect(summary.mapped.get('EN-GB')).toEqual({ lang: 'en-GB', count: 25 });
  });

  it('maps wrong case, POSIX names, Euramis numbers and ISO 639-2 codes, and refuses only what names no language', async () => {
    const tuv = (lang: string, text: string) => `<tuv xml:lang="${lang}"><seg>${text}</seg></tuv>`;
    const unit = (...tuvs: string[]) => `<tu>${tuv('de', 'Guten Tag.')}${tuvs.join('')}</tu>`;
    const file = path.join(dir, 'tags.tmx');
    await writeFile(
      file,
      `<tmx version="1.4"><header srclang="de"/><body>${[
        unit(tuv('en_GB', 'Good day.'), tuv('EN-US', 'Hi.'), tuv('PL-01', 'Dzień dobry.')),
        unit(tuv('fre', 'Bonjour.'), tuv('dan', 'Goddag.'), tuv('QQ-01', '?')),
        unit(tuv('QQ-01', '??'), tuv('zz_ZZ', '?')),
      ].join('')}</body></tmx>`,
    );
    const summary = await importTmx(memory, file);
    expect([...summary.locales.keys()].sort()).toEqual(['da', 'en-GB', 'en-US', 'fr', 'pl']);
    expect(Object.fromEntries([...summary.mapped].map(([tag, { lang, count }]) => [tag, `${lang} ${count}`]))).toEqual({
      en_GB: 'en-GB 1',
      'EN-US': 'en-US 1',
      'PL-01': 'pl 1',
      fre: 'fr 1',
      dan: 'da 1',
    });
    expect(Object.fromEntries(summary.skipped)).toEqual({ 'unknown language tag QQ-01': 2, 'unknown language tag zz_ZZ': 1 });
    // The tag as written goes back out on export.
    expect([...memory.entries('pl' as Lang)][0]!.tmx?.targetLang).toBe('PL-01');
  });

  it('reads ISO 639-2/T and /B codes through CLDR aliases, and leaves BCP 47 tags as they are', () => {
    expect(['ger', 'deu', 'pol', 'DA-01', 'EL-01', 'en_GB', 'EN-us', 'sr_Latn_RS', 'chi', 'iw'].map(mapTmxLang)).toEqual(['de', 'de', 'pl', 'da', 'el', 'en-GB', 'en-US', 'sr-Latn-RS', 'zh', 'he']);
    expect(['xx-01', 'qq', 'de-DE-01x'].map(mapTmxLang)).toEqual([undefined, undefined, undefined]);
  });
});
