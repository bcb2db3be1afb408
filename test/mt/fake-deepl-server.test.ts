/**
 * The local DeepL-compatible server speaks what the real API speaks: checked
 * through the real deepl-node client, and with the JSON bodies DeepL's docs show.
 */
import * as deepl from 'deepl-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';

describe('the local DeepL server', () => {
  let server: FakeDeepL;
  let client: deepl.DeepLClient;
  beforeEach(async () => {
    server = await startFakeDeepL({ characterLimit: 1000 });
    client = new deepl.DeepLClient('key', { serverUrl: server.url, maxRetries: 1 });
  });
  afterEach(() => server.close());

  it('translates JSON bodies as documented', async () => {
    const response = await fetch(`${server.url}/v2/translate`, {
      method: 'POST',
      headers: { authorization: 'DeepL-Auth-Key key', 'content-type': 'application/json' },
      body: JSON.stringify({ text: ['„Hallo“, sagte sie.'], target_lang: 'EN-GB', source_lang: 'DE' }),
    });
    expect(await response.json()).toEqual({
      translations: [{ detected_source_language: 'DE', text: '⟦EN-GB⟧ “Hallo”, sagteʼ sieʼ.', billed_characters: 19 }],
    });
  });

  it('answers usage, languages and glossary pairs as deepl-node expects', async () => {
    await client.translateText('Eins.', 'de', 'fr');
    const usage = await client.getUsage();
    expect([usage.character?.count, usage.character?.limit]).toEqual([5, 1000]);
    expect((await client.getTargetLanguages()).map((l) => l.code)).toContain('en-GB');
    expect((await client.getGlossaryLanguagePairs()).length).toBeGreaterThan(0);
  });

  it('keeps v2 glossaries: create, list, entries, use, delete', async () => {
    const glossary = await client.createGlossary('names', 'de', 'en', new deepl.GlossaryEntries({ entries: { Moskau: 'Moscow' } }));
    expect((await client.listGlossaries()).map((g) => g.name)).toEqual(['names']);
    expect((await client.getGlossaryEntries(glossary)).entries()).toEqual({ Moskau: 'Moscow' });
    expect((await client.translateText('Moskau schweigt.', 'de', 'en-GB', { glossary })).text).toBe('⟦EN-GB⟧ Moscow schweigtʼ.');
    await client.deleteGlossary(glossary);
    expect(await client.listGlossaries()).toEqual([]);
  });

  it('refuses a bad key (403), an unknown target (400), too many texts (413) and a used-up quota (456)', async () => {
    await expect(new deepl.DeepLClient('invalid', { serverUrl: server.url }).translateText('x', 'de', 'fr')).rejects.toBeInstanceOf(
      deepl.AuthorizationError,
    );
    await expect(client.translateText('x', 'de', 'xx' as deepl.TargetLanguageCode)).rejects.toThrow(/target_lang/);
    await expect(client.translateText(Array.from({ length: 51 }, () => 'x'), 'de', 'fr')).rejects.toThrow(/413/);
    await expect(client.translateText('x'.repeat(1001), 'de', 'fr')).rejects.toBeInstanceOf(deepl.QuotaExceededError);
  });
});
