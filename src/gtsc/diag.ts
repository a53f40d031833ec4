/** Compile errors with file:line:column positions. */
import ts from 'typescript';

/** Thrown inside the compiler to abandon one function or declaration; collected by the driver. */
export class GuestError extends Error {}

export function position(node: ts.Node): string {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${sf.fileName}:${line + 1}:${character + 1}`;
}

export function fail(node: ts.Node, message: string): never {
  throw new GuestError(`${position(node)}: ${message}`);
}

export function unsupported(node: ts.Node, construct: string): never {
  fail(node, `${construct} is not supported in guest code`);
}

/** Human names of constructs outside the subset, by syntax kind. */
const CONSTRUCTS: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.ArrowFunction]: 'an arrow function',
  [ts.SyntaxKind.FunctionExpression]: 'a function expression',
  [ts.SyntaxKind.ObjectLiteralExpression]: 'an object literal',
  [ts.SyntaxKind.ArrayLiteralExpression]: 'an array literal',
  [ts.SyntaxKind.TemplateExpression]: 'a template string',
  [ts.SyntaxKind.NewExpression]: '`new`',
  [ts.SyntaxKind.ThisKeyword]: '`this`',
  [ts.SyntaxKind.ClassDeclaration]: 'a class',
  [ts.SyntaxKind.ClassExpression]: 'a class',
  [ts.SyntaxKind.TryStatement]: 'an exception (try)',
  [ts.SyntaxKind.ThrowStatement]: 'an exception (throw)',
  [ts.SyntaxKind.BigIntLiteral]: 'a bigint literal',
  [ts.SyntaxKind.AnyKeyword]: 'the `any` type',
  [ts.SyntaxKind.ForInStatement]: 'for-in',
  [ts.SyntaxKind.ForOfStatement]: 'for-of',
  [ts.SyntaxKind.AwaitExpression]: '`await`',
  [ts.SyntaxKind.YieldExpression]: '`yield`',
  [ts.SyntaxKind.DeleteExpression]: '`delete`',
  [ts.SyntaxKind.TypeOfExpression]: '`typeof`',
  [ts.SyntaxKind.SpreadElement]: 'spread',
  [ts.SyntaxKind.EnumDeclaration]: 'an enum',
  [ts.SyntaxKind.LabeledStatement]: 'a labelled statement',
  [ts.SyntaxKind.WithStatement]: '`with`',
  [ts.SyntaxKind.RegularExpressionLiteral]: 'a regular expression',
  [ts.SyntaxKind.TaggedTemplateExpression]: 'a tagged template',
  [ts.SyntaxKind.NullKeyword]: '`null`',
  [ts.SyntaxKind.ExportAssignment]: '`export default` / `export =`',
  [ts.SyntaxKind.UndefinedKeyword]: '`undefined`',
};

export function unsupportedNode(node: ts.Node): never {
  const name = CONSTRUCTS[node.kind] ?? ts.SyntaxKind[node.kind];
  unsupported(node, name);
}
