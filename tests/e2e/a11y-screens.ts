/**
 * The screens the accessibility checks visit, as a table: each opens its screen from where the
 * one before it left the app and names the part of the page to check. A new screen (analysis,
 * presentation, rating, action plan…) is one more row here; the axe run, both themes and the
 * report of what failed come with it.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { mod } from './driver';

export const EXAMPLE_MAP = 'tests/fixtures/files/example-v1-complete.touchmap';
export const EXAMPLE_TITLE = 'Clinic — new patients';
/** Another tool's map, opened in the import preview. */
export const IMPORT_PREVIEW_FILE = 'tests/fixtures/import/coffee-zen.xmind';

export interface A11yScreen {
  /** What the report calls it. */
  readonly name: string;
  /** Opens the screen; returns the part of the page to check (the whole page when omitted). */
  readonly open: (page: Page) => Promise<Locator | void>;
  /** Leaves the screen so that the next row starts from the editor or the library. */
  readonly close?: (page: Page) => Promise<void>;
}

const closeDialog = (name: string | RegExp) => async (page: Page) => {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name })).toHaveCount(0);
};

/** The library with the example map imported into it, then the editor on that map. */
export async function openExampleMap(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(EXAMPLE_MAP);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${EXAMPLE_TITLE}`) })).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

export const A11Y_SCREENS: readonly A11yScreen[] = [
  {
    name: 'editor: mind map',
    open: async (page) => {
      await page.keyboard.press(`${mod}+1`);
      await expect(page.getByRole('button', { name: 'Mind map', pressed: true })).toBeVisible();
    },
  },
  {
    name: 'inspector',
    open: async (page) => {
      await page.locator('.react-flow__node').filter({ has: page.getByText('Clinic website', { exact: true }) }).click();
      const inspector = page.getByRole('complementary', { name: 'Inspector' });
      await expect(inspector.getByRole('textbox', { name: 'Label' })).toHaveValue('Clinic website');
    },
  },
  {
    name: 'editor: grid',
    open: async (page) => {
      await page.keyboard.press(`${mod}+2`);
      await expect(page.getByRole('button', { name: 'Grid', pressed: true })).toBeVisible();
    },
  },
  {
    name: 'editor: outline',
    open: async (page) => {
      await page.keyboard.press(`${mod}+3`);
      await expect(page.getByRole('treegrid', { name: 'Outline' })).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press(`${mod}+1`);
    },
  },
  {
    name: 'export dialog',
    open: async (page) => {
      await page.keyboard.press(`${mod}+e`);
      const dialog = page.getByRole('dialog', { name: 'Export map' });
      await expect(dialog).toBeVisible();
    },
    close: closeDialog('Export map'),
  },
  {
    name: 'palette',
    open: async (page) => {
      await page.keyboard.press(`${mod}+k`);
      await expect(page.getByRole('dialog').filter({ has: page.getByRole('combobox') })).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'Help: keyboard shortcuts',
    open: async (page) => {
      await page.keyboard.press(`${mod}+/`);
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
    close: closeDialog('Keyboard shortcuts'),
  },
  {
    name: 'restore points',
    open: async (page) => {
      await page.keyboard.press(`${mod}+Shift+H`);
      await expect(page.getByRole('dialog', { name: /^Restore points/ })).toBeVisible();
    },
    close: closeDialog(/^Restore points/),
  },
  {
    name: 'App settings',
    open: async (page) => {
      await page.getByRole('button', { name: 'App settings' }).click();
      await expect(page.getByRole('dialog', { name: 'App settings' })).toBeVisible();
    },
    close: closeDialog('App settings'),
  },
  {
    name: 'editor: analysis',
    open: async (page) => {
      await page.keyboard.press(`${mod}+4`);
      const analysis = page.getByRole('main', { name: 'Analysis' });
      await expect(analysis.getByRole('heading', { name: 'Analysis' })).toBeVisible();
      await expect(analysis.locator('svg').first()).toBeVisible();
    },
  },
  {
    name: 'editor: action plan',
    open: async (page) => {
      await page.keyboard.press(`${mod}+5`);
      await expect(page.getByRole('grid', { name: 'Action plan' })).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press(`${mod}+1`);
      await expect(page.getByRole('button', { name: 'Mind map', pressed: true })).toBeVisible();
    },
  },
  {
    name: 'rating round',
    open: async (page) => {
      await page.keyboard.press(`${mod}+Shift+R`);
      await expect(page.getByRole('dialog', { name: 'Rating round' })).toBeVisible();
    },
    close: closeDialog('Rating round'),
  },
  {
    name: 'slide editor',
    open: async (page) => {
      await page.keyboard.press(`${mod}+Shift+E`);
      const editor = page.getByRole('dialog', { name: 'Slides' });
      await expect(editor.getByRole('list', { name: 'Slides, in the order shown' })).toBeVisible();
    },
    close: closeDialog('Slides'),
  },
  {
    name: 'presenting: the first slide',
    open: async (page) => {
      await page.keyboard.press('F5');
      const slides = page.getByRole('region', { name: 'Slides' });
      await expect(slides.getByTestId('slide-picture')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('region', { name: 'Slides' })).toHaveCount(0);
    },
  },
  {
    name: 'presenting: a chart slide',
    open: async (page) => {
      await page.keyboard.press(`${mod}+Shift+E`);
      const editor = page.getByRole('dialog', { name: 'Slides' });
      await editor.getByRole('checkbox', { name: 'Chart — Priorities' }).check();
      await editor.getByRole('button', { name: 'Save' }).click();
      await expect(editor).toHaveCount(0);
      await page.keyboard.press('F5');
      await page.keyboard.press('End');
      const slides = page.getByRole('region', { name: 'Slides' });
      await expect(slides.getByRole('heading', { level: 1, name: 'Priorities' })).toBeVisible();
      await expect(slides.getByTestId('slide-picture')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('region', { name: 'Slides' })).toHaveCount(0);
    },
  },
  {
    name: 'before-and-after compare',
    open: async (page) => {
      await page.keyboard.press(`${mod}+Shift+H`);
      const points = page.getByRole('dialog', { name: /^Restore points/ });
      await points.getByLabel('Name a restore point of the map as it is now').fill('Before workshop');
      await points.getByRole('button', { name: 'Save restore point' }).click();
      await expect(points.getByRole('row').filter({ hasText: 'Before workshop' })).toBeVisible();
      await points.getByRole('button', { name: 'Compare…' }).click();
      const compare = page.getByRole('dialog', { name: /^Before and after/ });
      await expect(compare.getByRole('status')).toBeVisible();
    },
    close: closeDialog(/^Before and after/),
  },
  {
    name: 'library',
    open: async (page) => {
      await page.getByRole('button', { name: /All maps/ }).click();
      await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();
    },
  },
  {
    name: 'import preview (XMind)',
    open: async (page) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import…' }).click();
      await (await chooser).setFiles(IMPORT_PREVIEW_FILE);
      const dialog = page.getByRole('dialog', { name: 'Import “coffee-zen.xmind”' });
      await expect(dialog.getByRole('table', { name: 'Touchpoints to import' })).toBeVisible();
    },
    close: closeDialog('Import “coffee-zen.xmind”'),
  },
  {
    name: 'Trash',
    open: async (page) => {
      await page.getByRole('button', { name: `Delete ${EXAMPLE_TITLE}` }).first().click();
      await page.getByRole('button', { name: 'Trash (1)' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
    },
  },
];
