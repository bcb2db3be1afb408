/**
 * Stage 5, merge. Takes: Doc + targets + findings per locale. Sends: the
 * localised document text, i18next resources and the publication manifest.
 */
export { renderDoc, renderMarkdown, renderHtml, buildResources, decidePublication, blockOutline, type DocResources, type Publication, type PublishLevel } from './render.js';
export { MANIFEST_FILE, type Manifest, type ManifestDoc, type ManifestNamespace } from './manifest.js';
