import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject } from '../helpers/temp-project.js';

describe('l10n tm export', () => {
  it('writes the approved translations as TMX 1.4 a CAT tool can import', async () => {
    const project = await createTempProject();
    try {
      expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
      const result = await runCli(['tm', 'export'], { cwd: project.dir });
      expect(result.code).toBe(0);
      const tmx = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['tu', 'tuv'].includes(name) }).parse(result.stdout);
      expect(tmx.tmx['@version']).toBe('1.4');
      expect(tmx.tmx.header).toMatchObject({ '@srclang': 'de', '@segtype': 'sentence', '@datatype': 'plaintext', '@o-tmf': 'l10n-pipeline' });
      const units = tmx.tmx.body.tu as { tuv: { '@xml:lang': string; seg: string }[] }[];
      expect(units).toHaveLength(26);
      for (const unit of units) expect(unit.tuv.map((tuv) => tuv['@xml:lang'])).toEqual(['de', 'en', 'fr']);
      const moscow = units.find((unit) => unit.tuv[0]!.seg.startsWith('Moskau'))!;
      expect(moscow.tuv[1]!.seg).toMatch(/^Moscow had recently/);
      expect(moscow.tuv[2]!.seg).toMatch(/^Moscou n’excluait/);

      const out = await runCli(['tm', 'export', '--out', 'memory.tmx'], { cwd: project.dir });
      expect(out.stdout).toBe('memory.tmx: 26 units, 52 translations\n');
    } finally {
      await project.remove();
    }
  });
});
