import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { BLOCKING_NAME, blockingCall, type BlockingCall } from '../analysis/blocking-calls';
import { bindingFor, type Binding } from '../analysis/imports';
import { requestHandlers } from '../analysis/request-handlers';
import { isGlobalReference, localFunction, propertyName, resolveModuleMember, unwrapExpression, type ModuleMember } from '../analysis/resolve';
import { arrayCallbackCall, contains, enclosingFunction, type FunctionNode } from '../analysis/scopes';
import type { Fix, RuleContext, TextEdit, Rule } from '../types';

/** A call of a blocking API, resolved. */
interface BlockingUse {
  call: TSESTree.CallExpression;
  callee: TSESTree.Expression;
  member: ModuleMember;
  api: BlockingCall;
}

/** What a synchronous helper reaches: the first blocking call, and the helpers in between. */
interface Reach {
  use: BlockingUse;
  through: string[];
}

type Setting = 'async' | 'handler';

const WHERE: Record<Setting, string> = {
  async: 'an async function',
  handler: 'a request handler',
};

/** The name a blocking callee ends with, before any resolution: `readFileSync`, `sync`. */
function calleeName(callee: TSESTree.Node): string | undefined {
  const node = unwrapExpression(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return propertyName(node);
  return undefined;
}

function blockingUse(context: RuleContext, call: TSESTree.CallExpression): BlockingUse | undefined {
  const callee = unwrapExpression(call.callee);
  // A property keeps its name; a local binding may rename it (`existsSync as exists`), so only names are resolved.
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(callee);
    if (!name || !(name.endsWith('Sync') || name === 'sync')) return undefined;
  } else if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const member = resolveModuleMember(context, call.callee);
  const api = member && blockingCall(member.module, member.path);
  return api && { call, callee: call.callee, member: member!, api };
}

/** Functions that run while their creator runs: array callbacks, IIFEs, `new Promise` executors. */
function runsInline(context: RuleContext, fn: FunctionNode): boolean {
  if (arrayCallbackCall(fn)) return true;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return true;
  if (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === fn &&
    (propertyName(parent) === 'call' || propertyName(parent) === 'apply') &&
    parent.parent?.type === AST_NODE_TYPES.CallExpression
  ) {
    return true;
  }
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise' &&
    isGlobalReference(context, parent.callee)
  );
}

/** A callback of `.then`, `.catch` or `.finally`: it runs as part of an asynchronous flow. */
function isPromiseContinuation(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => argument === fn)) return false;
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && ['then', 'catch', 'finally'].includes(propertyName(callee) ?? '');
}

/** The function whose run executes `node`: the enclosing function, looking through inline callbacks. */
function ownerOf(context: RuleContext, node: TSESTree.Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn && !fn.async && runsInline(context, fn)) fn = enclosingFunction(fn);
  return fn;
}

/** A node's source, as messages quote it: `fs.readFileSync`, `this.readTemplate`. */
function sourceText(context: RuleContext, callee: TSESTree.Node): string {
  return context.text.slice(callee.range[0], callee.range[1]);
}

/** The callee as written, with what it is when a local name hides it: `exists` (`fs.existsSync`). */
function calleeLabel(context: RuleContext, use: BlockingUse): string {
  const written = sourceText(context, use.callee);
  const name = use.member.path[use.member.path.length - 1]!;
  return calleeName(use.callee) === name ? `\`${written}\`` : `\`${written}\` (\`${use.member.module}.${name}\`)`;
}

/** The replacement the message names, with the callee's own object where it has one (`fse.readJson`). */
function replacementText(context: RuleContext, use: BlockingUse): string {
  const callee = unwrapExpression(use.callee);
  const objectText = callee.type === AST_NODE_TYPES.MemberExpression ? sourceText(context, callee.object) : undefined;
  const fix = use.api.fix;
  if (fix?.kind === 'fs-promises' && !objectText) return `\`await ${fix.name}(...)\` from \`node:fs/promises\``;
  if (fix?.kind === 'fs-promises') return `\`await ${objectText}.promises.${fix.name}(...)\``;
  if (!use.api.replacement.includes('{{object}}')) return use.api.replacement;
  if (objectText) return use.api.replacement.replace('{{object}}', objectText);
  return `${use.api.replacement.replace('{{object}}.', '')} from \`${use.member.module}\``;
}

/** Whether an expression in place of `call` would bind looser than its parent expects (`await x.y` vs `(await x).y`). */
function needsParentheses(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === call;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === call;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === call;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === call;
    default:
      return false;
  }
}

/** A file descriptor argument: the promise API takes `FileHandle`s, not numbers. */
function looksLikeDescriptor(argument: TSESTree.Node | undefined): boolean {
  if (!argument) return false;
  if (argument.type === AST_NODE_TYPES.Literal) return typeof argument.value === 'number';
  const name = calleeName(argument);
  return name !== undefined && /^fd$|Fd$|Descriptor$/.test(name);
}

function keyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal ? String(key.value) : undefined;
}

/** Whether the call's arguments mean the same to the promise form (`statSync`'s `throwIfNoEntry` does not exist there). */
function argumentsCarryOver(use: BlockingUse): boolean {
  const [first, second] = use.call.arguments;
  if (looksLikeDescriptor(first)) return false;
  const name = use.member.path[use.member.path.length - 1];
  if ((name === 'statSync' || name === 'lstatSync') && second) {
    return (
      second.type === AST_NODE_TYPES.ObjectExpression &&
      second.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && keyName(property.key) !== 'throwIfNoEntry')
    );
  }
  return true;
}

/** The safe rewrite to the awaited promise form, when the call sits directly in an async function's body. */
function promiseFix(context: RuleContext, use: BlockingUse, owner: FunctionNode): Fix | undefined {
  const form = use.api.fix;
  if (!form || form.kind === 'promisify' || !owner.async || enclosingFunction(use.call) !== owner) return undefined;
  if (!contains(owner.body, use.call) || use.call.optional || !argumentsCarryOver(use)) return undefined;
  const callee = unwrapExpression(use.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && (callee.computed || callee.optional)) return undefined;
  const edits: TextEdit[] = [];
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const property = form.kind === 'fs-promises' ? `promises.${form.name}` : form.name;
    edits.push({ start: callee.property.range[0], end: callee.property.range[1], text: property });
  } else {
    const places = form.kind === 'fs-promises'
      ? [{ module: 'fs/promises', path: [] }, { module: 'fs', path: ['promises'] }]
      : [{ module: use.member.module, path: use.member.path.slice(0, -1) }];
    const binding: Binding = bindingFor(context, places, form.name);
    edits.push({ start: use.callee.range[0], end: use.callee.range[1], text: binding.text }, ...binding.edits);
  }
  const parenthesize = needsParentheses(use.call);
  edits.push({ start: use.call.range[0], end: use.call.range[0], text: parenthesize ? '(await ' : 'await ' });
  if (parenthesize) edits.push({ start: use.call.range[1], end: use.call.range[1], text: ')' });
  return { title: `Use ${replacementText(context, use).replace(/`/g, '')}`, safe: true, edits };
}

export const syncIoInAsync: Rule = {
  meta: {
    id: 'sync-io-in-async',
    defaultSeverity: 'warning',
    description: 'Blocking calls (fs *Sync, execSync, pbkdf2Sync, gzipSync, bcrypt hashSync, glob.sync, …) inside async functions and request handlers, directly or through a helper of the same file.',
    messages: {
      blocking: '{{callee}} blocks the event loop in {{where}}: every other request waits while {{effect}}. Use {{replacement}} instead.',
      blockingNoTwin: '{{callee}} blocks the event loop in {{where}}: every other request waits while {{effect}}. Use {{replacement}}; there is no automatic fix, since {{caveat}}.',
      throughHelper: '`{{helper}}` calls {{callee}}{{via}}, which blocks the event loop in {{where}}: every other request waits while {{effect}}. Make {{helpers}} async and use {{replacement}}.',
    },
    fixable: true,
  },
  prefilter: BLOCKING_NAME,
  create(context) {
    const calls: TSESTree.CallExpression[] = [];
    const methods: TSESTree.MethodDefinition[] = [];
    return {
      CallExpression(node: TSESTree.CallExpression) {
        calls.push(node);
      },
      MethodDefinition(node: TSESTree.MethodDefinition) {
        methods.push(node);
      },
      'Program:exit'() {
        const handlers = requestHandlers(context, calls, methods);
        const settingOf = (fn: FunctionNode | undefined): Setting | undefined => {
          if (!fn) return undefined;
          if (fn.async) return 'async';
          if (handlers.has(fn)) return 'handler';
          return isPromiseContinuation(fn) ? 'async' : undefined;
        };

        const reach = new Map<FunctionNode, Reach>();
        const edges: Array<{ from: FunctionNode; to: FunctionNode; call: TSESTree.CallExpression }> = [];
        for (const call of calls) {
          const owner = ownerOf(context, call);
          const use = blockingUse(context, call);
          if (use) {
            const setting = settingOf(owner);
            if (setting) reportUse(use, setting, owner!);
            else if (owner && !reach.has(owner)) reach.set(owner, { use, through: [] });
            continue;
          }
          if (!owner) continue;
          const target = localFunction(context, call.callee);
          if (target && target !== owner && !target.async && !handlers.has(target)) edges.push({ from: owner, to: target, call });
        }

        // Helpers reach what the helpers they call reach, to a fixed point (cycles end it too).
        for (let changed = true; changed; ) {
          changed = false;
          for (const edge of edges) {
            const reached = reach.get(edge.to);
            if (!reached || reach.has(edge.from) || settingOf(edge.from)) continue;
            reach.set(edge.from, { use: reached.use, through: [sourceText(context, edge.call.callee), ...reached.through] });
            changed = true;
          }
        }

        for (const edge of edges) {
          const setting = settingOf(edge.from);
          const reached = reach.get(edge.to);
          if (!setting || !reached) continue;
          const via = reached.through.length > 0 ? ` through \`${reached.through.join('` → `')}\`` : '';
          context.report({
            node: edge.call.callee,
            messageId: 'throughHelper',
            data: {
              helper: sourceText(context, edge.call.callee),
              helpers: [sourceText(context, edge.call.callee), ...reached.through].map((name) => `\`${name}\``).join(' and '),
              callee: calleeLabel(context, reached.use),
              via,
              where: WHERE[setting],
              effect: reached.use.api.effect,
              replacement: replacementText(context, reached.use),
            },
          });
        }
      },
    };

    function reportUse(use: BlockingUse, setting: Setting, owner: FunctionNode): void {
      const fix = promiseFix(context, use, owner);
      context.report({
        node: use.callee,
        messageId: use.api.caveat ? 'blockingNoTwin' : 'blocking',
        data: {
          callee: calleeLabel(context, use),
          where: WHERE[setting],
          effect: use.api.effect,
          replacement: replacementText(context, use),
          caveat: use.api.caveat ?? '',
        },
        ...(fix && { fix }),
      });
    }
  },
};
