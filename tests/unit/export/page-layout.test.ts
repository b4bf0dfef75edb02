import { describe, expect, it } from 'vitest';
import {
  CSS_PX_PER_IN,
  DEFAULT_OVERLAP_IN,
  MAX_FIT_UPSCALE,
  MAX_PAGE_IN,
  PAPER_SIZES_IN,
  landscapeFor,
  planPages,
  type PagePlanInput,
  type Paper,
} from '@shared/model/page-layout';

const EPS = 1e-9;
const base = { paper: 'a4', landscape: false, marginIn: 0.5 } as const;

describe('planPages: fit to one page', () => {
  const sizes = [
    { width: 2400, height: 1200 }, // wide
    { width: 600, height: 9000 }, // tall
    { width: 1000, height: 1000 }, // square
    { width: 50000, height: 300 }, // a ribbon
    { width: 120, height: 40 }, // tiny: capped upscale
    { width: 0, height: 0 }, // empty
  ];
  const papers: Paper[] = ['a4', 'a3', 'letter'];

  for (const content of sizes) {
    for (const paper of papers) {
      for (const landscape of [false, true]) {
        it(`puts a ${content.width}×${content.height} map on one ${paper}${landscape ? ' landscape' : ''} page inside the margins, centred`, () => {
          const plan = planPages({ content, mode: 'fit', paper, landscape, marginIn: 0.4 });
          const { width, height } = PAPER_SIZES_IN[paper];
          expect([plan.pageWidthIn, plan.pageHeightIn]).toEqual(landscape ? [height, width] : [width, height]);
          expect(plan.pages).toHaveLength(1);
          expect([plan.columns, plan.rows]).toEqual([1, 1]);
          expect(plan.marginIn).toBe(0.4);

          const areaW = plan.pageWidthIn - 0.8;
          const areaH = plan.pageHeightIn - 0.8;
          const printedW = (Math.max(1, content.width) * plan.scale) / CSS_PX_PER_IN;
          const printedH = (Math.max(1, content.height) * plan.scale) / CSS_PX_PER_IN;
          expect(printedW).toBeLessThanOrEqual(areaW + EPS);
          expect(printedH).toBeLessThanOrEqual(areaH + EPS);
          // As large as it may be: one side fills the area, or the upscale cap holds it back.
          const fills = Math.abs(printedW - areaW) < 1e-6 || Math.abs(printedH - areaH) < 1e-6;
          expect(fills || plan.scale === MAX_FIT_UPSCALE).toBe(true);

          const [page] = plan.pages;
          if (!page) throw new Error('no page');
          // The page shows its printable area, in map px, centred on the map.
          expect(page.width).toBeCloseTo((areaW * CSS_PX_PER_IN) / plan.scale, 6);
          expect(page.height).toBeCloseTo((areaH * CSS_PX_PER_IN) / plan.scale, 6);
          expect(page.x + page.width / 2).toBeCloseTo(Math.max(1, content.width) / 2, 6);
          expect(page.y + page.height / 2).toBeCloseTo(Math.max(1, content.height) / 2, 6);
        });
      }
    }
  }

  it('never enlarges a small map more than 2×', () => {
    expect(planPages({ ...base, content: { width: 100, height: 50 }, mode: 'fit' }).scale).toBe(MAX_FIT_UPSCALE);
  });

  it('says so when the map prints too small to read', () => {
    expect(planPages({ ...base, content: { width: 2000, height: 1000 }, mode: 'fit' }).notice).toMatch(/^The map prints at 35% to fit one page/);
    expect(planPages({ ...base, content: { width: 700, height: 1000 }, mode: 'fit' })).not.toHaveProperty('notice');
  });
});

describe('planPages: poster', () => {
  // A4 portrait, 0.5 in margins: 7.2677 × 10.6929 in printable = 697.7 × 1026.5 px at scale 1.
  const areaW = (210 / 25.4 - 1) * CSS_PX_PER_IN;
  const areaH = (297 / 25.4 - 1) * CSS_PX_PER_IN;

  it('splits a 2400 × 1200 px map over 3 × 2 landscape A4 pages at full size', () => {
    const plan = planPages({ ...base, landscape: true, content: { width: 2400, height: 1200 }, mode: 'poster' });
    expect(plan).toMatchObject({ columns: 3, rows: 2, scale: 1, marginIn: 0.5 });
    expect(plan.pages.map((p) => [p.col, p.row])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });

  it('adds a page exactly when the map outgrows the pages before it', () => {
    const poster = (width: number) => planPages({ ...base, content: { width, height: 100 }, mode: 'poster', overlapIn: 0 });
    expect(poster(areaW).columns).toBe(1);
    expect(poster(areaW + 1).columns).toBe(2);
    expect(poster(2 * areaW).columns).toBe(2);
    expect(poster(2 * areaW + 1).columns).toBe(3);
  });

  it('repeats the overlap of each page on its neighbour, and the pages cover the whole map', () => {
    const content = { width: 3000, height: 2500 };
    const plan = planPages({ ...base, content, mode: 'poster' });
    const overlap = DEFAULT_OVERLAP_IN * CSS_PX_PER_IN;
    expect(plan.columns).toBe(Math.ceil((3000 - overlap) / (areaW - overlap)));
    expect(plan.rows).toBe(Math.ceil((2500 - overlap) / (areaH - overlap)));
    expect(plan.pages).toHaveLength(plan.columns * plan.rows);
    const first = plan.pages[0];
    const second = plan.pages[1];
    const below = plan.pages[plan.columns];
    if (!first || !second || !below) throw new Error('missing pages');
    expect(first.x + first.width - second.x).toBeCloseTo(overlap, 6);
    expect(first.y + first.height - below.y).toBeCloseTo(overlap, 6);
    const last = plan.pages.at(-1);
    if (!last) throw new Error('no pages');
    expect(first.x).toBeLessThanOrEqual(0);
    expect(first.y).toBeLessThanOrEqual(0);
    expect(last.x + last.width).toBeGreaterThanOrEqual(content.width);
    expect(last.y + last.height).toBeGreaterThanOrEqual(content.height);
  });

  it('needs more pages at a larger print scale', () => {
    const at = (posterScale: number) => planPages({ ...base, content: { width: 2000, height: 2000 }, mode: 'poster', posterScale }).pages.length;
    // A4 portrait, 0.5 in margins, 0.4 in overlap: ceil((2000 − overlap) / (area − overlap)) each way.
    expect(at(1)).toBe(6); // 3 × 2
    expect(at(2)).toBe(35); // 7 × 5
    expect(at(0.5)).toBe(2); // 2 × 1
  });

  it('refuses an overlap as large as the printable area', () => {
    expect(() => planPages({ ...base, content: { width: 2000, height: 2000 }, mode: 'poster', overlapIn: 8 })).toThrow(RangeError);
  });
});

describe('planPages: fit page to map', () => {
  it('makes one page the map’s size plus the margins, at full size', () => {
    const plan = planPages({ ...base, content: { width: 960, height: 480 }, mode: 'fit-page-to-map' });
    expect(plan).toMatchObject({ pageWidthIn: 11, pageHeightIn: 6, scale: 1, columns: 1, rows: 1 });
    expect(plan.pages[0]).toMatchObject({ x: 0, y: 0, width: 960, height: 480 });
    expect(plan).not.toHaveProperty('notice');
  });

  it('caps a side at 200 in, scaling the map down and saying so', () => {
    const plan = planPages({ ...base, content: { width: 30000, height: 1000 }, mode: 'fit-page-to-map' });
    expect(plan.pageWidthIn).toBe(MAX_PAGE_IN);
    expect(plan.pageHeightIn).toBeLessThan(MAX_PAGE_IN);
    expect(plan.scale).toBeCloseTo((199 * 96) / 30000, 12);
    expect(plan.pageHeightIn).toBeCloseTo((1000 * plan.scale) / 96 + 1, 12);
    expect(plan.notice).toMatch(/needs a 313.5 × 11.42 in page; PDF pages stay within 200 in a side .* prints at 64%/);
  });

  it('caps both sides of a huge square map', () => {
    const plan = planPages({ ...base, content: { width: 40000, height: 40000 }, mode: 'fit-page-to-map' });
    expect([plan.pageWidthIn, plan.pageHeightIn]).toEqual([200, 200]);
  });

  it('honours a smaller page limit', () => {
    const plan = planPages({ ...base, content: { width: 9600, height: 960 }, mode: 'fit-page-to-map', maxPageIn: 51 });
    expect(plan.pageWidthIn).toBe(51);
    expect(plan.scale).toBeCloseTo(0.5, 12);
  });

  it('still gives a printable page for an empty map', () => {
    const plan = planPages({ ...base, marginIn: 0, content: { width: 0, height: 0 }, mode: 'fit-page-to-map' });
    expect([plan.pageWidthIn, plan.pageHeightIn]).toEqual([1, 1]);
  });
});

describe('planPages: margins are always explicit', () => {
  it('returns the margins it was given, in every mode', () => {
    for (const mode of ['fit', 'poster', 'fit-page-to-map'] as const) {
      expect(planPages({ ...base, marginIn: 0.25, content: { width: 800, height: 600 }, mode }).marginIn).toBe(0.25);
      expect(planPages({ ...base, marginIn: 0, content: { width: 800, height: 600 }, mode }).marginIn).toBe(0);
    }
  });

  it.each<[string, Partial<PagePlanInput>]>([
    ['negative margins', { marginIn: -0.1 }],
    ['margins that leave nothing to print', { marginIn: 4.2 }],
    ['a size that is not a number', { content: { width: Number.NaN, height: 10 } }],
    ['a negative size', { content: { width: -1, height: 10 } }],
  ])('refuses %s', (_, change) => {
    expect(() => planPages({ ...base, content: { width: 800, height: 600 }, mode: 'fit', ...change })).toThrow(RangeError);
  });
});

describe('landscapeFor: one default orientation for the dialog and the command line', () => {
  const sizes = [
    { width: 1800, height: 913 }, // a template map: wide
    { width: 600, height: 9000 }, // tall
    { width: 1000, height: 1000 }, // square
    { width: 0, height: 0 }, // empty
  ];
  for (const content of sizes) {
    for (const mode of ['fit', 'poster'] as const) {
      it(`picks the orientation that prints a ${content.width}×${content.height} map larger (${mode})`, () => {
        const chosen = landscapeFor({ content, paper: 'a4', marginIn: 0.4, orientation: 'auto' });
        const plan = (landscape: boolean) => planPages({ content, mode: 'fit', paper: 'a4', landscape, marginIn: 0.4 });
        expect(plan(chosen).scale).toBeGreaterThanOrEqual(plan(!chosen).scale - EPS);
      });
    }
  }
  it('is landscape for a wide map and portrait for a tall one; an explicit orientation wins', () => {
    expect(landscapeFor({ content: { width: 1800, height: 913 }, paper: 'a4', marginIn: 0.4, orientation: 'auto' })).toBe(true);
    expect(landscapeFor({ content: { width: 600, height: 1800 }, paper: 'a4', marginIn: 0.4, orientation: 'auto' })).toBe(false);
    expect(landscapeFor({ content: { width: 1800, height: 913 }, paper: 'a4', marginIn: 0.4, orientation: 'portrait' })).toBe(false);
    expect(landscapeFor({ content: { width: 600, height: 1800 }, paper: 'a4', marginIn: 0.4, orientation: 'landscape' })).toBe(true);
  });
});
