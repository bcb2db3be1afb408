/**
 * Plain text: blank lines part blocks, and the document itself is the
 * skeleton, since joining its blocks and gaps gives back the text exactly.
 */
import { renderDoc } from '../merge/render.js';
import { segmentText } from '../segment/index.js';
import type { SourceFormat } from './types.js';

export const plainText: SourceFormat<null> = {
  extension: 'txt',
  kind: 'document',
  parse: (text, options) => ({ doc: segmentText(text, options), skeleton: null }),
  write: ({ doc }, lang, textOf) => renderDoc(doc, lang, textOf),
};
