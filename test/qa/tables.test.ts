/**
 * Every check against tables of correct and broken translations (fixtures/*.json):
 * correct ones get no error from any check and no finding from the check itself;
 * broken ones get the expected finding.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs, checks } from '../../src/qa/index.js';
import { parseTermbase } from '../../src/termbase/index.js';
import { REPO_ROOT } from '../helpers/temp-project.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const termbase = parseTermbase(readFileSync(path.join(REPO_ROOT, 'terms/names.tbx'), 'utf8'), 'names.tbx');
type Row = [lang: string, source: string, target: string, expected?: string];

const findings = (lang: string, source: string, target: string) =>
  checkPairs([{ segmentId: 's-1' as SegmentId, source, target }], { sourceLang: 'de' as Lang, lang: lang as Lang, termbase });

const tables = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name.slice(0, -'.json'.length), JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'))] as const);

it('has a table for every check, with at least 15 correct and 15 broken pairs', () => {
  expect(tables.map(([check]) => check).sort()).toEqual(checks.map((check) => check.id).sort());
  for (const [, table] of tables) {
    expect(table.pass.length).toBeGreaterThanOrEqual(15);
    expect(table.fail.length + (table.warn?.length ?? 0)).toBeGreaterThanOrEqual(15);
  }
});

describe.each(tables)('%s', (check, table: { pass: Row[]; fail: Row[]; warn?: Row[] }) => {
  it.each(table.pass)('passes %s: %s → %s', (lang, source, target) => {
    const found = findings(lang, source, target);
    expect(found.filter((f) => f.severity === 'error' || f.check === check).map((f) => `${f.check}: ${f.message}`)).toEqual([]);
  });

  it.each([...table.fail, ...(table.warn ?? [])])('catches %s: %s → %s', (lang, source, target, expected) => {
    const found = findings(lang, source, target).map((f) => `${f.check}:${f.severity}`);
    expect(found).toContain(expected);
  });
});
