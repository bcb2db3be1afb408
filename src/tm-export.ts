/** `l10n tm export`: the approved translations of every locale as TMX 1.4. */
import type { Lang } from './core/lang.js';
import { writeTmx, type TranslationMemory } from './mt/index.js';
import { qaContext, type Project } from './project.js';
import { memoryWorthy } from './stages/extract.js';
import { TOOL_VERSION } from './xliff/tool-version.js';

export async function exportMemories(project: Project): Promise<{ tmx: string; units: number; locales: number }> {
  const memories = new Map<Lang, TranslationMemory>();
  for (const lang of project.locales) {
    const memory = await project.store.readMemory(lang);
    if (memory.size === 0) continue;
    // A memory written before QA guarded it may hold a translation that now fails: never exported as final.
    const entries = [...memory].map(([source, target]) => ({ source, target }));
    const clean = new Set(memoryWorthy(entries, lang, qaContext(project)).map((entry) => entry.source));
    memories.set(lang, new Map(entries.map(({ source, target }) => [source, clean.has(source) ? target : { ...target, state: 'translated' as const }])));
  }
  const tmx = writeTmx({ sourceLang: project.config.sourceLanguage, memories, toolVersion: TOOL_VERSION });
  return { tmx, units: [...memories.values()].reduce((n, memory) => n + memory.size, 0), locales: memories.size };
}
