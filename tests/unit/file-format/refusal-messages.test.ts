/**
 * A refused .touchmap file speaks to the person who chose it: the map and the touchpoint by their
 * own names, what is wrong in their words and what to do — while the technical text (the path and
 * the rule) stays behind "Details" for whoever fixes the file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTouchmapFile, refusalText } from '@shared/file-format';

const refusedDir = fileURLToPath(new URL('../../fixtures/files/refused/', import.meta.url));
const refusal = (file: string) => {
  const result = parseTouchmapFile(readFileSync(`${refusedDir}${file}.touchmap`, 'utf8'));
  if (result.ok) throw new Error(`${file} was accepted`);
  return result;
};

const MAP = 'Map "Clinic — new patients"';
const FIX = 'Fix it in a text editor, or export the map again from the Touchmap it came from.';
const CHOOSE = 'Choose a .touchmap file instead: Touchmap saves one from a map’s Data export or with “Back up all maps”.';

/** Every refusal fixture: the labels its message must name, and the message itself. */
const cases: readonly { readonly file: string; readonly names: readonly string[]; readonly message: string }[] = [
  { file: 'score-out-of-range', names: [MAP, 'touchpoint "Extra touchpoint 8"'], message: `${MAP}: touchpoint "Extra touchpoint 8" has our score 14; scores are 0–10. ${FIX}` },
  {
    file: 'competitor-score-out-of-range',
    names: [MAP, 'touchpoint "Context ad"', 'competitor "City Clinic"'],
    message: `${MAP}: touchpoint "Context ad" has a score of 11 for competitor "City Clinic"; scores are 0–10. ${FIX}`,
  },
  { file: 'importance-not-integer', names: [MAP, 'touchpoint "Context ad"'], message: `${MAP}: touchpoint "Context ad" has importance 7.5; importance is a whole number, 1–10. ${FIX}` },
  { file: 'channel-unknown', names: [MAP, 'touchpoint "Context ad"'], message: `${MAP}: touchpoint "Context ad" has channel "web", which is not one of online, offline. ${FIX}` },
  {
    file: 'label-missing',
    names: [MAP, 'under "Context ad"'],
    message: `${MAP}: a detail (id "t-ad-1", under "Context ad") has no label; every topic needs one, even an empty one ("label": ""). ${FIX}`,
  },
  {
    file: 'due-not-a-date',
    names: [MAP, 'touchpoint "Context ad"'],
    message: `${MAP}: touchpoint "Context ad" has an action due "2026-02-30", which is not a calendar date; dates are written YYYY-MM-DD, e.g. 2026-12-06. ${FIX}`,
  },
  { file: 'locale-unknown', names: [MAP], message: `${MAP} has language "xx", which is not one of en, ru, ko, ja. ${FIX}` },
  { file: 'no-root', names: [MAP], message: `${MAP} has no centre topic (the business, the one topic with "parentId": null); a map needs exactly one. ${FIX}` },
  {
    file: 'two-roots',
    names: [MAP, '"Clinic"', '"Clinic website"'],
    message: `${MAP} has two centre topics, "Clinic" and "Clinic website" (both have "parentId": null); a map has exactly one. ${FIX}`,
  },
  {
    file: 'parent-missing',
    names: [MAP, `"Search ad, 'varicose laser'"`],
    message: `${MAP}: topic "Search ad, 'varicose laser'" hangs under a topic that is not in the map (id "t-gone"). ${FIX}`,
  },
  {
    file: 'cycle',
    names: [MAP, '"Context ad"', `"Search ad, 'varicose laser'"`],
    message: `${MAP}: topics hang under each other in a loop ("Context ad" → "Search ad, 'varicose laser'" → "Context ad"), so they never reach the centre topic. ${FIX}`,
  },
  {
    file: 'duplicate-topic-id',
    names: [MAP, 'touchpoint "Context ad"', 'touchpoint "Clinic website"'],
    message: `${MAP}: touchpoint "Context ad" and touchpoint "Clinic website" have the same id "t-ad"; every topic needs its own. ${FIX}`,
  },
  {
    file: 'duplicate-stage-id',
    names: [MAP, 'stage "Awareness"', 'stage "Consideration"'],
    message: `${MAP}: stage "Awareness" and stage "Consideration" have the same id "s-aw"; every stage needs its own. ${FIX}`,
  },
  { file: 'stage-unknown', names: [MAP, 'touchpoint "Context ad"'], message: `${MAP}: touchpoint "Context ad" is in a stage the map does not have (id "s-gone"). ${FIX}` },
  {
    file: 'segment-unknown',
    names: [MAP, 'touchpoint "Context ad"'],
    message: `${MAP}: touchpoint "Context ad" is marked for a segment the map does not have (id "g-gone"). ${FIX}`,
  },
  {
    file: 'competitor-unknown',
    names: [MAP, 'touchpoint "Context ad"'],
    message: `${MAP}: touchpoint "Context ad" has a score for a competitor the map does not have (id "c-gone"). ${FIX}`,
  },
  {
    file: 'chain-step-missing',
    names: [MAP, 'chain "First visit"'],
    message: `${MAP}: chain "First visit" has, as step 3, a touchpoint that is not in the map (id "t-gone"). ${FIX}`,
  },
  { file: 'chain-segment-unknown', names: [MAP, 'chain "First visit"'], message: `${MAP}: chain "First visit" is for a segment the map does not have (id "g-gone"). ${FIX}` },
  { file: 'no-maps', names: [], message: `The file is a Touchmap file, but it holds no maps. ${FIX}` },
  {
    file: 'missing-format',
    names: [],
    message: `The file looks like a Touchmap file, but its line "format": "touchmap" is missing, so Touchmap cannot be sure what it is. ${FIX}`,
  },
  { file: 'wrong-format', names: [], message: `This is not a Touchmap map: the file says it is a "mindmap" file. ${CHOOSE}` },
  {
    file: 'not-an-object',
    names: [],
    message: `This is not a Touchmap map: the file holds JSON data (a list), but a Touchmap file is an object that starts with "format": "touchmap". ${CHOOSE}`,
  },
  {
    file: 'not-json',
    names: [],
    message: `The file looks like a Touchmap file that was damaged or edited by hand: its text is broken at line 16, column 10. ${FIX}`,
  },
  {
    file: 'newer-version',
    names: [],
    message: 'This file was made by a newer Touchmap (file version 2); this Touchmap reads files up to version 1. Update Touchmap to open it.',
  },
  {
    file: 'version-not-a-number',
    names: [],
    message: `The file is damaged: it says its version is "1", where a Touchmap file has a whole number such as "version": 1. ${FIX}`,
  },
];

/** A JSON path as the reader's details write it: `topics[3]`, `maps[0]`, `.competitorScores.c-1`. */
const JSON_PATH = /\w\[\d+\]|\bmaps\.\w|\.(topics|stages|chains|score|label|parentId)\b/;

describe('a refused file, in words for people', () => {
  it('has a case for every refusal fixture', () => {
    const files = readdirSync(refusedDir).map((f) => f.replace(/\.touchmap$/, ''));
    expect(files.sort()).toEqual(cases.map((c) => c.file).sort());
  });

  it.each(cases)('$file: names what the person knows, says what to do, and shows no JSON path', ({ file, names, message }) => {
    const result = refusal(file);
    for (const name of names) expect(result.error).toContain(name);
    expect(result.error).not.toMatch(JSON_PATH);
    expect(result.error).toMatch(/(Fix it in a text editor|Choose a \.touchmap file|Update Touchmap)/);
    expect(result.error).toBe(message);
  });

  it.each(cases)('$file: keeps the technical text, with the exact path, as details', ({ file }) => {
    const result = refusal(file);
    expect(result.details).not.toBe('');
    expect(result.details).not.toBe(result.error);
    if (result.path !== undefined) expect(result.details.startsWith(`${result.path}: `)).toBe(true);
  });

  it('keeps the parser’s own words for a file that is not JSON', () => {
    expect(refusal('not-json').details).toMatch(/^not valid JSON: Expected property name .*line 16, column 10/);
  });

  it('puts the message first and the details on the next line for the command line', () => {
    const result = refusal('score-out-of-range');
    expect(refusalText(result)).toBe(`${MAP}: touchpoint "Extra touchpoint 8" has our score 14; scores are 0–10. ${FIX}\nDetails: maps[0].topics[12].score: 14 is not 0–10`);
  });
});

describe('a file that is not a Touchmap file says what it looks like', () => {
  const looksLike = (text: string) => {
    const result = parseTouchmapFile(text);
    if (result.ok) throw new Error('accepted');
    return result.error;
  };

  it.each([
    ['%PDF-1.7\n%âãÏÓ\n1 0 obj', 'a PDF document'],
    ['\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'a PNG image'],
    ['\uFEFFStage,Touchpoint,Channel\r\nAwareness,Context ad,online\r\n', 'a table of comma-separated values (CSV), such as Touchmap’s action plan'],
    ['# Clinic\n\n## Online\n', 'a Markdown text (Touchmap’s outline export, perhaps)'],
    ['<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'an SVG image'],
    ['<map version="1.0.1"><node TEXT="Clinic"/></map>', 'a FreeMind mind map'],
    ['PK\u0003\u0004\u0014\u0000', 'a ZIP archive (an .xmind map or an Office document, perhaps)'],
    ['Clinic website and a phone call', 'plain text'],
  ])('%j looks like %s', (text, what) => {
    expect(looksLike(text)).toBe(`This is not a Touchmap map: the file looks like ${what}. ${CHOOSE}`);
  });

  it('an empty file says it is empty', () => {
    expect(looksLike('')).toBe(`The file is empty: there is no map in it. ${CHOOSE}`);
  });

  it('an Excalidraw drawing is named', () => {
    expect(looksLike(JSON.stringify({ type: 'excalidraw', elements: [] }))).toBe(`This is not a Touchmap map: the file is an Excalidraw drawing. ${CHOOSE}`);
  });
});

describe('maps without a title and topics without a label are still named', () => {
  const base = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/files/example-v1-complete.touchmap', import.meta.url)), 'utf8'));

  it('the second of two maps, untitled, by its place in the file', () => {
    const second = structuredClone(base.maps[0]);
    second.title = '';
    second.topics[3].score = -1;
    const result = parseTouchmapFile(JSON.stringify({ ...base, maps: [base.maps[0], second] }));
    expect(result).toMatchObject({ ok: false, details: 'maps[1].topics[3].score: -1 is not 0–10' });
    if (!result.ok) expect(result.error).toMatch(/^The file’s second map \(it has no title\): touchpoint "[^"]+" has our score -1; scores are 0–10\./);
  });

  it('a detail by its parent, with the touchpoint it sits under', () => {
    const map = structuredClone(base.maps[0]);
    const detail = map.topics.findIndex((t: { parentId: string | null }) => t.parentId !== null && t.parentId !== map.topics[0].id);
    map.topics[detail].reaction = 'meh';
    const result = parseTouchmapFile(JSON.stringify({ ...base, maps: [map] }));
    if (result.ok) throw new Error('accepted');
    expect(result.error).toMatch(/^Map "Clinic — new patients": detail "[^"]+" \(under "[^"]+"\) has reaction "meh", which is not one of positive, neutral, negative\./);
  });
});
