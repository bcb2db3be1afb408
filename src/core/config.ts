/**
 * The project config file `l10n.config.json`, validated with zod so that a bad
 * value is one clear line naming the key. Defaults live next to the schema and
 * are resolved once, at the entry point.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, InputError, quoted } from './errors.js';
import { scanJson } from '../formats/json-scan.js';
import { isPseudoLocale, parseLang, unknownLocale, type Lang } from './lang.js';
import { DOCUMENT_FORMATS } from '../merge/outputs.js';

export const CONFIG_FILE = 'l10n.config.json';

const langTag = z.string().transform((tag, ctx) => {
  const lang = parseLang(tag);
  if (!lang) {
    ctx.addIssue({ code: 'custom', message: unknownLocale(tag) });
    return z.NEVER;
  }
  return lang;
});

const configSchema = z
  .object({
    /** Language of the documents under `paths.source/<sourceLanguage>/`. Default `de`. */
    sourceLanguage: langTag.default('de' as Lang),
    /** Real locales to translate into. Default en, fr, es, it, pl, ja. */
    targetLocales: z
      .array(langTag)
      .min(1)
      .default(['en', 'fr', 'es', 'it', 'pl', 'ja'] as Lang[])
      .superRefine((langs, ctx) => {
        const twice = langs.find((lang, i) => langs.indexOf(lang) !== i);
        if (twice !== undefined) ctx.addIssue({ code: 'custom', message: `${quoted(twice)} is listed twice`, path: [langs.lastIndexOf(twice)] });
      })
      .refine((langs) => !langs.some(isPseudoLocale), 'pseudo-locales belong in pseudoLocales'),
    /** Pseudo-locales generated offline (Android's accented en-XA). Default ["en-XA"]. */
    pseudoLocales: z
      .array(langTag)
      .default(['en-XA'] as Lang[])
      .refine((langs) => langs.every(isPseudoLocale), 'only pseudo-locales (en-XA, ar-XB) may be listed here'),
    /** auto: DeepL when DEEPL_AUTH_KEY is set, else offline. */
    engine: z.enum(['auto', 'offline', 'deepl']).default('auto'),
    segmentation: z
      .object({
        /** An SRX 2.0 file with the rules to use instead of the built-in ones (path from the project root). */
        srx: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    merge: z
      .object({
        /** Localised documents to write per locale: `txt` (always useful), `md`, `html`. Default ["txt"]. */
        formats: z.array(z.enum(DOCUMENT_FORMATS)).min(1).default(['txt']),
      })
      .strict()
      .prefault({}),
    markdown: z
      .object({
        /** Front matter keys whose values are translated. Default ["title", "description"]. */
        frontMatter: z.array(z.string().min(1)).default(['title', 'description']),
      })
      .strict()
      .prefault({}),
    memory: z
      .object({
        /**
         * Keep a readable copy of each locale's memory, `memory/<lng>.json`, for the repository, so memory changes
         * are reviewed in git (the database beside it is git-ignored). Turn off for a memory of millions of entries.
         * Default true.
         */
        copies: z.boolean().default(true),
        /** Memory matches below this score (0–100) are not proposed. Default 75, as translate-toolkit. */
        threshold: z.number().int().min(1).max(100).default(75),
        /** A fuzzy match at or above this score fills an empty target, to be reviewed (exact matches always do); below it the engine translates. Default 85. */
        prefill: z.number().int().min(1).max(100).default(85),
        /** Proposals written per sentence. Default 3. */
        proposals: z.number().int().min(1).max(10).default(3),
      })
      .strict()
      .refine((memory) => memory.prefill >= memory.threshold, { message: 'prefill cannot be below threshold', path: ['prefill'] })
      .prefault({}),
    /**
     * The least reviewed a translation may be and still be published: `machine` (any translation, machine output
     * included), `needs-review` (memory matches and human translations awaiting review, no raw machine output),
     * `reviewed` (only approved translations). Default machine.
     */
    publish: z.enum(['machine', 'needs-review', 'reviewed']).default('machine'),
    serve: z
      .object({
        /** Origins whose pages may load articles and resources (CORS), like "https://app.example.com"; "*" for any. Default none. */
        cors: z.array(z.string().regex(/^(\*|https?:\/\/[^/\s]+)$/, 'an origin is scheme://host[:port], or *')).default([]),
        /** Serve pseudo-locales (en-XA) too, for layout testing; never offered to readers otherwise. Default false. */
        pseudo: z.boolean().default(false),
        /** Seconds browsers and CDNs may keep an i18next resource file before asking again. Default 300. */
        maxAge: z.number().int().min(0).max(31_536_000).default(300),
      })
      .strict()
      .prefault({}),
    /** XLIFF version written by `extract`. Default 1.2. */
    xliffVersion: z.enum(['1.2', '2.0']).default('1.2'),
    paths: z
      .object({
        /** Folder with one sub-folder per source language. Default `source`. */
        source: z.string().min(1).default('source'),
        /** Output folder: `<lng>/<doc>.{xlf,json,txt}`. Default `locales`. */
        locales: z.string().min(1).default('locales'),
        /** QA reports. Default `reports`. */
        reports: z.string().min(1).default('reports'),
        /** Translation memory: its database and a readable `<lng>.json` per locale. Default `memory`. */
        memory: z.string().min(1).default('memory'),
        /** Machine translation cache, `mt/<lng>.json`. Default `cache`. */
        cache: z.string().min(1).default('cache'),
        /** Names termbase (TBX) for QA and DeepL glossaries; used when the file exists. Default `terms/names.tbx`. */
        termbase: z.string().min(1).default('terms/names.tbx'),
      })
      .strict()
      .prefault({}),
    deepl: z
      .object({
        /** DeepL target code per locale where DeepL needs a variant. Default en → EN-GB, pt → PT-PT. */
        targetCodes: z.record(z.string(), z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z]{2,4})?$/)).default({ en: 'EN-GB', pt: 'PT-PT' }),
        /** DeepL formality; prefer_* falls back quietly for languages without it. Default prefer_more. */
        formality: z.enum(['default', 'more', 'less', 'prefer_more', 'prefer_less']).default('prefer_more'),
        /** Requests in flight at once, across locales. Default 2. */
        concurrency: z.number().int().min(1).max(16).default(2),
        /** Attempts per request, including the first (deepl-node's maxRetries counts attempts). Default 6. */
        attempts: z.number().int().min(1).max(20).default(6),
        /** Time one attempt may take, in ms. Default 30000. */
        timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .refine((config) => !config.targetLocales.includes(config.sourceLanguage), {
    message: 'the source language cannot also be a target locale',
    path: ['targetLocales'],
  });

export type ProjectConfig = z.infer<typeof configSchema>;

/** A config with absolute paths, resolved once at the entry point. */
export interface ResolvedConfig extends ProjectConfig {
  readonly root: string;
  readonly sourceDir: string;
  readonly localesDir: string;
  readonly reportsDir: string;
  readonly memoryDir: string;
  readonly cacheDir: string;
  readonly termbaseFile: string;
}

/** Validates a parsed config object; `file` names it in errors. */
export function parseConfig(value: unknown, file: string, root: string): ResolvedConfig {
  const result = configSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = formatKey(issue.path);
    const message = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}"` : issue.message;
    throw new ConfigError(`${file}: ${key ? `${key}: ` : ''}${message}`, key || (issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : ''));
  }
  const config = result.data;
  return {
    ...config,
    root,
    sourceDir: path.resolve(root, config.paths.source, config.sourceLanguage),
    localesDir: path.resolve(root, config.paths.locales),
    reportsDir: path.resolve(root, config.paths.reports),
    memoryDir: path.resolve(root, config.paths.memory),
    cacheDir: path.resolve(root, config.paths.cache),
    termbaseFile: path.resolve(root, config.paths.termbase),
  };
}

/** Reads `l10n.config.json` from `root`, or uses the defaults when there is none. */
export async function loadConfig(root: string, file = path.join(root, CONFIG_FILE)): Promise<ResolvedConfig> {
  await requireFolder(root);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && file === path.join(root, CONFIG_FILE)) {
      return parseConfig({}, file, root);
    }
    throw new ConfigError(`${file}: cannot be read (${(error as Error).message})`, '', { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw configSyntaxError(text, file, error as Error);
  }
  return parseConfig(value, file, root);
}

/**
 * The project folder must exist before anything in it is looked for: `--root` to a missing folder is
 * that folder's problem, not its `source/de`'s.
 */
async function requireFolder(root: string): Promise<void> {
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such folder' : `cannot be read (${code ?? (error as Error).message})`;
    throw new ConfigError(`${root}: ${why} (the project folder, --root)`, 'root', { cause: error });
  }
  if (!info.isDirectory()) throw new ConfigError(`${root}: is a file, not a folder (the project folder, --root)`, 'root');
}

/** All locales the pipeline produces: real ones, then pseudo-locales. */
export function outputLocales(config: ProjectConfig): Lang[] {
  return [...config.targetLocales, ...config.pseudoLocales];
}

function formatKey(keyPath: readonly PropertyKey[]): string {
  return keyPath.reduce<string>(
    (key, part) => (typeof part === 'number' ? `${key}[${part}]` : key ? `${key}.${String(part)}` : String(part)),
    '',
  );
}

/**
 * A config that JSON.parse refuses, as `file:line:column: not valid JSON: …`. V8's own message gives an
 * offset at best (and for some errors only a snippet), so the strict scanner that reads i18next sources
 * finds the place.
 */
function configSyntaxError(text: string, file: string, error: Error): ConfigError {
  try {
    scanJson(text, file);
  } catch (scanned) {
    if (scanned instanceof InputError) return new ConfigError(scanned.message, '', { cause: error });
  }
  return new ConfigError(`${file}: not valid JSON (${error.message})`, '', { cause: error });
}
