// A walk of a form's fields that hands each value to a visitor, and reaches nested groups through a helper that picks the group's
// shape and calls the walk again: the visitor sees the fields in their order, one call down as well as directly.
interface FieldNode {
  id: string;
  repeated: boolean;
  children: FieldNode[];
  variants?: Array<{ kind: string; fields: FieldNode[] }>;
}

type Values = Record<string, unknown>;
type Visitor = (field: FieldNode, value: unknown, path: string) => Promise<void>;

declare function uploadAttachment(value: unknown): Promise<string>;

export class FormWalker {
  constructor(private readonly fields: FieldNode[]) {}

  async walk(values: Values, visitor: Visitor): Promise<void> {
    await this.walkFields(this.fields, values, '', visitor);
  }

  private async walkFields(fields: FieldNode[], values: Values, path: string, visitor: Visitor): Promise<void> {
    for (const field of fields) {
      const value = values[field.id];
      await visitor(field, value, `${path}${field.id}`);
      if (!field.variants || !Array.isArray(value)) continue;
      for (let index = 0; index < value.length; index++) {
        await this.walkVariant(field, value[index] as Values, `${path}${field.id}.${index}.`, visitor);
      }
    }
  }

  private walkVariant(field: FieldNode, item: Values, path: string, visitor: Visitor): Promise<void> {
    const variant = field.variants?.find((candidate) => candidate.kind === item.kind);
    return variant ? this.walkFields(variant.fields, item, path, visitor) : Promise.resolve();
  }

  // A helper of the class that does not walk on: each value's upload could overlap.
  async uploadAll(field: FieldNode, values: unknown[]): Promise<string[]> {
    const keys: string[] = [];
    for (const value of values) {
      keys.push(await this.upload(field, value));
//              ^^^^^ await-in-loop
    }
    return keys;
  }

  private upload(field: FieldNode, value: unknown): Promise<string> {
    return field.repeated ? uploadAttachment([value]) : uploadAttachment(value);
  }
}

// A visitor called over one level, with no walk to hand it on to: reported.
export async function visitTopLevel(fields: FieldNode[], values: Values, visitor: Visitor): Promise<void> {
  for (const field of fields) {
    await visitor(field, values[field.id], field.id);
//  ^^^^^ await-in-loop
  }
}
