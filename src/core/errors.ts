/**
 * One root error and one subclass per decision a caller has to make
 * (modelled on deepl-node's errors.ts). Only `cli/main.ts` turns these into
 * output and exit codes.
 */

export class L10nError extends Error {
  readonly code: string;
  constructor(message: string, options: { code: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
  }
}

/** Where in an input file the problem is. */
export interface InputLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly unitId?: string;
}

/** Bad input from a file the user gave us: the message names the file and the place. */
export class InputError extends L10nError {
  readonly location: InputLocation;
  constructor(message: string, location: InputLocation, options: { code?: string; cause?: unknown } = {}) {
    super(`${formatLocation(location)}: ${message}`, { code: options.code ?? 'INPUT', cause: options.cause });
    this.location = location;
  }
}

/** XLIFF that is not well-formed, breaks the schema or declares a DOCTYPE or entities. */
export class XliffError extends InputError {
  constructor(message: string, location: InputLocation, options: { cause?: unknown } = {}) {
    super(message, location, { code: 'XLIFF', cause: options.cause });
  }
}

/** Bad configuration, option or environment. `key` names the setting. */
export class ConfigError extends L10nError {
  readonly key: string;
  constructor(message: string, key: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'CONFIG', cause: options.cause });
    this.key = key;
  }
}

/**
 * A translation engine failed. `retryable` says whether running again later may
 * succeed (rate limit, timeout) or needs a person (bad key, quota used up).
 */
export class EngineError extends L10nError {
  readonly engine: string;
  readonly retryable: boolean;
  constructor(message: string, options: { engine: string; retryable: boolean; cause?: unknown }) {
    super(message, { code: 'ENGINE', cause: options.cause });
    this.engine = options.engine;
    this.retryable = options.retryable;
  }
}

export function formatLocation(location: InputLocation): string {
  let where = location.file;
  if (location.line !== undefined) {
    where += `:${location.line}`;
    if (location.column !== undefined) where += `:${location.column}`;
  }
  if (location.unitId !== undefined) where += ` (unit ${location.unitId})`;
  return where;
}

/** 1-based line and column of a UTF-16 offset, for error messages. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * `lineAndColumn` for many offsets in one text: the line starts are found
 * once, each lookup is a binary search (one scan per value would make a file
 * of many values quadratic).
 */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}


/** A value from the input, quoted for a one-line message: at most 60 characters of it. */
export function quoted(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(shown);
}

/** A file the user pointed us at that cannot be read (a folder, no permission): one line naming it. */
export function unreadable(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot be read (${code ?? (error as Error).message})`;
  return new InputError(why, { file }, { cause: error });
}

/** A file that cannot be written (no permission, a folder in the way, disk full): one line naming it. */
export function unwritable(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on the disk' : `cannot be written (${code ?? (error as Error).message})`;
  return new InputError(why, { file }, { cause: error });
}
