import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Lang } from '../../src/core/lang.js';
import type { Block, Doc, DocId, Gap, Segment } from '../../src/core/types.js';
import { loadRules, parseSrx, readSourceText, segmentStream, segmentText } from '../../src/segment/index.js';
import { runCli } from '../helpers/run-cli.js';
import { SEED } from '../helpers/temp-project.js';

const de = 'de' as Lang;
const docId = 'test' as DocId;
const texts = (body: readonly (Block | Gap)[]) =>
  body.flatMap((b) => (b.kind === 'block' ? b.parts.filter((p): p is Segment => p.kind === 'segment').map((p) => p.text) : []));
const join = (doc: Doc) => doc.body.map((item) => (item.kind === 'gap' ? item.text : item.parts.map((p) => p.text).join(''))).join('');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'l10n-seg-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('awkward input', () => {
  it('drops a byte-order mark', async () => {
    const file = path.join(dir, 'bom.txt');
    await writeFile(file, `\ufeffErster Satz. Zweiter Satz.`);
    const text = await readSourceText(file);
    expect(texts(segmentText(text, { docId, lang: de }).body)).toEqual(['Erster Satz.', 'Zweiter Satz.']);
  });

  it('handles CRLF line ends: blocks split on blank lines, segments free of CR, input kept exactly', () => {
    const input = 'Überschrift\r\n\r\nErster Satz. Zweiter Satz.\r\nDritter Satz.\r\n';
    const doc = segmentText(input, { docId, lang: de });
    expect(doc.body.filter((item) => item.kind === 'block')).toHaveLength(2);
    expect(texts(doc.body)).toEqual(['Überschrift', 'Erster Satz.', 'Zweiter Satz.', 'Dritter Satz.']);
    expect(join(doc)).toBe(input);
  });

  it('segments NFD-decomposed umlauts exactly like precomposed ones, with the same ids', async () => {
    const nfc = 'Die Gespräche über Bodentruppen wurden fortgesetzt. Größere Änderungen gab es nicht.';
    const file = path.join(dir, 'nfd.txt');
    await writeFile(file, nfc.normalize('NFD'));
    const fromNfd = segmentText(await readSourceText(file), { docId, lang: de });
    const fromNfc = segmentText(nfc, { docId, lang: de });
    expect(fromNfd).toEqual(fromNfc);
  });

  it('keeps a text without sentence-ending punctuation as one segment', () => {
    expect(texts(segmentText('Eine Zeile ohne Punkt und Komma', { docId, lang: de }).body)).toEqual([
      'Eine Zeile ohne Punkt und Komma',
    ]);
  });

  it('refuses an empty file', async () => {
    const file = path.join(dir, 'empty.txt');
    await writeFile(file, ' \n\n \n');
    await expect(readSourceText(file)).rejects.toThrow(/empty\.txt: the file is empty/);
  });

  it('keeps whitespace-only input and leading/trailing whitespace as gaps', () => {
    const input = '\n\n  Erster Satz.  \n\n\n';
    expect(join(segmentText(input, { docId, lang: de }))).toBe(input);
  });
});

describe('streaming', () => {
  async function* chunks(text: string, size: number) {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }

  it.each([1, 7, 64, 1000])('gives the same blocks, offsets and ids as the whole text, in chunks of %i', async (size) => {
    const input = readFileSync(SEED, 'utf8');
    const streamed: (Block | Gap)[] = [];
    for await (const item of segmentStream(chunks(input, size), { docId, lang: de })) streamed.push(item);
    expect(streamed).toEqual(segmentText(input, { docId, lang: de }).body);
  });

  it('l10n segment streams a large file and prints every sentence', async () => {
    const article = readFileSync(SEED, 'utf8');
    const file = path.join(dir, 'large.txt');
    await writeFile(file, Array.from({ length: 200 }, () => article).join('\n\n'));
    const result = await runCli(['segment', file], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(26 * 200);
  });
});

describe('SRX rules', () => {
  const srx = (rules: string, map = '<languagemap languagepattern="de.*" languagerulename="Test"/>') =>
    `<?xml version="1.0"?>\n<srx xmlns="http://www.lisa.org/srx20" version="2.0">\n<header cascade="no"/>\n<body>\n<languagerules>\n<languagerule languagerulename="Test">\n${rules}\n</languagerule>\n</languagerules>\n<maprules>${map}</maprules>\n</body>\n</srx>`;

  it('uses a user’s own rules instead of the built-in ones', async () => {
    const file = path.join(dir, 'mine.srx');
    // Only semicolons end sentences here.
    await writeFile(file, srx('<rule break="yes"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>'));
    const rules = await loadRules(de, file);
    expect(texts(segmentText('Eins. Zwei; Drei.', { docId, lang: de, rules }).body)).toEqual(['Eins. Zwei;', 'Drei.']);
  });

  it('translates Java regex features (\\Q…\\E, \\b with umlauts)', () => {
    const rules = parseSrx(
      srx(
        '<rule break="no"><beforebreak>\\bSchöne\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n<rule break="yes"><beforebreak>\\Q.\\E</beforebreak><afterbreak>\\s</afterbreak></rule>',
      ),
      'x.srx',
    );
    const lang = rules.languages.get('Test')!;
    const doc = segmentText('Das Schöne. Ende. Mehr.', { docId, lang: de, rules: { lang: 'de', rules: lang } });
    expect(texts(doc.body)).toEqual(['Das Schöne. Ende.', 'Mehr.']);
  });

  it.each([
    ['an invalid regular expression, with its line', srx('<rule break="yes">\n<beforebreak>[.!?</beforebreak>\n<afterbreak>\\s</afterbreak></rule>'), /x\.srx:7: invalid regular expression/],
    ['malformed XML, with line and column', '<srx>\n<body>\n</srx>', /x\.srx:3:\d+: not well-formed XML/],
    ['a map to an unknown rule set', srx('<rule><beforebreak>\\.</beforebreak></rule>', '<languagemap languagepattern="de" languagerulename="Nope"/>'), /x\.srx:10: <languagemap> refers to unknown languagerulename "Nope"/],
    ['a rule with neither side', srx('<rule break="no"></rule>'), /x\.srx:7: a <rule> needs <beforebreak> or <afterbreak>/],
    ['a DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE srx>\n<srx/>', /x\.srx:2:1: <!DOCTYPE> is not allowed/],
    ['a file that is not SRX', '<html/>', /no <srx> root element/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseSrx(text, 'x.srx')).toThrow(InputError);
    expect(() => parseSrx(text, 'x.srx')).toThrow(message);
  });

  it('refuses an SRX file with no rules for the language', async () => {
    const file = path.join(dir, 'french.srx');
    await writeFile(file, srx('<rule><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>', '<languagemap languagepattern="fr.*" languagerulename="Test"/>'));
    await expect(loadRules(de, file)).rejects.toThrow(/french\.srx: no <languagemap> matches the language "de"/);
  });

  it('l10n segment --srx with a broken file exits 2 naming the file and line', async () => {
    const file = path.join(dir, 'broken.srx');
    await writeFile(file, srx('<rule break="yes">\n<beforebreak>(unclosed</beforebreak>\n<afterbreak>\\s</afterbreak></rule>'));
    const result = await runCli(['segment', SEED, '--srx', file], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.srx:7: invalid regular expression/);
  });

  it('the shipped German rules are valid SRX that the engine reads', async () => {
    const rules = await loadRules(de, path.join(import.meta.dirname, '../../src/segment/rules/de.srx'));
    expect(rules.rules.length).toBeGreaterThan(10);
  });
});
