// Every server action is a public POST endpoint, so every one must be made with the action
// wrapper (lib/actions/define-action.ts), which checks the session and role, parses the input and
// maps errors. This reads every source file and fails for a 'use server' export made any other way.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const WRAPPERS = new Set(['defineFormAction', 'defineCallAction']);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

const isUseServer = (statement: ts.Node) =>
  ts.isExpressionStatement(statement) &&
  ts.isStringLiteral(statement.expression) &&
  statement.expression.text === 'use server';

/** Problems with one file: exports of a 'use server' module not made by a wrapper; inline 'use server' functions. */
function problemsOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const problems: string[] = [];
  const moduleLevel = source.statements.some(isUseServer);

  const visit = (node: ts.Node) => {
    const body = ts.isFunctionLike(node) ? (node as ts.FunctionLikeDeclaration).body : undefined;
    if (body && ts.isBlock(body)) {
      if (body.statements.some(isUseServer))
        problems.push(
          `${file}: an inline 'use server' function — put the action in an actions.ts module and make it with defineFormAction/defineCallAction`,
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!moduleLevel) return problems;

  for (const statement of source.statements) {
    const exported =
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) continue;
    if (ts.isExportDeclaration(statement)) {
      if (!statement.isTypeOnly)
        problems.push(`${file}: re-export \`${statement.getText()}\` — export only actions made with the wrapper`);
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      problems.push(`${file}: default export — export only named actions made with the wrapper`);
      continue;
    }
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const name = declaration.name.getText();
        const init = declaration.initializer;
        const callee = init && ts.isCallExpression(init) ? init.expression.getText() : null;
        if (!callee || !WRAPPERS.has(callee))
          problems.push(`${file}#${name}: not made with defineFormAction/defineCallAction`);
      }
      continue;
    }
    const name = (statement as ts.DeclarationStatement).name?.getText() ?? '(anonymous)';
    problems.push(`${file}#${name}: not made with defineFormAction/defineCallAction`);
  }
  return problems;
}

describe("every 'use server' export is made with the action wrapper", () => {
  const files = ['app', 'lib', 'components']
    .flatMap(sourceFiles)
    .filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes('use server'));

  it('finds the server-action modules (the scan itself works)', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'app/(staff)/cases/actions.ts',
        'app/(staff)/intake/actions.ts',
        'app/(staff)/admin/staff/actions.ts',
        'app/setup/actions.ts',
      ]),
    );
  });

  it('has no export made any other way and no inline server action', () => {
    expect(files.flatMap((file) => problemsOf(file, readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('would catch a plain async function, a re-export, a default export and an inline action', () => {
    const bad = [
      "'use server';",
      'export async function plain(formData: FormData) { return formData; }',
      'export const wrappedWrongly = async () => 1;',
      "export { other } from './other';",
      'export const good = defineFormAction({});',
      'export type Fine = string;',
    ].join('\n');
    expect(problemsOf('bad.ts', bad)).toEqual([
      'bad.ts#plain: not made with defineFormAction/defineCallAction',
      'bad.ts#wrappedWrongly: not made with defineFormAction/defineCallAction',
      "bad.ts: re-export `export { other } from './other';` — export only actions made with the wrapper",
    ]);
    expect(
      problemsOf('page.tsx', "export default function Page() { async function act() { 'use server'; } return null; }"),
    ).toHaveLength(1);
    expect(problemsOf('defaulted.ts', "'use server';\nexport default async function x() {}")).toEqual([
      'defaulted.ts#x: not made with defineFormAction/defineCallAction',
    ]);
  });
});
