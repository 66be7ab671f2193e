import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { astConverter, type ParseSettings } from '@typescript-eslint/typescript-estree/use-at-your-own-risk';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import ts from 'typescript';
import { withLazyComments } from './comments';
import { CONVERT_SETTINGS, convertSourceFile, parseTypeScript, setParentRecursive } from './parse';
import { signalsOfPart, unionOfSignals, type SyntaxSignals } from './syntax-signals';

/** An ESTree node converted from a TypeScript node, and where that node started when it was converted. */
interface Converted {
  pos: number;
  estree: TSESTree.Node;
}

/**
 * The trees of one file as an editor changes it, one version after the other. TypeScript parses
 * again only what an edit changed (`ts.updateSourceFile`, which keeps the nodes around it), and
 * the ESTree of each top-level statement and each member of a top-level class that TypeScript
 * kept is kept too, its ranges moved by the edit's length: only the changed ones are converted.
 * Their syntax signals are kept alike. A tree it returned is not valid once it has parsed the
 * next version (TypeScript moves the kept nodes), so it serves one caller that is done with a
 * version before it reads the next.
 */
export class EditedFile {
  private last?: { text: string; fileName: string; sourceFile: ts.SourceFile };
  /** The last converted tree's top-level statements and members of top-level classes. */
  private converted = new Map<ts.Node, Converted>();
  /** The syntax signals of the last tree's top-level statements and members of top-level classes. */
  private signalParts = new Map<ts.Node, SyntaxSignals>();

  /** TypeScript's tree of the text, as `parseTypeScript` would parse it. */
  readonly parse = (text: string, fileName: string): ts.SourceFile => {
    const last = this.last;
    let sourceFile: ts.SourceFile;
    if (last && last.fileName === fileName) {
      // The incremental parser reads `parent`; a tree only the syntax signals read has none yet.
      setParentRecursive(last.sourceFile, true);
      sourceFile = ts.updateSourceFile(last.sourceFile, text, changeBetween(last.text, text));
    } else {
      sourceFile = parseTypeScript(text, fileName);
      this.converted.clear();
      this.signalParts.clear();
    }
    this.last = { text, fileName, sourceFile };
    return sourceFile;
  };

  /** The tree `parse` returned for this text last, while no other version has been parsed since: it can be converted (`toESTree`) again. */
  treeOf(text: string, fileName: string): ts.SourceFile | undefined {
    return this.last?.text === text && this.last.fileName === fileName ? this.last.sourceFile : undefined;
  }

  /** The syntax signals of a tree `parse` returned, as one walk of it finds them; read again only in the parts not kept. */
  readonly signalsOf = (sourceFile: ts.SourceFile): SyntaxSignals => {
    const previous = this.signalParts;
    const next = new Map<ts.Node, SyntaxSignals>();
    const part = <T extends ts.Node>(node: T, read: (node: T) => SyntaxSignals): SyntaxSignals => {
      const signals = previous.get(node) ?? read(node);
      next.set(node, signals);
      return signals;
    };
    const parts: SyntaxSignals[] = [];
    for (const statement of sourceFile.statements) {
      if (previous.has(statement) || !ts.isClassDeclaration(statement)) parts.push(part(statement, signalsOfPart.statement));
      else parts.push(signalsOfPart.classHead(statement), ...statement.members.map((member) => part(member, signalsOfPart.member)));
    }
    this.signalParts = next;
    return unionOfSignals(parts);
  };

  /** The ESTree of a tree `parse` returned last, as `convertSourceFile` makes it. */
  readonly toESTree = (sourceFile: ts.SourceFile, text: string): TSESTree.Program => {
    if (sourceFile !== this.last?.sourceFile || this.converted.size === 0) return this.remember(sourceFile, convertSourceFile(sourceFile, text));
    setParentRecursive(sourceFile, true);
    const program = this.convertChanged(sourceFile, text);
    return program ? this.remember(sourceFile, program) : this.remember(sourceFile, convertSourceFile(sourceFile, text));
  };

  /** Converts the statements and class members not kept from the last tree; undefined when the parts do not line up. */
  private convertChanged(sourceFile: ts.SourceFile, text: string): TSESTree.Program | undefined {
    const statements = sourceFile.statements;
    const prologue = prologueLength(statements);
    const changed: ts.Statement[] = [];
    const partialClasses = new Map<ts.Statement, ts.ClassDeclaration>();
    for (const [index, statement] of statements.entries()) {
      if (this.converted.has(statement)) continue;
      // A string statement's ESTree depends on the statements before it: outside the prologue, the whole file is converted.
      if (index >= prologue && isDirectiveLike(statement)) return undefined;
      const partial = ts.isClassDeclaration(statement) ? this.withChangedMembers(statement, sourceFile) : undefined;
      if (partial) partialClasses.set(statement, partial);
      changed.push(partial ?? statement);
    }
    // A stand-in for the file that holds only the changed statements; the converter finds tokens in the real tree.
    const changedFile = standIn(sourceFile, { statements: changed, getChildren: (file?: ts.SourceFile) => sourceFile.getChildren(file) });
    const program = withLazyComments(astConverter(changedFile, CONVERT_SETTINGS as ParseSettings, false).estree, text);
    if (program.body.length !== changed.length) return undefined;
    const fresh = new Map(changed.map((statement, index) => [statement, program.body[index]!]));
    const body: TSESTree.ProgramStatement[] = [];
    for (const statement of statements) {
      const kept = this.converted.get(statement);
      if (kept) {
        body.push(moved(kept, statement.pos) as TSESTree.ProgramStatement);
        continue;
      }
      const partial = partialClasses.get(statement);
      const converted = fresh.get(partial ?? statement)!;
      if (partial && !this.fillMembers(converted, statement as ts.ClassDeclaration)) return undefined;
      body.push(converted);
    }
    program.body = body;
    return program;
  }

  /** A stand-in for a changed class that holds only its changed members, when it kept some; undefined otherwise. */
  private withChangedMembers(declaration: ts.ClassDeclaration, sourceFile: ts.SourceFile): ts.ClassDeclaration | undefined {
    const members = declaration.members;
    if (!members.some((member) => this.converted.has(member))) return undefined;
    const changedMembers = Object.assign(
      members.filter((member) => !this.converted.has(member)),
      { pos: members.pos, end: members.end },
    );
    return standIn(declaration, { members: changedMembers, getChildren: (file?: ts.SourceFile) => declaration.getChildren(file ?? sourceFile) });
  }

  /** Puts the kept members back into a class converted with only its changed ones, in the order of the source. */
  private fillMembers(converted: TSESTree.ProgramStatement, declaration: ts.ClassDeclaration): boolean {
    const classNode = converted.type === 'ClassDeclaration' ? converted : 'declaration' in converted ? converted.declaration : undefined;
    if (!classNode || classNode.type !== 'ClassDeclaration') return false;
    const fresh = classNode.body.body;
    const members: TSESTree.ClassElement[] = [];
    let next = 0;
    for (const member of declaration.members) {
      if (member.kind === ts.SyntaxKind.SemicolonClassElement) continue;
      const kept = this.converted.get(member);
      if (kept) members.push(moved(kept, member.pos) as TSESTree.ClassElement);
      else if (next < fresh.length) members.push(fresh[next++]!);
      else return false;
    }
    if (next !== fresh.length) return false;
    classNode.body.body = members;
    return true;
  }

  /** Records the parts of a converted tree that the next version may keep. */
  private remember(sourceFile: ts.SourceFile, program: TSESTree.Program): TSESTree.Program {
    this.converted = new Map();
    if (sourceFile !== this.last?.sourceFile || program.body.length !== sourceFile.statements.length) return program;
    sourceFile.statements.forEach((statement, index) => {
      const estree = program.body[index]!;
      if (isDirectiveLike(statement)) return;
      this.converted.set(statement, { pos: statement.pos, estree });
      if (!ts.isClassDeclaration(statement)) return;
      const classNode = estree.type === 'ClassDeclaration' ? estree : 'declaration' in estree ? estree.declaration : undefined;
      if (classNode?.type !== 'ClassDeclaration') return;
      const members = statement.members.filter((member) => member.kind !== ts.SyntaxKind.SemicolonClassElement);
      if (members.length !== classNode.body.body.length) return;
      members.forEach((member, memberIndex) => this.converted.set(member, { pos: member.pos, estree: classNode.body.body[memberIndex]! }));
    });
    return program;
  }
}

/** The span of the old text an edit replaced, and the new text's length there: what is between their common start and end. */
function changeBetween(oldText: string, newText: string): ts.TextChangeRange {
  const shorter = Math.min(oldText.length, newText.length);
  const start = longestCommon(shorter, (length) => newText.startsWith(oldText.slice(0, length)));
  const end = longestCommon(shorter - start, (length) => newText.endsWith(oldText.slice(oldText.length - length)));
  return ts.createTextChangeRange(ts.createTextSpan(start, oldText.length - start - end), newText.length - start - end);
}

/** The longest length up to `limit` that `common` accepts, by bisection: one string comparison per step, not one per character. */
function longestCommon(limit: number, common: (length: number) => boolean): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (common(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A string statement is a directive only among the first statements: its ESTree depends on what comes before it. */
function isDirectiveLike(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** How many statements the file's directive prologue holds (`'use strict'`). */
function prologueLength(statements: readonly ts.Statement[]): number {
  let length = 0;
  while (length < statements.length && isDirectiveLike(statements[length]!)) length++;
  return length;
}

/** A node that reads as `node` but for the properties given. */
function standIn<T extends ts.Node>(node: T, properties: Record<string, unknown>): T {
  return Object.assign(Object.create(node) as T, properties);
}

/** A kept ESTree, its ranges moved to where its TypeScript node starts now. */
function moved(kept: Converted, pos: number): TSESTree.Node {
  const delta = pos - kept.pos;
  if (delta !== 0) shiftRanges(kept.estree, delta);
  kept.pos = pos;
  return kept.estree;
}

/** Moves every range of a subtree; new arrays, as the converter lets nodes share one. */
function shiftRanges(root: TSESTree.Node, delta: number): void {
  const nodes: TSESTree.Node[] = [root];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    node.range = [node.range[0] + delta, node.range[1] + delta];
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const element of child) if (element && typeof (element as TSESTree.Node).type === 'string') nodes.push(element as TSESTree.Node);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') nodes.push(child as TSESTree.Node);
    }
  }
}
