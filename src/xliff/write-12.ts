import { formatAcceptance } from '../core/acceptance.js';
import { acceptanceHash } from '../core/reading.js';
/**
 * XLIFF 1.2 writer (XLIFF 1.2 §2.3): one `<file>` per document, a `<group>`
 * per block, a `<trans-unit>` per sentence with `xml:space="preserve"`, no
 * custom namespaces, so the strict 1.2 schema accepts it. Our own serializer:
 * no pretty-printing inside `<source>`/`<target>`, stable attribute order, so an
 * unchanged export is byte-identical.
 */
import { blocksOf, segmentsOfBlock } from '../core/doc.js';
import { HUMAN, isMachineOrigin } from '../core/state.js';
import { stateToXliff12 } from './flavours/index.js';
import type { Block, Segment, Target } from '../core/types.js';
import { proposalContent, sourceContent, targetContent } from './codes.js';
import { attributes, escapeText } from './escape.js';
import { BLOCK_RESTYPE, MEMORY_ORIGIN, TOOL_ID, type XliffExport } from './model.js';
import { TOOL_VERSION } from './tool-version.js';

export function writeXliff12(input: XliffExport): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    ` <file${attributes({
      original: input.original ?? `${input.doc.id}.txt`,
      'source-language': input.sourceLang,
      'target-language': input.targetLang,
      datatype: 'plaintext',
    })}>`,
    '  <header>',
    `   <tool${attributes({ 'tool-id': TOOL_ID, 'tool-name': TOOL_ID, 'tool-version': TOOL_VERSION })}/>`,
    '  </header>',
    '  <body>',
  ];
  for (const block of blocksOf(input.doc)) {
    out.push(`   <group${attributes({ id: block.id, restype: BLOCK_RESTYPE[block.type] })}>`);
    for (const segment of segmentsOfBlock(block)) out.push(...writeUnit(block, segment, input));
    out.push('   </group>');
  }
  out.push('  </body>', ' </file>', '</xliff>', '');
  return out.join('\n');
}

function writeUnit(block: Block, segment: Segment, input: XliffExport): string[] {
  const target = input.targets.get(segment.id);
  const xliffState = stateToXliff12(target?.state ?? 'initial', target?.origin ?? HUMAN);
  const lines = [
    `    <trans-unit${attributes({
      id: segment.id,
      resname: `${block.id}.${segmentIndex(block, segment)}`,
      approved: xliffState.approved ? 'yes' : undefined,
      'xml:space': 'preserve',
    })}>`,
    `     <source>${sourceContent(segment, '1.2')}</source>`,
    `     ${writeTarget(target, segment, xliffState)}`,
  ];
  if (target && isMachineOrigin(target.origin)) {
    lines.push(
      `     <alt-trans${attributes({ origin: target.origin.engine ?? 'machine', alttranstype: 'proposal' })}><target>${targetContent(target.text, segment, '1.2')}</target></alt-trans>`,
    );
  }
  for (const proposal of input.proposals?.get(segment.id) ?? []) {
    // XLIFF 1.2 §2.3.2.6 alt-trans; match-quality is free text there, CAT tools read a bare percentage.
    lines.push(
      `     <alt-trans${attributes({ 'match-quality': String(proposal.score), origin: MEMORY_ORIGIN, alttranstype: 'proposal' })}><source>${proposalContent(proposal.source, segment.id, '1.2')}</source><target${attributes({ 'xml:lang': input.targetLang })}>${proposalContent(proposal.target, segment.id, '1.2')}</target></alt-trans>`,
    );
  }
  for (const note of notesFor(block, segment, input)) {
    lines.push(`     <note${attributes({ from: TOOL_ID, annotates: 'general' })}>${escapeText(note)}</note>`);
  }
  lines.push('    </trans-unit>');
  return lines;
}

function writeTarget(target: Target | undefined, segment: Segment, xliffState: ReturnType<typeof stateToXliff12>): string {
  const attrs = attributes({ state: xliffState.state, 'state-qualifier': xliffState.qualifier });
  return target ? `<target${attrs}>${targetContent(target.text, segment, '1.2')}</target>` : `<target${attrs}/>`;
}

/** Human-readable position "s2" of a segment inside its block, for `resname`. */
function segmentIndex(block: Block, segment: Segment): string {
  return `s${block.parts.filter((part) => part.kind === 'segment').indexOf(segment) + 1}`;
}

/** Block kind for headlines and captions, then QA findings. */
export function notesFor(block: Block, segment: Segment, input: XliffExport): string[] {
  const notes: string[] = [];
  const target = input.targets.get(segment.id);
  // Acceptances stay only while the target is the text they were given for.
  const hash = target?.accepted ? acceptanceHash(target.text, segment) : undefined;
  for (const acceptance of target?.accepted ?? []) if (acceptance.target === hash) notes.push(formatAcceptance(acceptance));
  if (block.type === 'headline') notes.push('Headline: keep it short, no full stop.');
  if (block.type === 'caption') notes.push('Picture credit: translate the label, keep the agency name.');
  if (block.note) notes.push(block.note);
  notes.push(...(input.notes?.get(segment.id) ?? []));
  return notes;
}
