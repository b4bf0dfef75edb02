/**
 * `npm run export` writes its file through scripts/export-file.mjs: it never replaces an existing
 * file without --force, and the file is the old one or the new one, never a half-written mix.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existingFileMessage } from '@shared/export-cli';
import { ExistingFileError, writeExportFile } from '../../../scripts/export-file.mjs';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'touchmap-export-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeExportFile (npm run export)', () => {
  it('writes a new file and leaves no temporary file behind', () => {
    const target = path.join(dir, 'Clinic.svg');
    writeExportFile(target, '<svg/>', { force: false, message: existingFileMessage });
    expect(readFileSync(target, 'utf8')).toBe('<svg/>');
    expect(readdirSync(dir)).toEqual(['Clinic.svg']);
  });

  it('refuses to replace an existing file, naming it, and leaves it as it was', () => {
    const target = path.join(dir, 'Clinic.pdf');
    writeFileSync(target, 'the first clinic');
    expect(() => writeExportFile(target, 'the second clinic', { force: false, message: existingFileMessage })).toThrow(ExistingFileError);
    expect(() => writeExportFile(target, 'the second clinic', { force: false, message: existingFileMessage })).toThrow(`${target} already exists; add --force`);
    expect(readFileSync(target, 'utf8')).toBe('the first clinic');
    expect(readdirSync(dir)).toEqual(['Clinic.pdf']);
  });

  it('replaces it with --force, through a temporary file renamed over it', () => {
    const target = path.join(dir, 'Clinic.png');
    writeFileSync(target, 'old');
    writeExportFile(target, Buffer.from([0x89, 0x50, 0x4e, 0x47]), { force: true, message: existingFileMessage });
    expect([...readFileSync(target)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(readdirSync(dir)).toEqual(['Clinic.png']);
  });

  it('a failed rename leaves what was there and removes its temporary file', () => {
    // A folder holding a file cannot be replaced by a file: the rename fails after the bytes were written.
    const folder = path.join(dir, 'Clinic.csv');
    mkdirSync(path.join(folder, 'inside'), { recursive: true });
    expect(() => writeExportFile(folder, 'rows', { force: true, message: existingFileMessage })).toThrow();
    expect(readdirSync(dir)).toEqual(['Clinic.csv']);
    expect(readdirSync(folder)).toEqual(['inside']);
  });
});
