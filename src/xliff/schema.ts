/**
 * Schema validation in-process: libxml2 compiled to WebAssembly (xmllint-wasm),
 * against the OASIS schemas shipped in `schemas/xliff/`, so no external binary
 * or network is needed. Problems come back as data with line numbers.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { L10nError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import type { XliffContent } from './model.js';

const SCHEMA_ROOT = path.join(PACKAGE_ROOT, 'schemas/xliff');

export type SchemaName = '1.1' | '1.2-strict' | '1.2-transitional' | '2.1-with-modules' | '2.2-with-modules';

const MAIN_SCHEMA: Readonly<Record<SchemaName, string>> = {
  '1.1': '1.1/xliff-core-1.1.xsd',
  '1.2-strict': '1.2/xliff-core-1.2-strict.xsd',
  '1.2-transitional': '1.2/xliff-core-1.2-transitional.xsd',
  '2.1-with-modules': '2.1/xliff-2.1-with-modules.xsd',
  '2.2-with-modules': '2.2/xliff-2.2-with-modules.xsd',
};

export interface SchemaProblem {
  readonly line: number | undefined;
  readonly message: string;
}

const loaded = new Map<string, Promise<{ fileName: string; contents: string }[]>>();

/** Every .xsd of a schema folder, named as the imports refer to them. */
function schemaFiles(folder: string): Promise<{ fileName: string; contents: string }[]> {
  let files = loaded.get(folder);
  if (!files) {
    files = (async () => {
      const dir = path.join(SCHEMA_ROOT, folder);
      const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.xsd'));
      return Promise.all(
        names.sort().map(async (name) => ({ fileName: name.split(path.sep).join('/'), contents: await readFile(path.join(dir, name), 'utf8') })),
      );
    })();
    loaded.set(folder, files);
  }
  return files;
}

/** Validates XLIFF text against one of the OASIS schemas. Empty list = valid. */
export async function validateSchema(xml: string, schema: SchemaName): Promise<SchemaProblem[]> {
  const [folder, main] = MAIN_SCHEMA[schema].split('/') as [string, string];
  const files = await schemaFiles(folder);
  const contents = xml.replace(/^(\uFEFF?<\?xml[^?]*?\sencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
  let result: Awaited<ReturnType<typeof validateXML>>;
  try {
    result = await validateXML({
      // The text is handed over as UTF-8, whatever the file's own encoding was.
      xml: [{ fileName: 'input.xlf', contents }],
      schema: files.filter((file) => file.fileName === main),
      preload: files.filter((file) => file.fileName !== main),
      ...memoryFor(Buffer.byteLength(contents)),
    });
  } catch (error) {
    throw new L10nError(`schema validation could not run (${String((error as Error).message).split('\n').find((line) => /error:/.test(line))?.replace(/^.*error:\s*/, '') ?? 'libxml2 failed'})`, {
      code: 'VALIDATOR',
      cause: error,
    });
  }
  return result.errors.map((error) => ({ line: error.loc?.lineNumber, message: error.message.trim() }));
}

/**
 * WebAssembly memory for libxml2: its tree takes about ten times the file, and
 * xmllint-wasm's default of 32 MiB made a 20 MB file fail with "out of memory".
 * Pages are 64 KiB; WebAssembly allows at most 65,536 of them (4 GiB).
 */
function memoryFor(bytes: number): { initialMemoryPages: number; maxMemoryPages: number } {
  const pages = (size: number) => Math.ceil(size / 65536);
  return { initialMemoryPages: Math.min(65536, 256 + pages(bytes * 4)), maxMemoryPages: Math.min(65536, 512 + pages(bytes * 24)) };
}

/** The schema our own files must pass for a given XLIFF version. */
export function schemaForVersion(version: string): SchemaName {
  return version.startsWith('2.') ? '2.1-with-modules' : '1.2-strict';
}

/**
 * The schema a file declares by its namespace: 1.1; 1.2 strict, or transitional
 * when it carries other tools' namespaces (strict refuses every extension);
 * 2.0/2.1 or 2.2 with their modules. XLIFF 1.0 has only a DTD: undefined.
 */
export function schemaFor(content: Pick<XliffContent, 'namespace' | 'extensions'>): SchemaName | undefined {
  switch (content.namespace) {
    case 'urn:oasis:names:tc:xliff:document:1.1':
      return '1.1';
    case 'urn:oasis:names:tc:xliff:document:1.2':
      return content.extensions.length === 0 ? '1.2-strict' : '1.2-transitional';
    case 'urn:oasis:names:tc:xliff:document:2.0':
      return '2.1-with-modules';
    case 'urn:oasis:names:tc:xliff:document:2.2':
      return '2.2-with-modules';
    default:
      return undefined;
  }
}
