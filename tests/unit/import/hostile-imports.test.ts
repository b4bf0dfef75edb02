/**
 * Hostile and broken files of the other tools' formats are refused with one sentence naming the
 * problem, in bounded time and memory: zip bombs (checked before inflating), entity expansion
 * (never expanded), outlines nested too deep or too large, damaged zips, wrong extensions.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '@shared/import';
import { MAX_ZIP_ENTRIES } from '@shared/import/zip';
import { fixture } from './summary';

function refused(bytes: Uint8Array, name: string): string {
  const started = performance.now();
  const result = readImportFile(bytes, name);
  expect(performance.now() - started).toBeLessThan(5_000);
  if (result.ok) throw new Error(`${name} was read`);
  return result.problem;
}

/** A zip whose one entry declares `size` bytes (a bomb's central directory), with tiny real data. */
function lyingZip(name: string, declared: number): Uint8Array {
  const zip = zipSync({ [name]: strToU8('[]') });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The central directory entry starts with PK\x01\x02; its uncompressed size is at +24.
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, declared, true);
      break;
    }
  }
  return zip;
}

describe('zip bombs and damaged zips', () => {
  it('refuses an XMind whose content would unpack to gigabytes, without unpacking it', () => {
    expect(refused(lyingZip('content.json', 0xfffffff0), 'bomb.xmind')).toMatch(/would unpack to more than 200 MB \(a “zip bomb”\)/);
  });

  it('inflates an entry that understates its size only up to what it declares', () => {
    // 1 MB of zeros declared as 2 bytes: fflate inflates into a 2-byte buffer, so memory stays bounded.
    const zip = lyingZip('content.json', 2);
    const big = zipSync({ 'content.json': new Uint8Array(1024 * 1024) });
    const view = new DataView(big.buffer, big.byteOffset, big.byteLength);
    for (let i = big.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) { view.setUint32(i + 24, 2, true); break; }
    expect(zip.length).toBeGreaterThan(0);
    expect(refused(big, 'small-lie.xmind')).toMatch(/content\.json|damaged/);
  });

  it('refuses a zip of more entries than any XMind or workbook holds', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) files[`f${i}`] = new Uint8Array(0);
    expect(refused(zipSync(files, { level: 0 }), 'many.xlsx')).toMatch(/more than 10,000 entries/);
  });

  it('refuses a truncated XMind as a damaged zip', () => {
    const bytes = fixture('coffee-zen.xmind');
    expect(refused(bytes.subarray(0, bytes.length - 30), 'cut.xmind')).toMatch(/zip archive is damaged/);
  });

  it('refuses a zip that is neither XMind nor Excel, naming what is missing', () => {
    const zip = zipSync({ 'readme.txt': strToU8('hi') });
    expect(refused(zip, 'other.xmind')).toMatch(/neither content\.json nor content\.xml/);
    expect(refused(zip, 'other.xlsx')).toMatch(/no xl\/workbook\.xml/);
  });
});

describe('XML entities', () => {
  it('never expands a "billion laughs" entity: the text stays as written, in bounded time', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]><map><node TEXT="&h;"><node TEXT="Site"/></node></map>`;
    const result = readImportFile(strToU8(lol), 'lol.mm');
    expect(result.ok).toBe(true);
    if (result.ok && result.source.kind === 'tree') expect(result.source.sheets[0]!.root.label).toBe('&h;');
  });

  it('never reads an external entity (a file on this computer)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline text="&x;"/></body></opml>`;
    const result = readImportFile(strToU8(xxe), 'x.opml');
    expect(JSON.stringify(result)).not.toContain('root:');
  });
});

describe('huge and deeply nested outlines', () => {
  it('refuses a FreeMind map nested deeper than 200 levels', () => {
    const deep = `<map>${'<node TEXT="x">'.repeat(5_000)}${'</node>'.repeat(5_000)}</map>`;
    expect(refused(strToU8(deep), 'deep.mm')).toMatch(/nest more than 200 levels/);
  });

  it('refuses a Markdown list nested thousands of levels deep', () => {
    const deep = Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(refused(strToU8(deep), 'deep.md')).toMatch(/nest|nested too deeply/);
  });

  it('refuses an XMind Zen sheet nested 10,000 levels deep', () => {
    // Written as text: JSON.stringify itself would overflow the stack on 10,000 levels.
    const json = `[{"title":"S","rootTopic":${'{"title":"t","children":{"attached":['.repeat(10_000)}{"title":"leaf"}${']}}'.repeat(10_000)}}]`;
    const zip = zipSync({ 'content.json': strToU8(json) });
    expect(refused(zip, 'deep.xmind')).toMatch(/nest more than 200 levels/);
  });

  it('refuses an OPML of more topics than a map holds', () => {
    const wide = `<opml><body>${'<outline text="x"/>'.repeat(100_001)}</body></opml>`;
    expect(refused(strToU8(wide), 'wide.opml')).toMatch(/more than 100,000 topics/);
  });

  it('refuses a CSV of more rows than a map holds touchpoints', () => {
    expect(refused(strToU8(`Touchpoint\n${'x\n'.repeat(100_002)}`), 'big.csv')).toMatch(/more than 100,000 rows/);
  });

  it('refuses a label longer than labels may be', () => {
    expect(refused(strToU8(`<opml><body><outline text="${'x'.repeat(10_001)}"/></body></opml>`), 'long.opml')).toMatch(/10,001 characters long/);
  });
});

describe('names that do not match the content', () => {
  it('names what an .xmind really is when it is XML', () => {
    expect(refused(strToU8('<?xml version="1.0"?><opml><body/></opml>'), 'plan.xmind')).toBe('It is named .xmind but it is XML text, not an XMind map. It looks like an OPML outline; rename it to end in .opml.');
  });

  it('refuses an .mm that is a zip, and a .csv that is binary', () => {
    expect(refused(fixture('coffee-zen.xmind'), 'plan.mm')).toMatch(/named \.mm but it is a zip archive, not a FreeMind\/Freeplane map\. It looks like an XMind map/);
    expect(refused(new Uint8Array([0, 1, 2, 0, 5]), 'plan.csv')).toMatch(/named \.csv but it is a binary file/);
  });

  it('reads a file without a known extension by its content', () => {
    const result = readImportFile(fixture('coffee-zen.xmind'), 'download');
    expect(result.ok && result.source.format).toBe('xmind');
  });

  it('refuses an empty file and an unknown kind', () => {
    expect(refused(new Uint8Array(0), 'a.opml')).toBe('The file is empty.');
    expect(refused(strToU8('hello'), 'notes.txt')).toMatch(/does not know this kind of file/);
  });

  it('refuses XML that is not the format its name says', () => {
    expect(refused(strToU8('<html><body/></html>'), 'x.opml')).toBe('It is XML, but not an OPML outline: its root element is <html>, not <opml>.');
    expect(refused(strToU8('<map><node TEXT="a">'), 'broken.mm')).toMatch(/not well-formed XML/);
  });
});
