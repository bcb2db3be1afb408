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
import { XML_NAMESPACE, type XmlElement } from '../xml/parse.js';
import { XLIFF_1_NAMESPACES, XLIFF_2_NAMESPACES } from './units.js';

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
 * Validates against the schema the file declares by its namespace: 1.1; 1.2
 * strict, or transitional when it carries other tools' namespaces (strict
 * refuses every extension); 2.0/2.1 or 2.2 with their modules. XLIFF 1.0 has
 * only a DTD: no schema. 1.2 without extensions that fails only strict (Xcode's
 * `build-num`, Trados' and Phrase's own attributes) gets transitional as its
 * verdict, and the note says so.
 */
export async function validateDeclared(
  xml: string,
  namespace: string,
  root: XmlElement,
): Promise<{ schema: SchemaName | undefined; problems: SchemaProblem[]; note: string }> {
  const schema = schemaFor(namespace, root);
  if (!schema) return { schema, problems: [], note: '' };
  const problems = await validateSchema(xml, schema);
  if (schema !== '1.2-strict' || problems.length === 0) return { schema, problems, note: '' };
  if ((await validateSchema(xml, '1.2-transitional')).length > 0) return { schema, problems, note: '' };
  return { schema: '1.2-transitional', problems: [], note: ` (not strict: ${problems[0]!.message.replace(/^Schemas validity error : /, '')})` };
}

function schemaFor(namespace: string, root: XmlElement): SchemaName | undefined {
  switch (namespace) {
    case 'urn:oasis:names:tc:xliff:document:1.1':
      return '1.1';
    case 'urn:oasis:names:tc:xliff:document:1.2':
      return hasExtensions(root) ? '1.2-transitional' : '1.2-strict';
    case 'urn:oasis:names:tc:xliff:document:2.0':
      return '2.1-with-modules';
    case 'urn:oasis:names:tc:xliff:document:2.2':
      return '2.2-with-modules';
    default:
      return undefined;
  }
}

const OWN_NAMESPACES = new Set([...XLIFF_1_NAMESPACES, ...XLIFF_2_NAMESPACES, XML_NAMESPACE, 'http://www.w3.org/2001/XMLSchema-instance']);

/** Whether an element or attribute anywhere is in a namespace that is not XLIFF's own (another tool's extension). */
function hasExtensions(element: XmlElement): boolean {
  if (!OWN_NAMESPACES.has(element.ns)) return true;
  for (const attr of element.attributes) {
    if (attr.ns !== '' && attr.name !== 'xmlns' && !attr.name.startsWith('xmlns:') && !OWN_NAMESPACES.has(attr.ns)) return true;
  }
  return element.children.some((child) => child.kind === 'element' && hasExtensions(child));
}
