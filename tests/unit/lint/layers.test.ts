/**
 * The layer rule of docs/ARCHITECTURE.md ("Who may import whom"), as `npm run lint` enforces it:
 * each case is one import line linted as if it stood in a file of that folder.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layer messages for `line` placed in `file` (a path from the project's root). */
async function layerErrors(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const used = [imported];\n`, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'touchmap/layers').map((m) => m.message);
}

describe('who may import whom', () => {
  it('refuses a feature that reaches up into app/', async () => {
    const errors = await layerErrors('renderer/src/features/editor/Probe.tsx', "import { imported } from '../../app/operations';");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/app\//);
  });

  it('lets a feature use another feature only through its index.ts', async () => {
    expect(await layerErrors('renderer/src/features/grid/Probe.tsx', "import { imported } from '../chains/chain-model';")).toHaveLength(1);
    expect(await layerErrors('renderer/src/features/grid/Probe.tsx', "import { imported } from '../chains';")).toEqual([]);
    expect(await layerErrors('renderer/src/features/grid/Probe.tsx', "import { imported } from '../chains/index';")).toEqual([]);
    // its own files, and the lower layers, stay open to it
    expect(await layerErrors('renderer/src/features/grid/Probe.tsx', "import { imported } from './GridView';")).toEqual([]);
    expect(await layerErrors('renderer/src/features/grid/Probe.tsx', "import { imported } from '../../drawing/theme';")).toEqual([]);
    expect(await layerErrors('renderer/src/features/grid/Probe.tsx', "import { imported } from '../../store/ui-store';")).toEqual([]);
  });

  it('keeps drawing/ pure: no React, no React Flow, no stores, no features', async () => {
    for (const line of [
      "import { imported } from 'react';",
      "import { imported } from '@xyflow/react';",
      "import { imported } from 'zustand';",
      "import { imported } from '../store/ui-store';",
      "import { imported } from '../features/mindmap';",
      "import { imported } from '../app/route';",
    ]) {
      expect(await layerErrors('renderer/src/drawing/probe.ts', line), line).toHaveLength(1);
    }
    expect(await layerErrors('renderer/src/drawing/probe.ts', "import { imported } from '@shared/model/types';")).toEqual([]);
    expect(await layerErrors('renderer/src/drawing/probe.ts', "import { imported } from './layout';")).toEqual([]);
  });

  it('keeps store/ and db/ free of React Flow, the features and app/', async () => {
    for (const file of ['renderer/src/store/probe.ts', 'renderer/src/db/probe.ts']) {
      expect(await layerErrors(file, "import { imported } from '@xyflow/react';")).toHaveLength(1);
      expect(await layerErrors(file, "import { imported } from '../features/chains';")).toHaveLength(1);
      expect(await layerErrors(file, "import { imported } from '../app/actions';")).toHaveLength(1);
    }
  });

  it('lets app/ compose the features, their modules included', async () => {
    expect(await layerErrors('renderer/src/app/Probe.tsx', "import { imported } from '../features/export/visual/pdf/print-map';")).toEqual([]);
  });
});
