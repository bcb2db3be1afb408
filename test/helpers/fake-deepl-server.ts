/**
 * A DeepL-API-compatible HTTP server for tests, on 127.0.0.1 and a random port.
 * The real deepl-node client talks to it through `serverUrl`. It translates
 * deterministically (a locale marker, the target's quotation marks, everything
 * else kept), counts billed characters, enforces the API's request limits, and
 * injects failures on request, as DeepL's own mock does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeDeepLOptions {
  /** Keys accepted; any other key gets 403. Default: every key but "invalid". */
  readonly validKeys?: readonly string[];
  /** Characters the account may translate before 456. Default: unlimited. */
  readonly characterLimit?: number;
  /** Answer the next N translate requests with 429. */
  readonly tooManyRequests?: number;
  /** Answer the next N translate requests with this 5xx status (default 503). */
  readonly serverErrors?: number;
  readonly serverErrorStatus?: number;
  /** Answer server errors with the request's Authorization header in the body, as a careless proxy might. */
  readonly echoAuthorization?: boolean;
  /** Glossary endpoints answer this status instead (404: a DeepL-compatible server without glossaries). */
  readonly glossaryStatus?: number;
  /** Let the next N translate requests hang without an answer. */
  readonly hangs?: number;
  /** Wait this long before answering each translate request (ms). */
  readonly latencyMs?: number;
  /**
   * Return wrong translations, for the QA tests: a changed number, a dropped quotation mark, a mangled name, a dropped tag;
   * for the admission tests: a U+0001 or a lone surrogate (U+D800) in the text.
   */
  readonly mistakes?: readonly ('number' | 'quote' | 'name' | 'tag' | 'control' | 'lone-surrogate')[];
  /** Rewrite each translation before it is sent (the request's text as the engine got it, tags included): a hostile engine, for #22. */
  readonly rewrite?: (text: string, targetLang: string, tagHandling: string | undefined) => string;
}

interface Glossary {
  readonly id: string;
  readonly name: string;
  readonly created: string;
  /** source_lang → target_lang → entries */
  readonly dictionaries: { source: string; target: string; entries: Map<string, string> }[];
}

export interface TranslateCall {
  readonly targetLang: string;
  readonly glossaryId: string | undefined;
  readonly context: string | undefined;
  readonly sourceLang: string | undefined;
  readonly texts: readonly string[];
  readonly splitSentences: string | undefined;
  readonly formality: string | undefined;
  readonly tagHandling: string | undefined;
  readonly authorization: string | undefined;
  readonly bodyBytes: number;
}

export interface FakeDeepL {
  readonly url: string;
  readonly calls: TranslateCall[];
  /** Characters billed so far (code points of the texts). */
  billed: number;
  /** Most translate requests that were in progress at the same time. */
  maxInFlight: number;
  /** Multilingual glossaries created (v3), in order. */
  glossaries: Glossary[];
  /** Change options while running (e.g. lift the quota between runs). */
  options: FakeDeepLOptions;
  close(): Promise<void>;
}

const MAX_TEXTS = 50;
const MAX_BODY = 128 * 1024;
/** DeepL's target codes and source codes (developers.deepl.com, "Languages supported"; beta languages left out). */
const TARGETS = ['AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN-GB', 'EN-US', 'ES', 'ES-419', 'ET', 'FI', 'FR', 'HE', 'HU', 'ID', 'IT', 'JA', 'KO', 'LT', 'LV', 'NB', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TH', 'TR', 'UK', 'VI', 'ZH-HANS', 'ZH-HANT'];
const SOURCES = ['AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'ET', 'FI', 'FR', 'HE', 'HU', 'ID', 'IT', 'JA', 'KO', 'LT', 'LV', 'NB', 'NL', 'PL', 'PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TH', 'TR', 'UK', 'VI', 'ZH'];

/** German quotation marks rewritten into the target's, as DeepL does. */
function retypeQuotes(text: string, target: string): string {
  const lang = target.slice(0, 2);
  if (lang === 'EN') return text.replace(/„/g, '“').replace(/“(?=[\s,.;:!?]|$)/g, '”');
  if (lang === 'FR') return text.replace(/„/g, '«\u202f').replace(/“(?=[\s,.;:!?]|$)/g, '\u202f»');
  if (lang === 'JA') return text.replace(/„/g, '「').replace(/“(?=[\s,.;:!?]|$)/g, '」');
  if (lang === 'ES' || lang === 'IT') return text.replace(/„/g, '«').replace(/“(?=[\s,.;:!?]|$)/g, '»');
  if (lang === 'PL') return text.replace(/“(?=[\s,.;:!?]|$)/g, '”');
  return text;
}

const GERMAN_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** German dates ("9. September") in the target locale's form, as DeepL writes them. */
function localiseDates(text: string, target: string): string {
  const pattern = new RegExp(`(?<![\\d])(\\d{1,2})\\. (${GERMAN_MONTHS.join('|')})(?![\\p{L}])`, 'gu');
  return text.replace(pattern, (_, day: string, month: string) =>
    new Intl.DateTimeFormat(target.toLowerCase(), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2025, GERMAN_MONTHS.indexOf(month), Number(day))),
    ),
  );
}

/**
 * Marks the source's lower-case words (`sagte` → `sagteʼ`, U+02BC is a
 * letter) so the result reads as no longer German to QA, as a real
 * translation does; names, figures, quotes and placeholders stay as they are.
 */
function unGerman(text: string): string {
  return text.replace(/(?<=^|[\s„“"«»「(])(\p{Ll}{3,})(?=[\s,.;:!?“”"«»」)]|$)/gu, '$1ʼ');
}

export function fakeTranslate(text: string, target: string): string {
  return `⟦${target}⟧ ${localiseDates(unGerman(retypeQuotes(text, target)), target)}`;
}

function codePoints(text: string): number {
  return [...text].length;
}

export async function startFakeDeepL(options: FakeDeepLOptions = {}): Promise<FakeDeepL> {
  const state: FakeDeepL = { url: '', calls: [], billed: 0, maxInFlight: 0, glossaries: [], options, close: async () => {} };
  let inFlight = 0;
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const translating = req.url?.startsWith('/v2/translate') ?? false;
    if (translating) state.maxInFlight = Math.max(state.maxInFlight, ++inFlight);
    res.on('close', () => {
      if (translating) inFlight--;
    });
    void handle(state, req, res, hanging).catch((error: Error) => send(res, 500, { message: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

/** Takes one from a countdown option; true while it lasts. */
function consume(state: FakeDeepL, name: 'tooManyRequests' | 'serverErrors' | 'hangs'): boolean {
  const left = state.options[name] ?? 0;
  if (left <= 0) return false;
  state.options = { ...state.options, [name]: left - 1 };
  return true;
}

/** The mistakes MT makes that QA must catch. */
function withMistakes(text: string, mistakes: readonly string[]): string {
  let out = text;
  if (mistakes.includes('number')) out = out.replace(/\d+/, (n) => String(Number(n) + 1));
  if (mistakes.includes('quote')) out = out.replace(/[„“”«»「」]/, '');
  if (mistakes.includes('tag')) out = out.replace(/<x i="\d+"\s*\/>/, '');
  if (mistakes.includes('name')) out = out.replace(/\b(Kerry|Hammond|Assad|Schoigu|Moskau)\b/, (name) => `${name.slice(0, -1)}x`);
  if (mistakes.includes('control')) out = `${out}\u0001`;
  // JSON.stringify writes a lone surrogate as the escape "\ud800", which the client decodes back to one.
  if (mistakes.includes('lone-surrogate')) out = `${out}\ud800`;
  return out;
}

async function handle(state: FakeDeepL, req: IncomingMessage, res: ServerResponse, hanging: Set<ServerResponse>): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  // For a server running in another process (the benchmark): what it has seen so far.
  if (url.pathname === '/__stats') return send(res, 200, { requests: state.calls.length, billed: state.billed, maxInFlight: state.maxInFlight });
  const key = /^DeepL-Auth-Key (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const valid = state.options.validKeys ? state.options.validKeys.includes(key ?? '') : key !== undefined && key !== 'invalid';
  if (!valid) return send(res, 403);
  const body = await readBody(req);

  if (url.pathname === '/v2/usage') {
    return send(res, 200, { character_count: state.billed, character_limit: state.options.characterLimit ?? 1_000_000_000 });
  }
  if (url.pathname === '/v2/languages') {
    const type = url.searchParams.get('type') ?? 'source';
    const list = type === 'target' ? TARGETS : ['DE', 'EN', 'FR', 'ES', 'IT', 'PL', 'JA'];
    return send(res, 200, list.map((language) => ({ language, name: language, ...(type === 'target' ? { supports_formality: true } : {}) })));
  }
  if (url.pathname.includes('glossar') && state.options.glossaryStatus) return send(res, state.options.glossaryStatus, { message: 'no glossaries here' });
  if (url.pathname === '/v3/glossaries' && req.method === 'POST') return createGlossary(state, req, body, res);
  // v2 glossaries: one language pair each, entries as TSV (deepl-node createGlossary).
  if (url.pathname === '/v2/glossaries' && req.method === 'POST') {
    const params = parseParams(req.headers['content-type'] ?? '', body);
    const [name, source, target, entries] = ['name', 'source_lang', 'target_lang', 'entries'].map((key) => params.get(key));
    if (!name || !source || !target || entries === null) return send(res, 400, { message: 'Missing name, source_lang, target_lang or entries' });
    const glossary: Glossary = {
      id: `g-${state.glossaries.length + 1}`,
      name,
      created: new Date(0).toISOString(),
      dictionaries: [{ source: source.toLowerCase(), target: target.toLowerCase(), entries: parseTsv(entries ?? '') }],
    };
    state.glossaries.push(glossary);
    return send(res, 201, glossaryInfoV2(glossary));
  }
  if (url.pathname === '/v2/glossaries' && req.method === 'GET') return send(res, 200, { glossaries: state.glossaries.map(glossaryInfoV2) });
  const v2 = /^\/v2\/glossaries\/([^/]+)(\/entries)?$/.exec(url.pathname);
  if (v2) {
    const glossary = state.glossaries.find((g) => g.id === v2[1]);
    if (!glossary) return send(res, 404, { message: 'Glossary not found' });
    if (req.method === 'DELETE') {
      state.glossaries.splice(state.glossaries.indexOf(glossary), 1);
      res.writeHead(204).end();
      return;
    }
    if (v2[2]) {
      res.writeHead(200, { 'content-type': 'text/tab-separated-values' });
      res.end([...glossary.dictionaries[0]!.entries].map(([a, b]) => `${a}\t${b}`).join('\n'));
      return;
    }
    return send(res, 200, glossaryInfoV2(glossary));
  }
  if (url.pathname === '/v3/glossaries' && req.method === 'GET') {
    return send(res, 200, { glossaries: state.glossaries.map(glossaryInfo) });
  }
  if (url.pathname === '/v2/glossary-language-pairs') {
    const langs = ['de', 'en', 'fr', 'es', 'it', 'pl', 'ja'];
    return send(res, 200, { supported_languages: langs.flatMap((source_lang) => langs.filter((t) => t !== source_lang).map((target_lang) => ({ source_lang, target_lang }))) });
  }
  if (url.pathname !== '/v2/translate' || req.method !== 'POST') return send(res, 404, { message: 'Not found' });

  if (body.length > MAX_BODY) return send(res, 413, { message: 'Request Entity Too Large' });
  const params = parseParams(req.headers['content-type'] ?? '', body);
  const texts = params.getAll('text');
  const targetLang = (params.get('target_lang') ?? '').toUpperCase();
  if (texts.length === 0) return send(res, 400, { message: 'Parameter text not specified' });
  if (texts.length > MAX_TEXTS) return send(res, 413, { message: 'Too many texts' });
  if (!TARGETS.includes(targetLang)) return send(res, 400, { message: `Value for 'target_lang' not supported.` });
  const sourceLang = params.get('source_lang')?.toUpperCase();
  if (sourceLang !== undefined && !SOURCES.includes(sourceLang)) return send(res, 400, { message: `Value for 'source_lang' not supported.` });
  if (consume(state, 'hangs')) {
    hanging.add(res);
    return;
  }
  if (consume(state, 'tooManyRequests')) return send(res, 429, { message: 'Too many requests' });
  if (consume(state, 'serverErrors')) {
    return send(res, state.options.serverErrorStatus ?? 503, state.options.echoAuthorization ? { message: `request: ${req.headers.authorization}` } : undefined);
  }
  if (state.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, state.options.latencyMs));
  // With tag_handling, tags are not billed (DeepL API docs, "billed characters").
  const tagHandling = params.get('tag_handling');
  const billable = (text: string) => (tagHandling ? text.replace(/<[^>]*>/g, '').replace(/&(?:#\d+|#x[0-9a-f]+|\w+);/gi, '_') : text);
  const characters = texts.reduce((sum, text) => sum + codePoints(billable(text)), 0);
  if (state.options.characterLimit !== undefined && state.billed + characters > state.options.characterLimit) {
    return send(res, 456, { message: 'Quota exceeded' });
  }
  const glossaryId = params.get('glossary_id') ?? undefined;
  const glossary = glossaryId === undefined ? undefined : state.glossaries.find((g) => g.id === glossaryId);
  if (glossaryId !== undefined && !glossary) return send(res, 404, { message: 'Glossary not found' });
  if (glossary && !params.get('source_lang')) return send(res, 400, { message: "Use of a glossary requires the source_lang parameter." });
  state.billed += characters;
  state.calls.push({
    targetLang,
    glossaryId,
    context: params.get('context') ?? undefined,
    sourceLang: params.get('source_lang') ?? undefined,
    texts,
    splitSentences: params.get('split_sentences') ?? undefined,
    formality: params.get('formality') ?? undefined,
    tagHandling: tagHandling ?? undefined,
    authorization: req.headers.authorization,
    bodyBytes: body.length,
  });
  return send(res, 200, {
    translations: texts.map((text) => ({
      detected_source_language: (params.get('source_lang') ?? 'DE').toUpperCase(),
      text: (state.options.rewrite ?? ((out: string) => out))(withMistakes(fakeTranslate(applyGlossary(text, glossary, params.get('source_lang') ?? '', targetLang), targetLang), state.options.mistakes ?? []), targetLang, tagHandling ?? undefined),
      billed_characters: codePoints(billable(text)),
    })),
  });
}

/**
 * Glossary terms replaced by their target form, longest first, case-sensitive.
 * DeepL "flexes" entries for case and gender; for German sources we imitate that
 * by allowing the usual endings on each word ("Russlands", "Islamischen Staat").
 */
function applyGlossary(text: string, glossary: Glossary | undefined, source: string, target: string): string {
  const dictionary = glossary?.dictionaries.find(
    (d) => d.source === source.toLowerCase() && d.target === target.slice(0, 2).toLowerCase(),
  );
  if (!dictionary) return text;
  const terms = [...dictionary.entries.keys()].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return text;
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const flexed = (term: string) =>
    term
      .split(' ')
      .map((word) => {
        if (source.toLowerCase() !== 'de') return escape(word);
        const stem = word.replace(/(?:er|en|em|es|e)$/, '');
        return `(?:${escape(word)}|${escape(stem)})(?:e|er|en|em|es|s|n)?`;
      })
      .join(' ');
  const patterns = terms.map((term) => ({ term, pattern: new RegExp(`^(?:${flexed(term)})$`) }));
  const all = new RegExp(`(?<![\\p{L}])(?:${terms.map(flexed).join('|')})(?![\\p{L}])`, 'gu');
  return text.replace(all, (found) => dictionary.entries.get(patterns.find((p) => p.pattern.test(found))!.term)!);
}

function parseTsv(tsv: string): Map<string, string> {
  return new Map(
    tsv
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t') as [string, string]),
  );
}

function glossaryInfoV2(glossary: Glossary) {
  const [dictionary] = glossary.dictionaries;
  return {
    glossary_id: glossary.id,
    name: glossary.name,
    ready: true,
    source_lang: dictionary!.source,
    target_lang: dictionary!.target,
    creation_time: glossary.created,
    entry_count: dictionary!.entries.size,
  };
}

function glossaryInfo(glossary: Glossary) {
  return {
    glossary_id: glossary.id,
    name: glossary.name,
    creation_time: glossary.created,
    dictionaries: glossary.dictionaries.map((d) => ({ source_lang: d.source, target_lang: d.target, entry_count: d.entries.size })),
  };
}

/** POST /v3/glossaries with deepl-node's form fields `dictionaries[i].source_lang` etc. */
function createGlossary(state: FakeDeepL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const params = parseParams(req.headers['content-type'] ?? '', body);
  const name = params.get('name');
  if (!name) return send(res, 400, { message: 'Missing name' });
  const dictionaries: Glossary['dictionaries'] = [];
  for (let i = 0; params.get(`dictionaries[${i}].source_lang`) !== null; i++) {
    const format = params.get(`dictionaries[${i}].entries_format`) ?? 'tsv';
    if (format !== 'tsv') return send(res, 400, { message: `Unsupported entries_format ${format}` });
    const entries = parseTsv(params.get(`dictionaries[${i}].entries`) ?? '');
    dictionaries.push({ source: params.get(`dictionaries[${i}].source_lang`)!.toLowerCase(), target: params.get(`dictionaries[${i}].target_lang`)!.toLowerCase(), entries });
  }
  const glossary = { id: `g-${state.glossaries.length + 1}`, name, created: new Date(0).toISOString(), dictionaries };
  state.glossaries.push(glossary);
  send(res, 201, glossaryInfo(glossary));
}

/** Form bodies (what deepl-node sends) and JSON bodies (what DeepL's docs show). */
function parseParams(contentType: string, body: Buffer): { get(name: string): string | null; getAll(name: string): string[] } {
  if (contentType.includes('application/json')) {
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    return {
      get: (name) => (json[name] === undefined ? null : String(json[name])),
      getAll: (name) => {
        const value = json[name];
        return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
      },
    };
  }
  return new URLSearchParams(body.toString('utf8'));
}
