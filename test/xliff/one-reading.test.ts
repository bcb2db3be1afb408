/**
 * #26: an acceptance is given for the one reading of a target (codes as
 * placeholders, `core/reading.ts`). The review page gives it from the text a
 * run holds, `l10n accept` from the XLIFF: both name the same target, so it
 * survives being written and read back, in XLIFF 1.2 and 2.0.
 */
import { describe, expect, it } from 'vitest';
import { targetHash } from '../../src/core/acceptance.js';
import type { Lang } from '../../src/core/lang.js';
import { acceptanceHash, CODE_MARK, targetReading } from '../../src/core/reading.js';
import type { DocId, Segment, SegmentId, Target } from '../../src/core/types.js';
import { markdown } from '../../src/formats/markdown.js';
import { rulesFor } from '../../src/segment/index.js';
import { readXliff, targetsFromXliff, writeXliff, type XliffVersion } from '../../src/xliff/index.js';
import { xliffReading } from '../../src/xliff/reading.js';

const de = 'de' as Lang;
await markdown.prepare?.();
const parsed = markdown.parse('Bis zu 3 Personen lesen [die Anleitung](https://beispiel.de/hilfe#schritt-2) unter `192.0.2.172`.\n', {
  docId: 'hilfe' as DocId,
  lang: de,
  rules: rulesFor(de),
  file: 'hilfe.md',
});
const segment = parsed.doc.body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part): part is Segment => part.kind === 'segment') : []))[0]!;
const text = 'Up to 4 people read [the guide](https://beispiel.de/hilfe#schritt-2) at `192.0.2.172`.';

describe.each(['1.2', '2.0'] as XliffVersion[])('XLIFF %s', (version) => {
  it('reads a target with codes as run reads it: the link’s words, no URL, the code span as one placeholder', () => {
    expect(segment.codes?.length).toBe(3);
    expect(targetReading(text, segment)).toBe(`Up to 4 people read the guide at ${CODE_MARK}.`);
    const target: Target = { segmentId: segment.id, text, state: 'translated', origin: { by: 'human' } };
    const xml = writeXliff({ doc: parsed.doc, original: 'hilfe.md', sourceLang: de, targetLang: 'en' as Lang, targets: new Map([[segment.id, target]]) }, version);
    const unit = readXliff(xml, 'hilfe.xlf').segments[0]!;
    expect(xliffReading(unit.target!)).toBe(targetReading(text, segment));
  });

  it('keeps an acceptance given on the review page through a write and a read', () => {
    const accepted = { check: 'numbers', target: acceptanceHash(text, segment), note: 'four' };
    const target: Target = { segmentId: segment.id, text, state: 'translated', origin: { by: 'human' }, accepted: [accepted] };
    const xml = writeXliff({ doc: parsed.doc, original: 'hilfe.md', sourceLang: de, targetLang: 'en' as Lang, targets: new Map([[segment.id, target]]) }, version);
    expect(xml).toContain(`QA accepted (numbers) ${accepted.target}: four`);
    const read = targetsFromXliff(parsed.doc, readXliff(xml, 'hilfe.xlf'));
    expect(read.targets.get(segment.id as SegmentId)?.accepted).toEqual([accepted]);
    // Not the hash of the text with the codes' markup, which the XLIFF cannot give back.
    expect(accepted.target).not.toBe(targetHash(text));
  });
});

describe('an acceptance given before every command read a unit one way', () => {
  it('still holds in run: it was the hash of the raw text, codes included', async () => {
    const { checkDoc } = await import('../../src/qa/run.js');
    const old = { check: 'numbers', target: targetHash(text), note: 'four, as the client asked' };
    const targets = (accepted: Target['accepted']) =>
      new Map([[segment.id, { segmentId: segment.id, text, state: 'translated', origin: { by: 'human' }, ...(accepted ? { accepted } : {}) } as Target]]);
    const findings = (accepted: Target['accepted']) =>
      checkDoc(parsed.doc, targets(accepted), { sourceLang: de, lang: 'en' as Lang }).filter((finding) => finding.check === 'numbers');
    // 3 → 4 is a numbers error; accepted under the old hash it no longer blocks.
    expect(findings(undefined).some((finding) => finding.severity === 'error' && !finding.accepted)).toBe(true);
    expect(findings([old]).every((finding) => finding.accepted)).toBe(true);
    // Accepted for other text, it does not hold.
    expect(findings([{ ...old, target: targetHash('Up to 5 people') }]).some((finding) => !finding.accepted)).toBe(true);
  });
});
