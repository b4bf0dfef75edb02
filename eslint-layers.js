// The renderer's layer rule (docs/ARCHITECTURE.md, "Who may import whom"), as one ESLint rule:
// it resolves each relative import to the folder it lands in, so "another feature's internals"
// and "up into app/" are told apart from the same words in a file name.
import path from 'node:path';

const RENDERER = path.join('renderer', 'src');

/** What every layer below app/ and the features may not import: the layers above it. */
const ABOVE = { app: 'app/ composes the features; nothing below it imports it.', features: 'the features stand above this layer; it may not import them.' };

/**
 * Per layer (the first folder under renderer/src): the packages it may not import, and the layers
 * of ours it may not import. Layers not named here (app/, the entries) may import anything.
 */
const LAYERS = {
  features: { packages: [], layers: { app: 'a feature may not import app/ (app/ composes the features): move what it needs into a lower layer, or let app/ hand it in.' } },
  drawing: {
    packages: [/^react($|\/|-dom)/, /^@xyflow\//, /^zustand/, /^dexie/],
    packages_why: 'drawing/ is pure drawing: no React, no React Flow, no stores, no storage.',
    layers: { ...ABOVE, store: 'drawing/ reads no store: the caller passes what it draws.', db: 'drawing/ reads no storage.', platform: 'drawing/ reaches no platform.', ui: 'drawing/ draws no React components.', operations: 'drawing/ runs no operations.', i18n: "drawing/ prints the map's own words (shared/templates/map-words), not the UI's." },
  },
  store: { packages: [/^@xyflow\//, /^react-dom/], packages_why: 'store/ knows nothing of React Flow or the DOM renderer.', layers: ABOVE },
  db: { packages: [/^@xyflow\//, /^react-dom/], packages_why: 'db/ knows nothing of React Flow or the DOM renderer.', layers: ABOVE },
  operations: { packages: [/^@xyflow\//, /^react/], packages_why: 'operations/ is a hook-free runner slot.', layers: ABOVE },
  platform: { packages: [/^@xyflow\//], layers: ABOVE },
  i18n: { packages: [/^@xyflow\//], layers: ABOVE },
  ui: { packages: [/^@xyflow\//], layers: ABOVE },
};

/** ['features', 'chains', 'chain-model'] for renderer/src/features/chains/chain-model(.ts), or null outside the renderer. */
function segmentsOf(file) {
  const rel = path.relative(path.resolve(RENDERER), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep);
}

export const layersRule = {
  meta: { type: 'problem', docs: { description: 'Imports follow the renderer layers of docs/ARCHITECTURE.md.' }, schema: [] },
  create(context) {
    const from = segmentsOf(path.resolve(context.filename));
    if (!from || from.length < 2) return {};
    const layer = from[0];
    const rules = LAYERS[layer];
    if (!rules) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (!spec.startsWith('.')) {
        if (rules.packages.some((re) => re.test(spec))) context.report({ node, message: `'${spec}': ${rules.packages_why}` });
        return;
      }
      const to = segmentsOf(path.resolve(path.dirname(path.resolve(context.filename)), spec));
      if (!to) return;
      const why = rules.layers[to[0]];
      if (why && to[0] !== layer) return context.report({ node, message: `'${spec}': ${why}` });
      // A feature uses another feature only through what that feature's index.ts exports.
      if (layer === 'features' && to[0] === 'features' && to[1] !== from[1]) {
        const inner = to.slice(2);
        if (inner.length === 0 || (inner.length === 1 && /^index(\.tsx?)?$/.test(inner[0]))) return;
        context.report({ node, message: `'${spec}': another feature's internals; import what features/${to[1]}/index.ts exports instead.` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
