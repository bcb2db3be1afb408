/**
 * What a run tells its reader about QA and publication, at any project size:
 * the findings this run added (not every finding again), the documents each
 * locale withholds and why, and a report file a reviewer can open, with the
 * source and target text of every finding by document and locale.
 *
 * Findings carry their texts as the run had them (`reports/qa.json`, the
 * record): the report is made from them. Only a finding without them (a
 * record an older version wrote) has its texts read from the pair's XLIFF.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/fs.js';
import { escapeHtml, escapeText } from '../html/escape.js';
import type { DocId } from '../core/types.js';
import type { LocaleSummary, ReportFinding, RunResult, RunSummary } from '../pipeline.js';
import type { Project } from '../project.js';
import { readXliffFile } from '../xliff/file.js';

/** Findings printed on the terminal after a run; the rest are counted and left to the report. */
export const SHOWN_FINDINGS = 10;
/** Documents named per withheld reason; the rest are counted. */
export const SHOWN_DOCUMENTS = 3;

/** A finding with where it is and what it is about, for people. */
export interface DescribedFinding extends ReportFinding {
  readonly docId: string;
  readonly lang: string;
  /** The document's first sentence: the headline of an article. */
  readonly title: string;
  readonly source?: string;
  readonly target?: string;
}

/** Which pair each XLIFF file is: the findings name files, readers want documents and locales. */
export type PairsByFile = ReadonlyMap<string, { readonly docId: string; readonly lang: string }>;

/** The previous run's findings (`reports/qa.json`), or undefined when there is none to compare with. */
export async function readReport(file: string): Promise<readonly ReportFinding[] | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(value) ? (value as ReportFinding[]) : undefined;
  } catch {
    return undefined;
  }
}

const exists = (file: string) => access(file).then(() => true, () => false);

const identity = (finding: ReportFinding) =>
  [finding.file, finding.original ?? '', finding.unit, finding.check, finding.severity, finding.message, finding.accepted ? 'accepted' : ''].join('\n');

/**
 * The findings that were not in the previous report, as a multiset: the same
 * finding twice in one unit counts twice. Without a previous report every finding is new.
 */
export function newFindings(before: readonly ReportFinding[] | undefined, after: readonly ReportFinding[]): ReportFinding[] {
  const seen = new Map<string, number>();
  for (const finding of before ?? []) seen.set(identity(finding), (seen.get(identity(finding)) ?? 0) + 1);
  return after.filter((finding) => {
    const left = seen.get(identity(finding)) ?? 0;
    if (left === 0) return true;
    seen.set(identity(finding), left - 1);
    return false;
  });
}

/**
 * Adds document, locale, title and the unit's texts to each finding: those the run handed over, and
 * for a finding without them, from its XLIFF (each read once).
 */
export async function describeFindings(root: string, findings: readonly ReportFinding[], pairs: PairsByFile): Promise<DescribedFinding[]> {
  const files = new Map<string, Promise<FileTexts | undefined>>();
  const textsOf = (file: string) => files.get(file) ?? files.set(file, readTexts(path.resolve(root, file))).get(file)!;
  const described: DescribedFinding[] = [];
  for (const finding of findings) {
    const pair = pairs.get(finding.file);
    if (finding.title !== undefined && finding.source !== undefined) {
      described.push({ ...finding, docId: pair?.docId ?? path.basename(finding.file).replace(/\.[^.]*$/, ''), lang: pair?.lang ?? '', title: finding.title });
      continue;
    }
    const texts = await textsOf(finding.file);
    const unit = texts?.units.get(`${finding.original ?? ''}\n${finding.unit}`) ?? texts?.units.get(`\n${finding.unit}`);
    described.push({
      ...finding,
      docId: pair?.docId ?? path.basename(finding.file).replace(/\.[^.]*$/, ''),
      lang: pair?.lang ?? texts?.lang ?? '',
      title: texts?.title ?? pair?.docId ?? finding.file,
      ...(unit?.source !== undefined ? { source: unit.source } : {}),
      ...(unit?.target !== undefined ? { target: unit.target } : {}),
    });
  }
  return described;
}

interface FileTexts {
  readonly title?: string;
  readonly lang?: string;
  /** By `original` and unit id, and by unit id alone under an empty `original`. */
  readonly units: ReadonlyMap<string, { readonly source: string; readonly target?: string }>;
}

/** An XLIFF that cannot be read now (removed, broken by hand) leaves its findings without texts, not the run failed. */
async function readTexts(file: string): Promise<FileTexts | undefined> {
  try {
    const read = await readXliffFile(file);
    if (!read) return undefined;
    const { segments } = read.content;
    const units = new Map<string, { source: string; target?: string }>();
    for (const segment of segments) {
      const texts = { source: segment.source.text, ...(segment.target ? { target: segment.target.text } : {}) };
      units.set(`${segment.file}\n${segment.id}`, texts);
      if (!units.has(`\n${segment.id}`)) units.set(`\n${segment.id}`, texts);
    }
    return { ...(segments[0] ? { title: segments[0].source.text } : {}), ...(read.content.targetLang ? { lang: read.content.targetLang } : {}), units };
  } catch {
    return undefined;
  }
}

/** At most `max` characters on one line: a terminal shows a sentence, the report shows it whole. */
function clip(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return [...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function severities(findings: readonly ReportFinding[]): string {
  const accepted = findings.filter((finding) => finding.accepted).length;
  const errors = findings.filter((finding) => !finding.accepted && finding.severity === 'error').length;
  const warnings = findings.length - errors - accepted;
  return [count(errors, 'error'), count(warnings, 'warning'), ...(accepted > 0 ? [`${accepted} accepted`] : [])].join(', ');
}

/**
 * The run's QA lines: the new findings (up to `SHOWN_FINDINGS`, none with
 * --quiet), a count of the others, and where to read them all. Empty when the
 * project has no findings.
 */
export function formatRunFindings(options: {
  readonly fresh: readonly DescribedFinding[];
  readonly total: number;
  readonly sourceLang: string;
  readonly quiet: boolean;
  readonly reportFile?: string;
  readonly jsonFile: string;
}): string {
  const { fresh, total } = options;
  if (total === 0 && fresh.length === 0) return '';
  const earlier = total - fresh.length;
  const lines = [
    fresh.length === 0
      ? `QA: no new findings in this run; ${count(earlier, 'finding')} from earlier runs.`
      : `QA: ${count(fresh.length, 'new finding')} in this run (${severities(fresh)})${earlier > 0 ? `; ${earlier} more from earlier runs` : ''}.`,
  ];
  const shown = options.quiet ? [] : fresh.slice(0, SHOWN_FINDINGS);
  for (const finding of shown) {
    lines.push(`  ${finding.accepted ? `${finding.severity} (accepted)` : finding.severity} ${finding.check} · ${finding.lang} · ${clip(finding.title, 80)} (${finding.file} unit ${finding.unit})`);
    lines.push(`    ${clip(finding.message)}`);
    if (finding.source !== undefined) lines.push(`    ${options.sourceLang}: ${clip(finding.source)}`);
    if (finding.target !== undefined) lines.push(`    ${finding.lang}: ${clip(finding.target)}`);
  }
  if (shown.length > 0 && fresh.length > shown.length) lines.push(`  … and ${count(fresh.length - shown.length, 'more new finding')}`);
  const where = options.reportFile ? `${options.reportFile} (JSON: ${options.jsonFile})` : options.jsonFile;
  lines.push(`Every finding (${total}), with source and target text by document and locale: ${where}`);
  return `${lines.join('\n')}\n`;
}

/** Documents a locale withholds, grouped by reason: each reason with the first few documents and a count of the rest. */
export function withheldGroups(withheld: Readonly<Record<string, string>>): { reason: string; docs: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const [docId, reason] of Object.entries(withheld)) groups.set(reason, [...(groups.get(reason) ?? []), docId]);
  return [...groups].map(([reason, docs]) => ({ reason, docs })).sort((a, b) => b.docs.length - a.docs.length);
}

/** The `published` cell of the run table: `yes`, or how many of how many documents are withheld. */
export function publishedCell(locale: LocaleSummary, documents: number): string {
  const withheld = Object.keys(locale.withheld).length;
  if (withheld === 0 && locale.published.length === documents) return 'yes';
  if (withheld === 0) return `${locale.published.length} of ${documents}`;
  return withheld === documents ? `no: ${documents} of ${documents} withheld` : `${withheld} of ${documents} withheld`;
}

/**
 * Under the table: per locale with withheld documents, which and why (first few
 * per reason, then a count). Locales that withhold the same documents for the
 * same reasons (every locale nobody has translated yet) share one entry.
 */
export function formatWithheld(locales: readonly LocaleSummary[], documents: number, reportFile?: string): string {
  const entries = new Map<string, string[]>();
  for (const locale of locales) {
    const groups = withheldGroups(locale.withheld);
    if (groups.length === 0) continue;
    const lines = [`${Object.keys(locale.withheld).length} of ${count(documents, 'document')} withheld`];
    // A locale with many different reasons (one per article) shows the three largest groups.
    for (const { reason, docs } of groups.slice(0, 3)) {
      const rest = docs.length - SHOWN_DOCUMENTS;
      lines.push(`  ${reason}: ${docs.slice(0, SHOWN_DOCUMENTS).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`);
    }
    const other = groups.slice(3).reduce((n, group) => n + group.docs.length, 0);
    if (other > 0) lines.push(`  ${count(other, 'more document')} for other reasons`);
    const text = lines.join('\n');
    entries.set(text, [...(entries.get(text) ?? []), locale.locale]);
  }
  if (entries.size === 0) return '';
  const blocks = [...entries].map(([text, langs]) => `${langs.join(', ')}: ${text}`);
  return `\nWithheld from publication${reportFile ? ` (every document and reason: ${reportFile})` : ''}:\n${blocks.join('\n')}\n`;
}

/**
 * The report a reviewer opens: every finding by document and locale, with the
 * source and target text, then what each locale withholds and why. Every text
 * goes through `html/escape.ts`; no script, and the same input gives the same
 * bytes, so a run that changed nothing leaves the file as it was.
 */
export function renderHtmlReport(options: {
  readonly findings: readonly DescribedFinding[];
  readonly locales: readonly LocaleSummary[];
  readonly documents: number;
  readonly sourceLang: string;
  readonly jsonFile: string;
}): string {
  const { findings, sourceLang } = options;
  const byDoc = new Map<string, DescribedFinding[]>();
  for (const finding of findings) byDoc.set(finding.docId, [...(byDoc.get(finding.docId) ?? []), finding]);
  const order = new Map(options.locales.map((locale, index) => [locale.locale as string, index]));
  const sections: string[] = [];
  for (const [docId, ofDoc] of [...byDoc].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const byLang = new Map<string, DescribedFinding[]>();
    for (const finding of ofDoc) byLang.set(finding.lang, [...(byLang.get(finding.lang) ?? []), finding]);
    const langs = [...byLang].sort(([a], [b]) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size));
    sections.push(`<section>\n<h2><span lang="${escapeHtml(sourceLang)}">${escapeText(ofDoc[0]!.title)}</span> <small>${escapeText(docId)}</small></h2>`);
    for (const [lang, ofLang] of langs) {
      sections.push(`<h3>${escapeText(lang)} <small>${escapeText(ofLang[0]!.file)}</small></h3>\n<table>\n<thead><tr><th>unit</th><th>check</th><th>severity</th><th>finding</th><th>source (${escapeText(sourceLang)})</th><th>target (${escapeText(lang)})</th></tr></thead>\n<tbody>`);
      for (const finding of ofLang) {
        const severity = finding.accepted ? `${finding.severity} (accepted)` : finding.severity;
        sections.push(
          `<tr class="${escapeHtml(finding.accepted ? 'accepted' : finding.severity)}"><td><code>${escapeText(finding.unit)}</code></td><td>${escapeText(finding.check)}</td><td>${escapeText(severity)}</td><td>${escapeText(finding.message)}</td>` +
            `<td lang="${escapeHtml(sourceLang)}">${escapeText(finding.source ?? '')}</td><td lang="${escapeHtml(lang)}">${escapeText(finding.target ?? '')}</td></tr>`,
        );
      }
      sections.push('</tbody>\n</table>');
    }
    sections.push('</section>');
  }
  const withheld = options.locales.flatMap((locale) => {
    const groups = withheldGroups(locale.withheld);
    if (groups.length === 0) return [];
    const items = groups.map(({ reason, docs }) => `<li>${escapeText(reason)}: ${docs.map((doc) => `<code>${escapeText(doc)}</code>`).join(', ')}</li>`);
    return [`<h3>${escapeText(locale.locale)}: ${Object.keys(locale.withheld).length} of ${options.documents} withheld</h3>\n<ul>\n${items.join('\n')}\n</ul>`];
  });
  const summary = findings.length === 0 ? 'No QA findings.' : `${count(findings.length, 'finding')} (${severities(findings)}) in ${count(byDoc.size, 'document')}.`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>QA report</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
tr.error td:nth-child(3) { color: #a00; font-weight: bold; }
tr.accepted { color: #666; }
small { color: #666; font-weight: normal; }
</style>
</head>
<body>
<h1>QA report</h1>
<p>${escapeText(summary)} The same findings as data: <code>${escapeText(options.jsonFile)}</code>.</p>
${sections.join('\n')}
${withheld.length > 0 ? `<h2>Withheld from publication</h2>\n${withheld.join('\n')}\n` : ''}</body>
</html>
`;
}

/** Writes the report; unchanged bytes are not written again, so a run that changed nothing changes no file. */
export async function writeHtmlReport(file: string, html: string): Promise<void> {
  await writeFileAtomic(file, html);
}

/** `reports/qa.json` as the store names it, and the readable report beside it. */
export function reportFiles(project: Project): { json: string; html: string; jsonName: string; htmlName: string } {
  const jsonName = project.store.reportName;
  const htmlName = path.posix.join(path.posix.dirname(jsonName), 'qa.html');
  return { json: path.resolve(project.config.root, jsonName), html: path.resolve(project.config.root, htmlName), jsonName, htmlName };
}

/**
 * After a run: writes the readable report and returns the lines for the
 * terminal (the withheld documents and the new findings). `previous` is the
 * QA report as it was before the run.
 */
export async function runReport(
  project: Project,
  result: RunResult,
  summary: RunSummary,
  previous: readonly ReportFinding[] | undefined,
  options: { readonly quiet: boolean },
): Promise<{ readonly withheld: string; readonly findings: string }> {
  const files = reportFiles(project);
  const pairs = new Map<string, { docId: string; lang: string }>();
  for (const docId of Object.keys(result.record.docs)) {
    for (const lang of project.locales) pairs.set(project.store.targetsName(docId as DocId, lang), { docId, lang });
  }
  const sourceLang = project.config.sourceLanguage;
  const fresh = new Set(newFindings(previous, summary.findings));
  // A run that ran no pair and removed nothing leaves the report as it is: reading every XLIFF with
  // findings again (a second or more on 200 documents) would only give the same bytes.
  const unchanged = result.pairs.length === 0 && result.deleted.length === 0 && fresh.size === 0 && (await exists(files.html));
  const described = await describeFindings(project.config.root, unchanged ? [] : summary.findings, pairs);
  if (!unchanged) {
    await writeHtmlReport(files.html, renderHtmlReport({ findings: described, locales: summary.locales, documents: summary.documents, sourceLang, jsonFile: files.jsonName }));
  }
  return {
    withheld: formatWithheld(summary.locales, summary.documents, files.htmlName),
    findings: formatRunFindings({ fresh: described.filter((_, index) => fresh.has(summary.findings[index]!)), total: summary.findings.length, sourceLang, quiet: options.quiet, reportFile: files.htmlName, jsonFile: files.jsonName }),
  };
}
