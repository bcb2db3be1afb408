/** Writing a localised file as its source with spans replaced: everything between them stays byte for byte. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** `text` with each edit's span replaced by its text; edits may come in any order and must not overlap. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
