/**
 * Our XLIFF 1.2 as OmegaT reads it (#26). OmegaT's own XLIFF filter
 * (`org.omegat.filters3.xml.xliff.XLIFFDialect`) keeps `<source>` and
 * `<alt-trans>` intact and offers the text of `<target>` for translation: a
 * machine or memory pre-fill in `<target>` shows where the German should, and
 * an approved translation shows as text to translate again. So for OmegaT:
 *
 * - a unit not yet approved gets a copy of its source as its target, with
 *   `state="needs-translation"`, the source's inline codes included (OmegaT
 *   shows them as its tags and writes them back); the engine's or the
 *   memory's text stays beside it in `<alt-trans>` (our proposals are there
 *   already; a memory or unreviewed pre-fill is added), where Okapi-based tools
 *   and translate-toolkit read it. OmegaT users get the memory as TMX in
 *   `tm/` (`l10n tm export`).
 * - an approved unit is `translate="no"` (XLIFF 1.2 §2.5.2 translate): OmegaT
 *   leaves it as it is, and it comes back unchanged.
 *
 * Every other byte stays as written, so the file validates as ours does, and
 * `l10n import` takes OmegaT's output back: a target still holding the source
 * copy is not a translation (`targets.ts`).
 */
import { XliffError } from '../core/errors.js';
import { attribute, childrenNamed } from '../xml/parse.js';
import { attributes } from './escape.js';
import { MEMORY_ORIGIN, TOOL_ID } from './model.js';
import { mapXliffText } from './read.js';

interface Edit {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

export function xliffForOmegaT(xml: string, file: string): string {
  const { document } = mapXliffText(xml, file);
  if (document.major !== 1) throw new XliffError('OmegaT reads our XLIFF 1.2: extract with --xliff 1.2', { file });
  // Offsets are of the text after a byte order mark, as the parser reads it.
  const bom = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const edits: Edit[] = [];
  const done = new Set<unknown>();
  for (const segment of document.segments) {
    const unit = segment.unit;
    // Our units hold one segment each; a unit seen once is enough.
    if (done.has(unit) || segment.segSource !== undefined) continue;
    done.add(unit);
    if (attribute(unit, 'approved') === 'yes') {
      if (attribute(unit, 'translate') === undefined) edits.push({ at: unit.start + '<trans-unit'.length, end: unit.start + '<trans-unit'.length, text: ' translate="no"' });
      continue;
    }
    const source = segment.source;
    const copy = `<target state="needs-translation">${xml.slice(source.openEnd + bom, source.closeStart + bom)}</target>`;
    const target = segment.targetElement;
    if (!target) {
      edits.push({ at: source.end, end: source.end, text: copy });
      continue;
    }
    const before = target.selfClosing ? '' : xml.slice(target.openEnd + bom, target.closeStart + bom);
    const proposals = childrenNamed(unit, 'alt-trans', segment.ns).flatMap((alt) => childrenNamed(alt, 'target', segment.ns)).map((alt) => xml.slice(alt.openEnd + bom, alt.closeStart + bom));
    // A pre-fill not among the proposals yet is kept beside: the memory's as a proposal, a person's not yet reviewed as their previous version.
    const fromMemory = attribute(target, 'state-qualifier') === 'leveraged-tm';
    const alt = fromMemory ? { origin: MEMORY_ORIGIN, alttranstype: 'proposal' } : { origin: TOOL_ID, alttranstype: 'previous-version' };
    const kept = before.trim() !== '' && !proposals.includes(before) ? `<alt-trans${attributes(alt)}><target>${before}</target></alt-trans>` : '';
    edits.push({ at: target.start, end: target.end, text: `${copy}${kept}` });
  }
  let out = xml;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at + bom) + edit.text + out.slice(edit.end + bom);
  return out;
}
