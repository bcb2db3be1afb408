/** What a run prints about QA and publication, and the reviewer's report, on data alone (#24). */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { LocaleSummary, ReportFinding } from '../../src/pipeline.js';
import { formatRunFindings, formatWithheld, newFindings, publishedCell, renderHtmlReport, type DescribedFinding } from '../../src/cli/report.js';

const finding = (unit: string, message = 'numbers differ: missing 56; not in the source: 65'): ReportFinding => ({ file: 'locales/en/a.xlf', unit, check: 'numbers', severity: 'error', message });
const locale = (lang: string, withheld: Record<string, string>, published: string[] = []): LocaleSummary => ({
  locale: lang as Lang, engine: 'none', segments: 0, fromMemory: 0, machineTranslated: 0, untranslated: 0, charactersSent: 0, qaErrors: 0, qaWarnings: 0, published, withheld,
});

describe('new findings', () => {
  it('are those the last report did not have, counted as often as they occur', () => {
    const before = [finding('s-1'), finding('s-2')];
    const after = [finding('s-1'), finding('s-2'), finding('s-2'), finding('s-3')];
    expect(newFindings(before, after).map((f) => f.unit)).toEqual(['s-2', 's-3']);
    expect(newFindings(undefined, after)).toHaveLength(4);
    // A changed message is a new finding: the target changed.
    expect(newFindings(before, [finding('s-1', 'numbers differ: missing 7')])).toHaveLength(1);
  });

  it('with --quiet, are counted and not listed', () => {
    const fresh: DescribedFinding[] = [{ ...finding('s-1'), docId: 'a', lang: 'en', title: 'Titel', source: 'Quelle 56', target: 'Target 65' }];
    const loud = formatRunFindings({ fresh, total: 3, sourceLang: 'de', quiet: false, reportFile: 'reports/qa.html', jsonFile: 'reports/qa.json' });
    expect(loud).toBe(
      'QA: 1 new finding in this run (1 error, 0 warnings); 2 more from earlier runs.\n' +
        '  error numbers · en · Titel (locales/en/a.xlf unit s-1)\n    numbers differ: missing 56; not in the source: 65\n    de: Quelle 56\n    en: Target 65\n' +
        'Every finding (3), with source and target text by document and locale: reports/qa.html (JSON: reports/qa.json)\n',
    );
    const quiet = formatRunFindings({ fresh, total: 3, sourceLang: 'de', quiet: true, reportFile: 'reports/qa.html', jsonFile: 'reports/qa.json' });
    expect(quiet).toBe('QA: 1 new finding in this run (1 error, 0 warnings); 2 more from earlier runs.\nEvery finding (3), with source and target text by document and locale: reports/qa.html (JSON: reports/qa.json)\n');
    expect(formatRunFindings({ fresh: [], total: 0, sourceLang: 'de', quiet: false, jsonFile: 'reports/qa.json' })).toBe('');
  });
});

describe('withheld documents', () => {
  it('are counted in the table and named by reason under it, the largest group first', () => {
    const withheld = Object.fromEntries(Array.from({ length: 199 }, (_, i) => [`doc-${String(i + 2).padStart(3, '0')}`, '1 of 26 segments untranslated']));
    const en = locale('en', { ...withheld, 'doc-500': '1 QA error(s)' }, ['doc-001']);
    expect(publishedCell(en, 201)).toBe('200 of 201 withheld');
    expect(publishedCell(locale('fr', {}, ['a', 'b']), 2)).toBe('yes');
    expect(formatWithheld([en, locale('fr', {}, [])], 201)).toBe(
      '\nWithheld from publication:\nen: 200 of 201 documents withheld\n  1 of 26 segments untranslated: doc-002, doc-003, doc-004 and 196 more\n  1 QA error(s): doc-500\n',
    );
  });
});

describe('the reviewer report', () => {
  it('escapes every text that came from a document, a translation or a file name', () => {
    const hostile = '<img src=x onerror=alert(1)> & "q"';
    const html = renderHtmlReport({
      findings: [{ ...finding(hostile, hostile), file: hostile, docId: hostile, lang: 'en', title: hostile, source: hostile, target: hostile }],
      locales: [locale('en', { [hostile]: hostile })],
      documents: 1,
      sourceLang: 'de',
      jsonFile: 'reports/qa.json',
    });
    expect(html).not.toContain('<img');
    expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt; &amp;/g)!.length).toBeGreaterThanOrEqual(7);
    expect(html).not.toContain('<script');
  });
});
