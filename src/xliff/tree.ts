/**
 * Walking fast-xml-parser's order-preserving tree: an element is
 * `{ name: children[], ':@': attributes }`, text is `{ '#text': string }`.
 */
export type XmlNode = Record<string, unknown>;

export function elementName(node: XmlNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

export function children(node: XmlNode): XmlNode[] {
  const value = node[elementName(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function isElement(node: XmlNode): boolean {
  const name = elementName(node);
  return name !== '#text' && name !== '#comment' && name !== '#cdata' && !name.startsWith('?');
}

export function childElements(node: XmlNode): XmlNode[] {
  return children(node).filter(isElement);
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return childElements(node).filter((child) => elementName(child) === name);
}

export function firstChild(node: XmlNode, name: string): XmlNode | undefined {
  return childElements(node).find((child) => elementName(child) === name);
}

export function descendantsNamed(node: XmlNode, name: string): XmlNode[] {
  return childElements(node).flatMap((child) => (elementName(child) === name ? [child] : descendantsNamed(child, name)));
}

export function attributesOf(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}
