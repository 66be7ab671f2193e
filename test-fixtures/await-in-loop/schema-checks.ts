// Checking each item against a schema of a validation library is work in memory: in turn or at once, it takes as long.
// A schema whose rule runs the code's own lookup waits on that lookup per item, and is still reported.
import Joi from 'joi';

declare const accounts: { exists(id: string): Promise<boolean> };

const transferSchema = Joi.object({ from: Joi.string().required(), to: Joi.string().required(), cents: Joi.number().positive() });
const knownAccountSchema = Joi.string().external(async (id: string) => {
  if (!(await accounts.exists(id))) throw new Error(`No account ${id}`);
});

interface Transfer {
  from: string;
  to: string;
  cents: number;
}

export async function checkedTransfers(transfers: Transfer[]): Promise<Transfer[]> {
  const checked: Transfer[] = [];
  for (const transfer of transfers) checked.push((await transferSchema.validateAsync(transfer)) as Transfer);
  return checked;
}

export async function checkedAccounts(ids: string[]): Promise<string[]> {
  const checked: string[] = [];
  for (const id of ids) checked.push((await knownAccountSchema.validateAsync(id)) as string);
  //                                  ^^^^^ await-in-loop
  return checked;
}
