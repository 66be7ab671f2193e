/** Expressions of the loop body rewritten as expressions of the item alone, for the key mapper before the loop. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext, TextEdit } from '../../types';
import { propertyName, resolveVariable } from '../../analysis/resolve';
import { contains } from '../../analysis/scopes';
import { changes, type Shape } from './loop-shape';
import { text } from './names';

/** Global functions that convert a key without effects: `Number(id)`, `String(id)`. */
export const CONVERSIONS = new Set(['Number', 'String', 'parseInt', 'parseFloat']);

/** Methods a condition may call without effects. */
export const PURE_METHODS = new Set(['has', 'includes', 'startsWith', 'endsWith', 'test', 'isArray', 'indexOf', 'trim', 'toLowerCase', 'toUpperCase']);

/** `isUUID(x)`, `isDefined(x)`: a synchronous predicate, by the name every codebase gives one. */
export const PREDICATE_NAME = /^(?:is|has)[A-Z]\w*$/;

/**
 * Writes an expression of the loop body as an expression of the item alone, for the mapper
 * before the loop: the item's names stay, names fixed before the loop stay, constants the body
 * derives from the item (`const { recipientId } = field`) are replaced by what they read, and
 * `items[i]` becomes the item. Undefined when the expression reads anything else, or may have
 * an effect. `conditions` also allows comparisons and pure predicates.
 */
export class Translator {
  /** Whether the last translated expression read the item. */
  readsItem = false;

  constructor(
    private readonly context: RuleContext,
    private readonly shape: Shape,
    private readonly before: number,
  ) {}

  translate(node: TSESTree.Node, condition = false, depth = 0): string | undefined {
    if (depth > 8) return undefined;
    const edits: TextEdit[] = [];
    if (!this.collect(node, edits, condition, depth)) return undefined;
    let output = text(this.context, node);
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
      output = output.slice(0, edit.start - node.range[0]) + edit.text + output.slice(edit.end - node.range[0]);
    }
    return output;
  }

  private collect(node: TSESTree.Node, edits: TextEdit[], condition: boolean, depth: number): boolean {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ThisExpression:
        return true;
      case AST_NODE_TYPES.Identifier:
        return this.name(node, edits, depth);
      case AST_NODE_TYPES.MemberExpression:
        if (this.shape.counter && node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === this.shape.counter) {
          if (text(this.context, node.object) !== text(this.context, this.shape.items)) return false;
          this.readsItem = true;
          // `items[i]!` is the item: the mapper's parameter needs no assertion.
          const whole = node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ? node.parent : node;
          edits.push({ start: whole.range[0], end: whole.range[1], text: this.shape.param });
          return true;
        }
        return this.collect(node.object, edits, condition, depth) && (!node.computed || this.collect(node.property, edits, condition, depth));
      case AST_NODE_TYPES.TSNonNullExpression:
        if (edits.length > 0 && edits[edits.length - 1]!.end === node.range[1] && edits[edits.length - 1]!.start === node.range[0]) return true;
        return this.collect(node.expression, edits, condition, depth);
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
        return this.collect(node.expression, edits, condition, depth);
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.every((expression) => this.collect(expression, edits, condition, depth));
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.every(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            !property.method &&
            property.kind === 'init' &&
            !property.shorthand &&
            (!property.computed || this.collect(property.key, edits, condition, depth)) &&
            this.collect(property.value, edits, condition, depth),
        );
      case AST_NODE_TYPES.ArrayExpression:
        return node.elements.every(
          (element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && this.collect(element, edits, condition, depth),
        );
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator !== 'delete' && this.collect(node.argument, edits, condition, depth);
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return (
          node.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
          this.collect(node.left, edits, condition, depth) &&
          this.collect(node.right, edits, condition, depth)
        );
      case AST_NODE_TYPES.ConditionalExpression:
        return condition && [node.test, node.consequent, node.alternate].every((part) => this.collect(part, edits, condition, depth));
      case AST_NODE_TYPES.CallExpression: {
        if (node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
        const callee = node.callee;
        const global = callee.type === AST_NODE_TYPES.Identifier && !resolveVariable(this.context, callee)?.defs.length;
        const pure =
          (global && CONVERSIONS.has((callee as TSESTree.Identifier).name)) ||
          (condition &&
            ((callee.type === AST_NODE_TYPES.Identifier && PREDICATE_NAME.test(callee.name)) ||
              (callee.type === AST_NODE_TYPES.MemberExpression && PURE_METHODS.has(propertyName(callee) ?? ''))));
        if (!pure) return false;
        if (callee.type === AST_NODE_TYPES.MemberExpression && !this.collect(callee.object, edits, condition, depth)) return false;
        if (callee.type === AST_NODE_TYPES.Identifier && !global && !this.name(callee, edits, depth)) return false;
        return node.arguments.every((argument) => this.collect(argument, edits, condition, depth));
      }
      default:
        return false;
    }
  }

  /** A name: the item's, one fixed before the loop, or a constant of the body derived from the item. */
  private name(identifier: TSESTree.Identifier, edits: TextEdit[], depth: number): boolean {
    const variable = resolveVariable(this.context, identifier);
    if (!variable) return identifier.name === 'undefined';
    const declared = variable.defs[0]?.name;
    if (!declared || variable.defs.length !== 1) return false;
    if (this.shape.binding && contains(this.shape.binding, declared)) {
      this.readsItem = true;
      return true;
    }
    if (!contains(this.shape.loop, declared)) {
      // Fixed before the loop: declared outside it, and neither assigned nor changed (`seen.push(id)`) in it.
      return !variable.references.some((reference) => contains(this.shape.loop, reference.identifier) && changes(reference.identifier, reference.isWrite()));
    }
    // A constant of the body, declared before the query in a block that holds it, from the item alone.
    const definition = variable.defs[0]!;
    if (definition.type !== 'Variable' || variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    const declaration = declarator.parent as TSESTree.VariableDeclaration;
    if (!declarator.init || declarator.range[1] > this.before || !holdsAlways(declaration, this.shape.scope)) return false;
    const source = this.translate(declarator.init, false, depth + 1);
    if (source === undefined) return false;
    const primary = /^[\w$.]+$/.test(source) || /^[\w$.]+\([^()]*\)$/.test(source) ? source : `(${source})`;
    let replacement: string | undefined;
    if (declarator.id === declared) replacement = source === primary ? source : primary;
    else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) replacement = this.fromPattern(declarator.id, declared, primary);
    if (replacement === undefined) return false;
    edits.push({ start: identifier.range[0], end: identifier.range[1], text: replacement });
    return true;
  }

  /** `const { a, b: c } = x`: `x.a` for `a`, `x.b` for `c`; no defaults, rests or nesting. */
  private fromPattern(pattern: TSESTree.ObjectPattern, declared: TSESTree.Node, source: string): string | undefined {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
      if (property.value === declared) return `${source}.${property.key.name}`;
    }
    return undefined;
  }
}

/** Whether a statement runs whenever its block in `scope` runs to the query: directly in a block on the way, not in a branch. */
function holdsAlways(statement: TSESTree.Node, scope: TSESTree.Node): boolean {
  const block = statement.parent;
  return block?.type === AST_NODE_TYPES.BlockStatement && contains(scope, block);
}

/** Whether a value is the same for every item: no item, no name the loop changes, no effect. */
export function isFixedForLoop(context: RuleContext, node: TSESTree.Node, shape: Shape): boolean {
  const translator = new Translator(context, shape, node.range[0]);
  return translator.translate(node) === text(context, node) && !translator.readsItem;
}
