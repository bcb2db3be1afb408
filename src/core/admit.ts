/**
 * The one admission gate for text entering the project. Every way in (a source
 * file, an XLIFF a translator sends back, a TMX, a memory copy, an engine's
 * answer, a review save) hands its text here before anything keeps it, so the
 * rule is decided once: what XML 1.0 can carry (§2.2: no C0 controls but tab
 * and line ends, no U+FFFE/U+FFFF, no lone surrogates), how long a text or a
 * note may be, and which language tags are tags (BCP 47 through
 * `Intl.getCanonicalLocales`, with RFC 5646 §4.4.1's length in mind).
 * A refusal is an `AdmissionError` naming the file, line or unit and the
 * character, so the user can find and fix it.
 */
import { InputError, type InputLocation } from './errors.js';
import { parseLang, type Lang } from './lang.js';
import { codePointName } from './text.js';

/** Upper bounds on what one value may hold, in UTF-16 code units. */
export const ADMISSION_LIMITS = {
  /** One sentence or translation unit: the memory matches texts over 4,000 exactly only; 1 M is far past any real sentence. */
  text: 1_000_000,
  /** A note, a property, an attribute value: as the XML reader bounds attribute values. */
  attribute: 256 * 1024,
  /** A language tag: RFC 5646 §4.4.1 asks for 35 characters; private-use extensions can add more, so a little slack. */
  lang: 64,
} as const;

/** Text that may not enter the project: it names where and why. */
export class AdmissionError extends InputError {
  constructor(message: string, location: InputLocation) {
    super(message, location, { code: 'ADMISSION' });
  }
}

/**
 * Candidates for `firstForbidden`: the characters XML 1.0 §2.2 excludes, and
 * every surrogate (a pair is then let through). A plain class without the `u`
 * flag: V8 scans it several times faster than a per-character loop or a
 * `u`-mode class, which matters on a 66 MB file.
 */
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;

/**
 * The first character XML cannot carry, or a lone surrogate: its offset, or -1.
 * One forward scan, no backtracking: linear in the text.
 */
export function firstForbidden(text: string): number {
  SUSPECT.lastIndex = 0;
  for (let found = SUSPECT.exec(text); found; found = SUSPECT.exec(text)) {
    const at = found.index;
    const code = text.charCodeAt(at);
    // A high surrogate followed by a low one is one character; anything else is a lone half.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        SUSPECT.lastIndex = at + 2;
        continue;
      }
    }
    return at;
  }
  return -1;
}

/** Where a value is, and what it is called in the message (`"the target"`, `"a <prop>"`). */
export interface Admission extends InputLocation {
  readonly what?: string;
  /** Bound on its length; `ADMISSION_LIMITS.text` unless said. */
  readonly max?: number;
}

/**
 * `text` as it may enter the project, or an AdmissionError. The text is
 * returned unchanged: nothing is silently dropped or replaced.
 */
export function admitText(text: string, where: Admission): string {
  const what = where.what ?? 'the text';
  const max = where.max ?? ADMISSION_LIMITS.text;
  if (text.length > max) throw new AdmissionError(`${what} is ${text.length.toLocaleString('en')} characters long; at most ${max.toLocaleString('en')} are accepted`, locationOf(where));
  const at = firstForbidden(text);
  if (at !== -1) {
    const code = text.charCodeAt(at);
    const name = code >= 0xd800 && code <= 0xdfff ? `a lone surrogate (${codePointName(text[at]!)})` : `the character ${codePointName(text[at]!)}`;
    throw new AdmissionError(`${what} holds ${name} at character ${at + 1}, which XML cannot carry`, locationOf(where));
  }
  return text;
}

/**
 * Whether `admitText` (with this bound) would take `text`: for readers that
 * see millions of values and build a refusal's message only for one it refuses.
 */
export function isAdmitted(text: string, max: number = ADMISSION_LIMITS.text): boolean {
  return text.length <= max && firstForbidden(text) === -1;
}

/** An attribute-like value (a note, a TMX `<prop>`, a context): text, with the attribute bound. */
export function admitAttribute(value: string, where: Admission): string {
  return admitText(value, { ...where, max: where.max ?? ADMISSION_LIMITS.attribute });
}

/** A language tag as the project writes it (canonical BCP 47), or an AdmissionError naming the tag. */
export function admitLang(tag: string, where: Admission): Lang {
  const what = where.what ?? 'the language tag';
  if (tag.length > ADMISSION_LIMITS.lang) throw new AdmissionError(`${what} is ${tag.length} characters long; a language tag has at most ${ADMISSION_LIMITS.lang}`, locationOf(where));
  const lang = firstForbidden(tag) === -1 ? parseLang(tag) : undefined;
  if (!lang) throw new AdmissionError(`${what} ${JSON.stringify(tag)} is not a BCP 47 language tag`, locationOf(where));
  return lang;
}

function locationOf(where: Admission): InputLocation {
  const { file, line, column, unitId } = where;
  return { file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), ...(unitId !== undefined ? { unitId } : {}) };
}
