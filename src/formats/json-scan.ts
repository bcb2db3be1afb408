/**
 * JSON (RFC 8259) read with the source offsets of every value and member, so
 * a localised file can be written by splicing new strings into the original
 * bytes: indentation, key order, escapes and the final newline stay as they
 * were. Strict: a syntax error is refused with its line and column. One pass;
 * nesting deeper than MAX_DEPTH is refused rather than risking the stack.
 */
import { InputError, lineAndColumn } from '../core/errors.js';
import { MAX_DEPTH } from './nesting.js';

export type JsonNode = JsonObject | JsonArray | JsonString | JsonOther;

export interface JsonObject {
  readonly kind: 'object';
  readonly start: number;
  readonly end: number;
  readonly members: readonly JsonMember[];
}

export interface JsonMember {
  readonly key: string;
  /** Offset of the key's opening quote. */
  readonly keyStart: number;
  readonly value: JsonNode;
}

export interface JsonArray {
  readonly kind: 'array';
  readonly start: number;
  readonly end: number;
  readonly items: readonly JsonNode[];
}

export interface JsonString {
  readonly kind: 'string';
  /** The literal, quotes included: `text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface JsonOther {
  readonly kind: 'other';
  readonly start: number;
  readonly end: number;
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

export function scanJson(text: string, file: string): JsonNode {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string, at = pos): never => {
    throw new InputError(`not valid JSON: ${message}`, { file, ...lineAndColumn(text, at) });
  };
  const space = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = pos;
    const found = pattern.exec(text)?.[0];
    if (found !== undefined) pos += found.length;
    return found;
  };
  const string = (): JsonString => {
    const start = pos;
    if (text[pos] !== '"') fail('expected a string');
    const end = stringEnd(text, pos);
    if (end === -1) fail('an unterminated string', start);
    if (end < 0) fail('a bad escape or a control character in a string', -end - 2);
    pos = end;
    return { kind: 'string', start, end, value: JSON.parse(text.slice(start, end)) as string };
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} deep`);
    space();
    const start = pos;
    const char = text[pos];
    if (char === '"') return string();
    if (char === '{') {
      pos++;
      const members: JsonMember[] = [];
      space();
      if (text[pos] === '}') return { kind: 'object', start, end: ++pos, members };
      for (;;) {
        space();
        const keyStart = pos;
        const key = string().value;
        space();
        if (text[pos++] !== ':') fail('expected ":" after a key', pos - 1);
        members.push({ key, keyStart, value: value(depth + 1) });
        space();
        const next = text[pos++];
        if (next === '}') return { kind: 'object', start, end: pos, members };
        if (next !== ',') fail('expected "," or "}"', pos - 1);
      }
    }
    if (char === '[') {
      pos++;
      const items: JsonNode[] = [];
      space();
      if (text[pos] === ']') return { kind: 'array', start, end: ++pos, items };
      for (;;) {
        items.push(value(depth + 1));
        space();
        const next = text[pos++];
        if (next === ']') return { kind: 'array', start, end: pos, items };
        if (next !== ',') fail('expected "," or "]"', pos - 1);
      }
    }
    if (match(NUMBER) !== undefined || match(LITERAL) !== undefined) return { kind: 'other', start, end: pos };
    return fail(char === undefined ? 'unexpected end of file' : `unexpected ${JSON.stringify(char)}`);
  };
  const root = value(0);
  space();
  if (pos < text.length) fail('more text after the value');
  return root;
}

/**
 * The end (just past the closing quote) of the string literal whose opening
 * quote is at `start`: -1 when it is not closed, or `-(at + 2)` for a bad
 * escape or a raw control character at `at` (RFC 8259 §7). A loop rather than
 * one regex: V8 runs a repeated alternation on its backtracking stack, and a
 * string of some millions of characters overflowed it.
 */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -(i + 2);
    if (code !== 0x5c) continue;
    const next = text[i + 1];
    if (next === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 2);
      i += 5;
    } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i++;
    else return next === undefined ? -1 : -(i + 2);
  }
  return -1;
}
