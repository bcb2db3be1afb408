/**
 * `locales/index.json`: which documents exist, their block outline, and in which
 * locales each is published (and why not, where it is withheld). The server reads
 * it to serve whole articles, never a mix of languages.
 */
import type { BlockKind, BlockRole } from '../core/types.js';

export interface ManifestDoc {
  readonly blocks: readonly { readonly id: string; readonly kind: BlockKind; readonly role?: BlockRole }[];
  /** The source's format where it is not plain text (`md`): its blocks' text is markup in it. */
  readonly format?: string;
  /** Source language first, then every published locale. */
  readonly published: readonly string[];
  readonly withheld: Readonly<Record<string, string>>;
}

/** An i18next namespace from a resource file of the source folder: `locales/<lng>/<namespace>.json`. */
export interface ManifestNamespace {
  readonly published: readonly string[];
  readonly withheld: Readonly<Record<string, string>>;
}

export interface Manifest {
  readonly sourceLanguage: string;
  readonly documents: Readonly<Record<string, ManifestDoc>>;
  /** Present when the project has resource files. */
  readonly namespaces?: Readonly<Record<string, ManifestNamespace>>;
}

export const MANIFEST_FILE = 'index.json';
