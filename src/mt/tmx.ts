/**
 * TMX 1.4b (LISA/GALA Translation Memory eXchange), the format every CAT tool
 * imports: one `<tu>` per source sentence, with a `<tuv>` for the source and
 * for each locale that has an approved translation of it.
 */
import type { Lang } from '../core/lang.js';
import { escapeAttribute, escapeText } from '../xliff/escape.js';
import type { TranslationMemory } from './memory.js';

export interface TmxOptions {
  readonly sourceLang: Lang;
  /** Memory per target locale. */
  readonly memories: ReadonlyMap<Lang, TranslationMemory>;
  readonly toolVersion: string;
}

export function writeTmx(options: TmxOptions): string {
  const sources = new Map<string, { lang: Lang; text: string; state: string }[]>();
  for (const [lang, memory] of options.memories) {
    for (const [source, target] of memory) {
      const list = sources.get(source) ?? [];
      list.push({ lang, text: target.text, state: target.state });
      sources.set(source, list);
    }
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="l10n-pipeline" creationtoolversion="${escapeAttribute(options.toolVersion)}" segtype="sentence" o-tmf="l10n-pipeline" adminlang="en" srclang="${escapeAttribute(options.sourceLang)}" datatype="plaintext"/>`,
    '  <body>',
  ];
  for (const source of [...sources.keys()].sort()) {
    lines.push('    <tu>');
    lines.push(`      <tuv xml:lang="${escapeAttribute(options.sourceLang)}"><seg>${escapeText(source)}</seg></tuv>`);
    for (const target of sources.get(source)!.sort((a, b) => (a.lang < b.lang ? -1 : 1))) {
      lines.push(`      <tuv xml:lang="${escapeAttribute(target.lang)}"><prop type="x-state">${target.state}</prop><seg>${escapeText(target.text)}</seg></tuv>`);
    }
    lines.push('    </tu>');
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}
