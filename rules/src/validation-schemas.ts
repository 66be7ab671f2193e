import { detached } from './content';

/** Validation libraries whose schemas check a value in memory: Joi, Zod, Yup. */
export const VALIDATION_MODULE = /^(?:joi|@hapi\/joi|zod(?:\/[\w-]+)?|yup)$/;

/** Async checks named as only these libraries name them (Joi's `validateAsync`, Zod's `parseAsync`), known by the name alone. */
export const LIBRARY_SCHEMA_CHECKS: ReadonlySet<string> = new Set(['validateAsync', 'parseAsync', 'safeParseAsync']);

/** The async checks of such a schema: those above, Zod's `spa`, Yup's `validate` / `isValid`. */
export function isSchemaCheckName(name: string): boolean {
  return LIBRARY_SCHEMA_CHECKS.has(name) || name === 'validate' || name === 'spa' || name === 'isValid';
}

/**
 * Steps of a schema that may run the code's own functions, which may do I/O (`.external(checkUnique)`,
 * `.refine(async (email) => ...)`): a schema written with one is not known to stay in memory.
 */
export const CUSTOM_STEP = /\basync\b|\bawait\b|\.then\s*\(|\b(?:external|refine|superRefine|transform|test|custom|check\w*|when|lazy)\s*\(/;

/** `import Joi from 'joi'`, `import * as yup from 'yup'`, `import { z } from 'zod'`, `const Joi = require('joi')`. */
const LIBRARY_IMPORT =
  /(?:\bimport\s+(?:([A-Za-z_$][\w$]*)|\*\s*as\s+([A-Za-z_$][\w$]*)|\{([^}]*)\})\s+from|\bconst\s+([A-Za-z_$][\w$]*)\s*=\s*require\s*\()\s*['"]([^'"]+)['"]/g;
/** `export const nameSchema = Joi` or `= z`, with a type that holds no `=`, at the start of a line. */
const EXPORTED_CONST = /^export\s+const\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n;]*)?=\s*([A-Za-z_$][\w$]*)\s*(?=[.(\n])/gm;
/** The end of a statement: a `;` or a line that starts with neither a chained step nor a closing bracket. */
const STATEMENT_END = /;|\n(?=[^\s.)\]}])/;
const MAX_STATEMENT = 8000;
const MAX_SCHEMAS = 64;

/**
 * The constants a text exports that are schemas built by a validation library it imports, with no step
 * that runs the code's own functions (`export const nameSchema = joi.object().keys({ name: joi.string() });`):
 * checking a value with one is work in memory, wherever the schema is imported.
 */
export function inMemorySchemasOf(text: string): string[] {
  if (!text.includes('export')) return [];
  const libraries = new Set<string>();
  for (const match of text.matchAll(LIBRARY_IMPORT)) {
    if (!VALIDATION_MODULE.test(match[5]!)) continue;
    const named =
      match[3]?.split(',').map((part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .at(-1)!,
      ) ?? [];
    for (const name of [match[1], match[2], match[4], ...named]) if (name) libraries.add(name);
  }
  if (libraries.size === 0) return [];
  const names: string[] = [];
  for (const match of text.matchAll(EXPORTED_CONST)) {
    if (!libraries.has(match[2]!)) continue;
    const rest = text.slice(match.index + match[0].length, match.index + match[0].length + MAX_STATEMENT);
    const end = STATEMENT_END.exec(rest)?.index;
    if (end !== undefined && !CUSTOM_STEP.test(rest.slice(0, end))) names.push(detached(match[1]!));
    if (names.length >= MAX_SCHEMAS) break;
  }
  return names;
}
