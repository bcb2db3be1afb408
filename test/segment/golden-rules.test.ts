import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { DocId, Segment } from '../../src/core/types.js';
import { segmentText } from '../../src/segment/index.js';

/** pragmatic_segmenter's German cases (MIT); see golden-rules/README.md for source and what is left out. */
const cases = JSON.parse(readFileSync(path.join(import.meta.dirname, 'golden-rules/de.json'), 'utf8')) as {
  name: string;
  input: string;
  expected: string[];
}[];

describe('German golden rules (pragmatic_segmenter)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { input, expected }) => {
    const doc = segmentText(input, { docId: 'golden' as DocId, lang: 'de' as Lang });
    const segments = doc.body.flatMap((block) =>
      block.kind === 'block' ? block.parts.filter((p): p is Segment => p.kind === 'segment').map((p) => p.text) : [],
    );
    expect(segments).toEqual(expected);
  });
});
