/** `l10n tm export`: the whole memory as TMX 1.4, streamed. */
import { writeTmx } from './memory/tmx-write.js';
import type { Project } from './project.js';
import { TOOL_VERSION } from './xliff/tool-version.js';

/** The TMX text in pieces, as it is written; `written` counts units and translations so far. */
export function exportMemory(project: Project): { chunks: AsyncGenerator<string>; written: { units: number; translations: number } } {
  const written = { units: 0, translations: 0 };
  const chunks = writeTmx(project.store.memory({ write: false }).entries(), { sourceLang: project.config.sourceLanguage, toolVersion: TOOL_VERSION, written });
  return { chunks, written };
}
