// Labels named by their path (`Clients`, then `Clients/Acme`): a mail provider makes a nested label only under a parent that exists,
// so the walk down the path's prefixes creates each parent before its child. Labels for a list of names do not depend on each other,
// and a walk down the prefixes that only looks them up makes nothing in turn.
interface Label {
  id: string;
  name: string;
}

interface MailLabels {
  find(name: string): Promise<Label | undefined>;
  create(name: string): Promise<Label>;
}

declare function findLabel(labels: MailLabels, name: string): Promise<Label | undefined>;
declare function createLabel(labels: MailLabels, name: string): Promise<Label>;

export async function ensureLabelPath(labels: MailLabels, fullName: string): Promise<void> {
  const segments = fullName.split('/');
  for (let depth = 1; depth < segments.length; depth++) {
    const parentName = segments.slice(0, depth).join('/');
    const existing = await findLabel(labels, parentName);
    if (!existing) await createLabel(labels, parentName);
  }
}

export async function createLabels(labels: MailLabels, names: string[]): Promise<Label[]> {
  const created: Label[] = [];
  for (let index = 0; index < names.length; index++) {
    created.push(await labels.create(names[index]!));
//               ^^^^^ await-in-loop
  }
  return created;
}

export async function missingParents(labels: MailLabels, fullName: string): Promise<string[]> {
  const segments = fullName.split('/');
  const missing: string[] = [];
  for (let depth = 1; depth < segments.length; depth++) {
    const parentName = segments.slice(0, depth).join('/');
    if (!(await labels.find(parentName))) missing.push(parentName);
//        ^^^^^ await-in-loop
  }
  return missing;
}
