/**
 * XLIFF 2.0 writer (XLIFF 2.0 §4.3): a `<unit>` per block, a `<segment>` per
 * sentence with its state (XLIFF 2.0 §4.3.1.27 has our scale; machine output is
 * `initial` + subState), `<ignorable>` for the whitespace between sentences, so
 * the unit's text comes back exactly. Valid against xliff-2.1-with-modules.xsd.
 */
import { blocksOf, segmentsOfBlock } from '../core/doc.js';
import { isMachineOrigin } from '../core/state.js';
import type { Block } from '../core/types.js';
import { proposalContent, sourceContent, targetContent } from './codes.js';
import { attributes, escapeText } from './escape.js';
import { BLOCK_RESTYPE, MEMORY_ORIGIN, TOOL_ID, type XliffExport } from './model.js';
import { notesFor } from './write-12.js';

const MTC = 'urn:oasis:names:tc:xliff:matches:2.0';

export function writeXliff20(input: XliffExport): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff${attributes({
      xmlns: 'urn:oasis:names:tc:xliff:document:2.0',
      'xmlns:mtc': MTC,
      version: '2.0',
      srcLang: input.sourceLang,
      trgLang: input.targetLang,
    })}>`,
    ` <file${attributes({ id: 'f1', original: input.original ?? `${input.doc.id}.txt` })}>`,
  ];
  // A loop, not a spread: one block may hold more lines than a call has room for arguments.
  for (const block of blocksOf(input.doc)) for (const line of writeUnit(block, input)) out.push(line);
  out.push(' </file>', '</xliff>', '');
  return out.join('\n');
}

function writeUnit(block: Block, input: XliffExport): string[] {
  const segments = segmentsOfBlock(block);
  const notes = segments.flatMap((segment) => notesFor(block, segment, input).map((note) => ({ segment, note })));
  const machine = segments.flatMap((segment) => {
    const target = input.targets.get(segment.id);
    return target && isMachineOrigin(target.origin) ? [{ segment, target, engine: target.origin.engine }] : [];
  });
  const lines = [
    `  <unit${attributes({ id: block.id, type: `${TOOL_ID}:${BLOCK_RESTYPE[block.type].slice(2)}`, 'xml:space': 'preserve' })}>`,
  ];
  const proposals = segments.flatMap((segment) => (input.proposals?.get(segment.id) ?? []).map((proposal, index) => ({ segment, proposal, index })));
  if (machine.length + proposals.length > 0) {
    lines.push('   <mtc:matches>');
    for (const { segment, target, engine } of machine) {
      lines.push(
        `    <mtc:match${attributes({ ref: `#${segment.id}`, type: 'mt', origin: engine ?? 'machine' })}><source>${sourceContent(segment, '2.0')}</source><target>${targetContent(target.text, segment, '2.0')}</target></mtc:match>`,
      );
    }
    // XLIFF 2.1 §5.1 Translation Candidates: similarity is the source's match score (0–100); 101 % is an in-context match.
    for (const { segment, proposal, index } of proposals) {
      const ids = `${segment.id}-m${index + 1}`;
      lines.push(
        `    <mtc:match${attributes({ ref: `#${segment.id}`, type: proposal.score > 100 ? 'icm' : 'tm', origin: MEMORY_ORIGIN, similarity: String(Math.min(proposal.score, 100)) })}><source>${proposalContent(proposal.source, ids, '2.0')}</source><target>${proposalContent(proposal.target, ids, '2.0')}</target></mtc:match>`,
      );
    }
    lines.push('   </mtc:matches>');
  }
  if (notes.length > 0) {
    lines.push('   <notes>');
    for (const { segment, note } of notes) {
      lines.push(`    <note${attributes({ category: `${TOOL_ID}:${segment.id}` })}>${escapeText(note)}</note>`);
    }
    lines.push('   </notes>');
  }
  for (const part of block.parts) {
    if (part.kind === 'gap') {
      lines.push(`   <ignorable><source>${escapeText(part.text)}</source></ignorable>`);
      continue;
    }
    const target = input.targets.get(part.id);
    const machineMade = target !== undefined && isMachineOrigin(target.origin) && target.state === 'translated';
    const state = target === undefined || machineMade ? 'initial' : target.state;
    const subState = machineMade ? `${TOOL_ID}:mt` : target?.origin.by === 'memory' ? `${TOOL_ID}:tm` : undefined;
    lines.push(
      `   <segment${attributes({ id: part.id, state, subState })}><source>${sourceContent(part, '2.0')}</source>${
        target ? `<target>${targetContent(target.text, part, '2.0')}</target>` : ''
      }</segment>`,
    );
  }
  lines.push('  </unit>');
  return lines;
}
