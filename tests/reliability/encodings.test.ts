/**
 * Encodings as pasted text and other editors leave them: UTF-8 with or without
 * BOM, CRLF and CR line ends (line and column are what an editor shows),
 * Latin-1/Windows-1252 bytes (a clear file-unreadable diagnostic at the first
 * bad character, never garbled text), and NFC/NFD spellings of the same key.
 */
import { describe, expect, it } from 'vitest';
import { checkProject, ofRule, where } from '../helpers/fixture.js';

// A chapter whose findings sit at known places: an unknown key on line 7, column 14.
const CHAPTER = [
  '---',
  'id: introduction',
  '---',
  '# Introduction',
  '',
  'Smart cities [@unece2015; @itu2016, p. 4] and narrative @itu2016 shows much.',
  'Café text [@nosuchkey2020] here.',
  '',
  ':::good-practice{country=ESP city="Barcelona" title="Open data"}',
  'Barcelona publishes open data.',
  ':::',
  '',
  ':::unece-support{title="U4SSC KPIs"}',
  'UNECE supports cities.',
  ':::',
  '',
  ':::recommendations',
  '1. Do this.',
  ':::',
  '',
].join('\n');

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const withBom = (text: string) => new Uint8Array([...BOM, ...utf8(text)]);

async function unresolvedAt(chapter: string | Uint8Array): Promise<string[]> {
  const result = await checkProject('valid', { 'manuscript/01-introduction.md': chapter });
  expect(ofRule(result, 'file-unreadable')).toEqual([]);
  expect(ofRule(result, 'frontmatter-invalid')).toEqual([]);
  // The front matter was read (the chapter is matched to the mandate by its id).
  expect(ofRule(result, 'toc-missing-chapter')).toEqual([]);
  return ofRule(result, 'citation-unresolved').map(where);
}

describe('line ends and byte-order mark', () => {
  const expected = ['manuscript/01-introduction.md:7:11'];

  it('places a finding where an editor shows it in a plain UTF-8 file', async () => {
    expect(await unresolvedAt(CHAPTER)).toEqual(expected);
  });

  it('gives the same line and column with a UTF-8 BOM (the BOM is not a column)', async () => {
    expect(await unresolvedAt(withBom(CHAPTER))).toEqual(expected);
  });

  it('gives the same line and column with CRLF line ends (Windows)', async () => {
    expect(await unresolvedAt(CHAPTER.replace(/\n/g, '\r\n'))).toEqual(expected);
  });

  it('gives the same line and column with BOM and CRLF together (Word "UTF-8" export)', async () => {
    expect(await unresolvedAt(withBom(CHAPTER.replace(/\n/g, '\r\n')))).toEqual(expected);
  });

  it('reads a BOM and CRLF bibliography and manuscript.yaml', async () => {
    const result = await checkProject('valid', {
      'references.bib': (t) => `\ufeff${t.replace(/\n/g, '\r\n')}`,
      'manuscript/manuscript.yaml': (t) => `\ufeff${t.replace(/\n/g, '\r\n')}`,
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.project.bibliography.byKey.has('unece2015')).toBe(true);
    expect(result.project.config.toc).toHaveLength(2);
  });

  it('places a bib-parse-error at the editor line in a CRLF bibliography', async () => {
    const result = await checkProject('valid', {
      'references.bib': (t) => `${t}\n@book{bad2020,\n  title = ,\n}\n`.replace(/\n/g, '\r\n'),
    });
    const [d] = ofRule(result, 'bib-parse-error');
    expect(d!.line).toBe(16);
  });
});

describe('Latin-1 and Windows-1252 text', () => {
  it('refuses a Latin-1 chapter with one clear diagnostic at the first bad character', async () => {
    const bytes = new Uint8Array(Buffer.from(CHAPTER, 'latin1'));
    const result = await checkProject('valid', { 'manuscript/01-introduction.md': bytes });
    const [d, ...rest] = ofRule(result, 'file-unreadable');
    expect(rest).toEqual([]);
    // "Café" on line 7: the é is the fourth character.
    expect(where(d!)).toBe('manuscript/01-introduction.md:7:4');
    expect(d!.message).toMatch(/Latin-1/);
    expect(d!.message).toMatch(/UTF-8/);
    expect(d!.severity).toBe('error');
    // The undecodable text is not parsed, so no finding quotes garbled text.
    const fromFile = result.diagnostics.filter((d) => d.file === 'manuscript/01-introduction.md');
    expect(fromFile.map((d) => d.rule)).toEqual(['file-unreadable']);
    expect(JSON.stringify(result.diagnostics)).not.toMatch(/Ã©|\ufffd/);
  });

  it('refuses Windows-1252 smart quotes pasted from Word', async () => {
    const text = Buffer.concat([
      Buffer.from('# Introduction\n\nHe said '),
      Buffer.from([0x93]),
      Buffer.from('smart'),
      Buffer.from([0x94]),
      Buffer.from('.\n'),
    ]);
    const result = await checkProject('valid', {
      'manuscript/01-introduction.md': new Uint8Array(text),
    });
    const [d] = ofRule(result, 'file-unreadable');
    expect(where(d!)).toBe('manuscript/01-introduction.md:3:9');
    expect(d!.message).toMatch(/UTF-8/);
  });

  it('refuses a Latin-1 bibliography at the line of the bad byte', async () => {
    const bib = Buffer.from(
      '@book{muller2019,\n  author = {M\u00fcller, Hans},\n  title = {St\u00e4dte},\n  year = 2019\n}\n',
      'latin1',
    );
    const result = await checkProject('valid', { 'references.bib': new Uint8Array(bib) });
    const [d] = ofRule(result, 'file-unreadable');
    expect(where(d!)).toBe('references.bib:2:14');
    expect(d!.message).toMatch(/Latin-1/);
  });
});

describe('NFC and NFD spellings of the same key', () => {
  const nfc = '\u00e9tude2020'; // é as one code point
  const nfd = 'e\u0301tude2020'; // e + combining acute
  const bib = (key: string) => (t: string) =>
    `${t}\n@book{${key},\n  title = {\u00c9tude},\n  year = 2020\n}\n`;
  const cite = (key: string) => (t: string) => t.replace('shows much.', `shows much [@${key}].`);

  for (const [bibForm, citeForm] of [
    ['NFC', 'NFD'],
    ['NFD', 'NFC'],
    ['NFD', 'NFD'],
  ] as const) {
    it(`resolves a ${citeForm} citation against a ${bibForm} bibliography key`, async () => {
      const result = await checkProject('valid', {
        'references.bib': bib(bibForm === 'NFC' ? nfc : nfd),
        'manuscript/01-introduction.md': cite(citeForm === 'NFC' ? nfc : nfd),
      });
      expect(ofRule(result, 'citation-unresolved')).toEqual([]);
      expect(ofRule(result, 'citation-unused')).toEqual([]);
    });
  }

  it('reports two entries whose keys differ only in Unicode form as duplicates', async () => {
    const result = await checkProject('valid', {
      'references.bib': (t) => bib(nfd)(bib(nfc)(t)),
      'manuscript/01-introduction.md': cite(nfc),
    });
    const [d, ...rest] = ofRule(result, 'bib-duplicate-key');
    expect(rest).toEqual([]);
    // Reported at the second (NFD) entry, naming the first.
    const lines = result.project.bibliography.file.value!.toString().split('\n');
    expect(d!.line).toBe(lines.findIndex((l) => l.startsWith(`@book{${nfd}`)) + 1);
    expect(d!.message).toContain('already used');
  });
});
