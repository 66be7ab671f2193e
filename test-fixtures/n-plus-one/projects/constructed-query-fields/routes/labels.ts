// valid
import { contextForJob, contextOf, formatterOf } from '../context/factories';
import type { Queries } from '../db/queries';

export const projectLabels = async (url: string, ids: string[]) => {
  const ctx = await contextForJob(url);
  return ids.map((id) => ctx.queries.projects.label(id));
};

export const invoiceTotals = (request: { queries: Queries; userId: string }, totals: number[]) => {
  const context = contextOf(request);
  const labels = [];
  for (const cents of totals) labels.push(context.queries.invoices.formatTotal(cents));
  return labels;
};

export const renderRows = (ids: string[]) => {
  const formatter = formatterOf();
  const rows = [];
  for (const id of ids) rows.push(formatter.rows.render(id));
  return rows;
};

export const checkProjects = async (url: string, ids: string[]) => {
  const ctx = await contextForJob(url);
  const fail = async (id: string): Promise<never> => {
    await ctx.queries.projects.lookup(id);
    throw new Error(`Project ${id} is out of sync`);
  };
  for (const id of ids) {
    if (!id.startsWith('p_')) await fail(id);
  }
};
