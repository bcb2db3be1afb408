/**
 * Stage 5, merge: a checked job's localised outputs, or why it is withheld.
 * A locale is published for a document only when every sentence is translated
 * and QA found no error; its outputs are the i18next resources and the
 * documents the config asks for.
 */
import type { Lang } from '../core/lang.js';
import type { Segment } from '../core/types.js';
import { buildResources, decidePublication, type Publication, type PublishLevel } from '../merge/index.js';
import { RENDERERS, RESOURCES_FORMAT, type DocumentFormat } from '../merge/outputs.js';
import type { Outputs } from '../store/store.js';
import type { CheckedJob } from './check.js';
import type { SourceDocument } from './job.js';

export function merge(job: CheckedJob, formats: readonly DocumentFormat[], level: PublishLevel): { publication: Publication; outputs: Outputs } {
  const publication = decidePublication(job.source.parsed.doc, job.targets, job.findings, level);
  if (!publication.published) return { publication, outputs: new Map() };
  return { publication, outputs: render(job.source, job.lang, formats, (segment) => job.targets.get(segment.id)!.text) };
}

/** The source language's own resources, for apps that show the original. */
export function sourceOutputs(source: SourceDocument, lang: Lang): Outputs {
  if (source.format.kind === 'resources') return new Map([[source.format.extension, source.format.write(source.parsed, lang, (segment) => segment.text)]]);
  return new Map([[RESOURCES_FORMAT, json(resourcesOf(source, lang, (segment) => segment.text))]]);
}

function render(source: SourceDocument, lang: Lang, formats: readonly DocumentFormat[], textOf: (segment: Segment) => string): Outputs {
  // A resource file is published as itself, in its own format only.
  if (source.format.kind === 'resources') return new Map([[source.format.extension, source.format.write(source.parsed, lang, textOf)]]);
  const outputs = new Map([[RESOURCES_FORMAT, json(resourcesOf(source, lang, textOf))]]);
  if (source.format.ownFileAlways) outputs.set(source.format.extension, source.format.write(source.parsed, lang, textOf));
  for (const format of formats) {
    // A document in its own format is written back from its skeleton.
    const own = source.format.extension === format;
    outputs.set(format, own ? source.format.write(source.parsed, lang, textOf) : RENDERERS[format](source.parsed.doc, lang, textOf));
  }
  return outputs;
}

/** A document's resources: markup where its format's text is markup (HTML fragments), else the text. */
function resourcesOf(source: SourceDocument, lang: Lang, textOf: (segment: Segment) => string) {
  return source.format.resources?.(source.parsed, lang, textOf) ?? buildResources(source.parsed.doc, lang, textOf);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
