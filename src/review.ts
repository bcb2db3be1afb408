/**
 * Review over XLIFF files given on the command line (a CAT tool's or a TMS's,
 * not only the project's): QA of the pairs as the file has them, and a
 * reviewer accepting a finding. Each file is read in its own languages; the
 * project's termbase applies where the source language is the project's.
 */
import path from 'node:path';
import { formatAcceptance, targetHash } from './core/acceptance.js';
import { admitAttribute } from './core/admit.js';
import { InputError, quoted } from './core/errors.js';
import { writeFileAtomic } from './core/fs.js';
import { baseLanguage, type Lang } from './core/lang.js';
import type { Project } from './project.js';
import { checkXliff } from './qa/index.js';
import type { ReportFinding } from './stages/check.js';
import { fileLanguages } from './translate-files.js';
import { readXliffFile } from './xliff/file.js';
import { mapXliffText, segmentLabel } from './xliff/index.js';
import { addUnitNote } from './xliff/notes.js';
import { xliffReading } from './xliff/reading.js';
import { encodeXml } from './xml/encoding.js';

export interface FileLanguages {
  readonly sourceLang?: Lang;
  readonly targetLang?: Lang;
}

/** QA of one XLIFF file at a time, for files of any producer. */
function fileQa({ config, termbase: projectTermbase }: ProjectTerms, languages: FileLanguages) {
  return async (file: string) => {
    const read = await readXliffFile(file);
    if (!read) throw new InputError('no such file', { file });
    const { sourceLang, lang } = fileLanguages(file, read.content, languages);
    // The termbase names things as the project's source language does: other sources are not checked against it.
    const termbase = baseLanguage(sourceLang) === baseLanguage(config.sourceLanguage) ? projectTermbase : undefined;
    return { ...read, findings: checkXliff(read.content, { sourceLang, lang, ...(termbase ? { termbase } : {}) }) };
  };
}

/** What file QA takes from the project: its source language and termbase. */
export type ProjectTerms = Pick<Project, 'config' | 'termbase'>;

export async function checkXliffFiles(project: ProjectTerms, files: readonly string[], languages: FileLanguages): Promise<ReportFinding[]> {
  const qa = fileQa(project, languages);
  const findings: ReportFinding[] = [];
  for (const file of files) {
    const { content, findings: found } = await qa(file);
    // Findings are keyed by the segment's key (ids repeat across <file>s) and shown by label.
    const where = new Map(content.segments.map((segment) => [segment.key, { unit: segmentLabel(segment), ...(content.files > 1 ? { original: segment.file } : {}) }]));
    for (const finding of found) {
      findings.push({ file, ...where.get(finding.key)!, check: finding.check, severity: finding.severity, message: finding.message, ...(finding.accepted ? { accepted: true } : {}) });
    }
  }
  return findings;
}

/**
 * A reviewer accepts a finding as it is. The acceptance goes into the unit as
 * a note with the target's hash, so it stops blocking approval and
 * publication until the target changes. Returns the line to print.
 */
export async function acceptFinding(
  project: ProjectTerms,
  file: string,
  options: FileLanguages & { readonly unit: string; readonly check: string; readonly note?: string },
): Promise<string> {
  // The note goes into the file as XML text: it passes the gate first, or one U+0001 makes the file unreadable.
  if (options.note !== undefined) admitAttribute(options.note, { file, unitId: options.unit, what: 'the --note' });
  const { text, encoding, content, findings } = await fileQa(project, options)(file);
  const segments = content.segments.filter((segment) => segmentLabel(segment) === options.unit || segment.id === options.unit);
  if (segments.length === 0) throw new InputError(`no unit ${quoted(options.unit)}`, { file });
  const keys = new Set(segments.map((segment) => segment.key));
  const found = findings.filter((finding) => keys.has(finding.key) && finding.check === options.check);
  if (found.length === 0) {
    // #24: say which checks there are to accept, so a mistyped name (`number`) is fixed in one go.
    const has = [...new Set(findings.filter((finding) => keys.has(finding.key)).map((finding) => finding.check))].sort();
    const listed = has.length > 0 ? `its findings: ${has.join(', ')}` : 'it has no QA findings';
    throw new InputError(`unit ${quoted(options.unit)} has no ${quoted(options.check)} finding to accept (${listed})`, { file });
  }
  const open = [...new Set(found.filter((finding) => !finding.accepted).map((finding) => finding.key))];
  if (open.length === 0) return `${file}: ${options.unit}: "${options.check}" is already accepted for this target`;
  let updated = text;
  for (const key of open) {
    const segment = segments.find((candidate) => candidate.key === key)!;
    const acceptance = { check: options.check, target: targetHash(segment.target ? xliffReading(segment.target) : ''), ...(options.note ? { note: options.note } : {}) };
    updated = addUnitNote(updated, mapXliffText(updated, file), key, formatAcceptance(acceptance), file);
  }
  await writeFileAtomic(path.resolve(file), encodeXml(updated, encoding));
  return `${file}: ${options.unit}: "${options.check}" accepted for this target (${found.length} finding(s)); it blocks nothing until the target changes`;
}
