import { describe, expect, it } from 'vitest';
import {
  EVENT_CHANNELS,
  INVOKE_ARGS,
  INVOKE_CHANNELS,
  MAX_TOUCHMAP_FILE_BYTES,
  MENU_OPERATIONS,
  backUpMapArgsSchema,
  menuStatePatchSchema,
  printJobSchema,
  saveFileArgsSchema,
} from '../../../shared/ipc';

const goodJob = {
  html: '<!doctype html><svg xmlns="http://www.w3.org/2000/svg"></svg>',
  pageSize: { widthInches: 11.69, heightInches: 8.27 },
  margins: { top: 0.4, right: 0.4, bottom: 0.4, left: 0.4 },
};

describe('the bridge contract (shared/ipc.ts)', () => {
  it('prefixes every channel with app:, each used once', () => {
    const channels = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];
    for (const channel of channels) expect(channel).toMatch(/^app:[a-z-]+$/);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('has an argument schema for every invoke channel', () => {
    expect(Object.keys(INVOKE_ARGS).sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('lists each menu action once', () => {
    expect(new Set(MENU_OPERATIONS).size).toBe(MENU_OPERATIONS.length);
    expect(MENU_OPERATIONS).toContain('export.pdf');
    expect(MENU_OPERATIONS).toContain('help.about');
  });

  it('accepts a save of text or bytes, and refuses folders in the name and unknown kinds', () => {
    const base = { suggestedName: 'Clinic.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], kind: 'pdf' };
    expect(saveFileArgsSchema.safeParse({ ...base, data: 'text' }).success).toBe(true);
    expect(saveFileArgsSchema.safeParse({ ...base, data: new Uint8Array([37, 80, 68, 70]) }).success).toBe(true);
    expect(saveFileArgsSchema.safeParse({ ...base, data: 'x', suggestedName: '../../.bashrc' }).success).toBe(false);
    expect(saveFileArgsSchema.safeParse({ ...base, data: 'x', suggestedName: 'C:\\Windows\\x.pdf' }).success).toBe(false);
    expect(saveFileArgsSchema.safeParse({ ...base, data: 'x', kind: 'exe' }).success).toBe(false);
    expect(saveFileArgsSchema.safeParse({ ...base, data: 'x', filters: [{ name: 'x', extensions: ['.pdf'] }] }).success).toBe(false);
    expect(saveFileArgsSchema.safeParse({ ...base, data: { length: 3 } }).success).toBe(false);
    expect(saveFileArgsSchema.safeParse({ ...base, data: 'x', extra: true }).success).toBe(false);
  });

  it('accepts a print job and refuses impossible pages', () => {
    expect(printJobSchema.safeParse(goodJob).success).toBe(true);
    expect(printJobSchema.safeParse({ ...goodJob, html: '' }).success).toBe(false);
    expect(printJobSchema.safeParse({ ...goodJob, pageSize: { widthInches: 0, heightInches: 8 } }).success).toBe(false);
    expect(printJobSchema.safeParse({ ...goodJob, pageSize: { widthInches: Number.NaN, heightInches: 8 } }).success).toBe(false);
    expect(printJobSchema.safeParse({ ...goodJob, margins: { top: 5, right: 0, bottom: 5, left: 0 } }).success).toBe(false);
  });

  it('accepts a menu patch of known actions only', () => {
    expect(menuStatePatchSchema.safeParse({ enabled: { 'edit.undo': true }, recentMaps: [{ id: 'm-1', title: 'Clinic' }] }).success).toBe(true);
    expect(menuStatePatchSchema.safeParse({ enabled: { 'app.quit': true } }).success).toBe(false);
    expect(menuStatePatchSchema.safeParse({ enabled: { 'edit.undo': 'yes' } }).success).toBe(false);
  });

  it('accepts a map’s text for the backups folder, and refuses an empty one, one over the file limit, or a folder of its own', () => {
    expect(backUpMapArgsSchema.safeParse({ text: '{"format":"touchmap"}' }).success).toBe(true);
    expect(backUpMapArgsSchema.safeParse({ text: '' }).success).toBe(false);
    expect(backUpMapArgsSchema.safeParse({ text: 'x'.repeat(MAX_TOUCHMAP_FILE_BYTES + 1) }).success).toBe(false);
    expect(backUpMapArgsSchema.safeParse({ text: '{}', folder: '/etc' }).success).toBe(false);
    expect(backUpMapArgsSchema.safeParse({ text: new Uint8Array([1]) }).success).toBe(false);
  });
});
