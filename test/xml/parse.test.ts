/** The strict XML gate: what it accepts, what it refuses and where it says the problem is. */
import { describe, expect, it } from 'vitest';
import { XliffError } from '../../src/core/errors.js';
import { attribute, childElements, parseXml, XML_NAMESPACE } from '../../src/xml/parse.js';

const refuse = (xml: string) => {
  try {
    parseXml(xml, 'in.xml');
  } catch (error) {
    expect(error).toBeInstanceOf(XliffError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('what the gate refuses, with file:line:column', () => {
  it.each([
    ['an undeclared entity', '<a>\n &nbsp;</a>', /^in\.xml:2:2: not well-formed XML: undeclared entity &nbsp;/],
    ['an HTML entity in an attribute', '<a t="&eacute;"/>', /^in\.xml:1:7: .*undeclared entity &eacute;/],
    ['"<" in an attribute value', '<a t="x<y"/>', /^in\.xml:1:8: .*"<" in the value of t/],
    ['a bare "&"', '<a>Tom & Jerry</a>', /^in\.xml:1:8: .*bad reference "&"/],
    ['mismatched tags', '<a><b></a>', /^in\.xml:1:7: .*<\/a> where <\/b> was expected/],
    ['an unclosed element', '<a><b>', /^in\.xml:1:4: .*<b> is never closed/],
    ['an attribute given twice', '<a x="1" x="2"/>', /^in\.xml:1:10: .*attribute x given twice/],
    ['an unquoted attribute', '<a x=1/>', /must be quoted/],
    ['a NUL character', '<a>x\u0000y</a>', /^in\.xml:1:5: .*U\+0000 is not allowed/],
    ['a NUL as a character reference', '<a>&#0;</a>', /bad reference &#0;/],
    ['another C0 control as a reference', '<a>&#x1B;</a>', /bad reference &#x1B;/],
    ['U+FFFE', '<a>\uFFFE</a>', /U\+FFFE is not allowed/],
    ['a DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e "x">]><a/>', /^in\.xml:2:1: <!DOCTYPE> is not allowed/],
    ['text after the root', '<a/>junk', /text outside the root element/],
    ['two roots', '<a/><b/>', /a second root element/],
    ['"]]>" in text', '<a>x]]>y</a>', /"\]\]>" in text/],
    ['"--" in a comment', '<a><!-- a -- b --></a>', /"--" inside a comment/],
    ['an XML declaration that is not first', '<a><?xml version="1.0"?></a>', /only allowed at the very start/],
  ])('%s', (_name, xml, message) => {
    expect(refuse(xml)).toMatch(message);
  });

  it('nesting 10,000 deep is one clear error, not a stack overflow', () => {
    expect(refuse(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`)).toMatch(/^in\.xml:1:769: .*nested deeper than 256/);
  });

  it('an attribute value of a megabyte is refused', () => {
    expect(refuse(`<a t="${'x'.repeat(1024 * 1024)}"/>`)).toMatch(/longer than 262144 characters/);
  });
});

describe('what it reads', () => {
  it('resolves references, keeps &#13; and normalises literal line ends (XML 1.0 §2.11)', () => {
    const { root } = parseXml('<a>x&amp;y&#13;\r\nz&#x1F600;</a>', 'in.xml');
    expect(root.children).toMatchObject([{ kind: 'text', text: 'x&y\r\nz😀' }]);
  });

  it('normalises whitespace in attribute values, but not references to it (§3.3.3)', () => {
    const { root } = parseXml('<a id="one\ttwo\nthree&#10;four"/>', 'in.xml');
    expect(attribute(root, 'id')).toBe('one two three\nfour');
  });

  it('resolves namespace prefixes: xlf:trans-unit is a trans-unit of XLIFF 1.2', () => {
    const { root } = parseXml(
      '<xlf:xliff xmlns:xlf="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff"><xlf:file mq:status="x" xml:space="preserve"/></xlf:xliff>',
      'in.xml',
    );
    expect([root.local, root.ns]).toEqual(['xliff', 'urn:oasis:names:tc:xliff:document:1.2']);
    const [file] = childElements(root);
    expect([attribute(file!, 'status', 'MQXliff'), attribute(file!, 'space', XML_NAMESPACE)]).toEqual(['x', 'preserve']);
  });

  it('keeps offsets that point at the bytes of each element', () => {
    const xml = '<root>\n  <unit id="1">text<x/></unit>\n</root>';
    const { root } = parseXml(xml, 'in.xml');
    const [unit] = childElements(root);
    expect(xml.slice(unit!.start, unit!.openEnd)).toBe('<unit id="1">');
    expect(xml.slice(unit!.closeStart, unit!.end)).toBe('</unit>');
    const [x] = childElements(unit!);
    expect(xml.slice(x!.start, x!.end)).toBe('<x/>');
  });

  it('reads CDATA as text, comments and processing instructions as nothing', () => {
    const { root } = parseXml('<a><![CDATA[<b> & ]]><!-- c --><?pi data?>d</a>', 'in.xml');
    expect(root.children.map((child) => (child.kind === 'text' ? child.text : child.name)).join('')).toBe('<b> & d');
  });
});

describe('time is linear in the input', () => {
  /** Median of a few runs, in ms. */
  function time(run: () => void): number {
    const runs = [0, 0, 0, 0, 0].map(() => {
      const start = performance.now();
      run();
      return performance.now() - start;
    });
    return runs.sort((a, b) => a - b)[2]!;
  }

  it.each([
    ['character references (&#65; …)', (n: number) => `<a>${'&#65;'.repeat(n)}</a>`],
    ['one long word', (n: number) => `<a>${'x'.repeat(n * 5)}</a>`],
    ['a long run of "<" lookalikes in an attribute', (n: number) => `<a t="${'&lt;'.repeat(Math.min(n, 60_000))}"/>`],
    ['many sibling elements', (n: number) => `<a>${'<b/>'.repeat(n)}</a>`],
  ])('%s: 10x the input takes at most 30x the time', (_name, make) => {
    const small = make(50_000);
    const large = make(500_000);
    time(() => parseXml(small, 's'));
    const ratio = time(() => parseXml(large, 'l')) / Math.max(time(() => parseXml(small, 's')), 0.5);
    expect(ratio).toBeLessThan(30);
  });
});
