import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

describe('file-unreadable', () => {
  it('reports a binary chapter', async () => {
    const result = await checkProject('valid', {
      'manuscript/03-binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    });
    const [d] = ofRule(result, 'file-unreadable');
    expect(d!.file).toBe('manuscript/03-binary.md');
    expect(d!.message).toContain('binary');
  });

  it('reports Latin-1 text at the line of the first bad byte, without mojibake', async () => {
    const latin1 = Buffer.from(
      '---\nid: governance\n---\n# Governance of SSCs\n\nCaf\xe9 culture.\n',
      'latin1',
    );
    const result = await checkProject('valid', { 'manuscript/02-governance.md': latin1 });
    const [d] = ofRule(result, 'file-unreadable');
    expect(where(d!)).toBe('manuscript/02-governance.md:6:4');
    expect(d!.message).toContain('Latin-1');
  });

  it('accepts an empty chapter file and reports what it lacks instead of crashing', async () => {
    const result = await checkProject('valid', { 'manuscript/02-governance.md': '' });
    expect(ofRule(result, 'file-unreadable')).toEqual([]);
    expect(ofRule(result, 'frontmatter-invalid')).toHaveLength(1);
  });

  it('survives an enormous line', async () => {
    const result = await checkProject('valid', {
      'manuscript/02-governance.md': (t) => `${t}\n${'word [@unece2015] '.repeat(20000)}\n`,
    });
    expect(ofRule(result, 'file-unreadable')).toEqual([]);
    expect(ofRule(result, 'citation-unresolved')).toEqual([]);
  });
});
