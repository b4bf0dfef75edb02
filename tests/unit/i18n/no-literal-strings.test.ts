/**
 * Every word a component shows comes from the message tables: a scan of renderer/src/**\/*.tsx
 * for JSX text and for literal `aria-label`, `title`, `placeholder` and `alt` values (and string
 * literals placed straight into JSX) that contain a letter. Symbols and digits ("·", "×", "—",
 * "0–10") are not words and may stay literal. A hit names the file, line and text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../renderer/src');
const SHOWN_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt']);
const WORD = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The user-visible string literals of one component file: `file:line: text`. */
export function literalWords(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const hits: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!WORD.test(text)) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    hits.push(`${fileName}:${line + 1}: ${text.trim()}`);
  };
  const literalText = (node: ts.Node | undefined): string | null => {
    if (!node) return null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    if (ts.isJsxExpression(node)) return literalText(node.expression);
    if (ts.isConditionalExpression(node)) return [literalText(node.whenTrue), literalText(node.whenFalse)].filter(Boolean).join(' ') || null;
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && SHOWN_ATTRIBUTES.has(node.name.getText(file))) {
      const text = literalText(node.initializer);
      if (text !== null) report(node, text);
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== null) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return hits;
}

describe('components show no words outside the message tables', () => {
  it('finds none in renderer/src', () => {
    const hits = tsxFiles(ROOT).flatMap((path) => literalWords(relative(ROOT, path), readFileSync(path, 'utf8')));
    expect(hits, `Put these in renderer/src/i18n/en.ts (and ru, ko, ja) and show them with t():\n${hits.join('\n')}\n`).toEqual([]);
  });

  it('catches JSX text, a literal label and a literal put into JSX, and lets symbols and digits through', () => {
    const source = `export const A = () => (
      <div title="Close panel" aria-label={\`Step \${1}\`}>
        Hello
        {'World'}
        <span placeholder="0–10">· — ×</span>
        {t('ok')}
      </div>
    );`;
    expect(literalWords('a.tsx', source).map((hit) => hit.replace(/^a\.tsx:\d+: /, ''))).toEqual(['Close panel', 'Step', 'Hello', 'World']);
  });
});
