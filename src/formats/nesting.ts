/**
 * A document tree deeper than real documents ever are (a page of 20,000
 * nested `<span>`s) is refused with a clear error before anything walks it
 * recursively, rather than overflowing the stack.
 */
import { InputError } from '../core/errors.js';

export const MAX_DEPTH = 512;

export function refuseDeepNesting<Node>(root: Node, childrenOf: (node: Node) => readonly Node[] | undefined, file: string): void {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) throw new InputError(`markup nested more than ${MAX_DEPTH} deep`, { file });
    for (const child of childrenOf(node) ?? []) stack.push([child, depth + 1]);
  }
}
