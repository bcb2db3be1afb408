/**
 * The last results of a reading that depends only on a text and a context object
 * (a locale's rules, a lexicon): several checks read the same sentence the same
 * way (its figures, its number words, its words), so each pair's texts are read
 * once, not once per check that asks. Results are shared between callers and
 * must not be changed by them. A few entries per context suffice (a pair has two
 * texts, and a check may read a part of one); the oldest entry goes first.
 */
export function rememberLast<C, R>(read: (text: string, context: C) => R, size = 8): (text: string, context: C) => R {
  // Contexts are few (a locale's rules, a language tag) and live as long as the process.
  const byContext = new Map<C, Map<string, R>>();
  return (text, context) => {
    let entries = byContext.get(context);
    if (!entries) byContext.set(context, (entries = new Map()));
    const known = entries.get(text);
    if (known !== undefined || entries.has(text)) return known as R;
    const result = read(text, context);
    if (entries.size >= size) entries.delete(entries.keys().next().value as string);
    entries.set(text, result);
    return result;
  };
}
