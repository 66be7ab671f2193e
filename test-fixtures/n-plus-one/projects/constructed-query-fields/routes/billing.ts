import { contextForJob, contextOf } from '../context/factories';
import type { Queries } from '../db/queries';
import type { RequestContext } from '../context/request-context';

type Request = { queries: Queries; userId: string; context: RequestContext };

export const loadInvoices = async (request: Request, ids: string[]) => {
  const context = contextOf(request);
  const invoices = [];
  for (const id of ids) {
    invoices.push(await context.queries.invoices.findInvoiceById(id));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return invoices;
};

export const loadProjects = async (url: string, ids: string[]) => {
  const ctx = await contextForJob(url);
  return Promise.all(ids.map(async (id) => ctx.queries.projects.lookup(id)));
//                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
};

function currentContext(request: Request): RequestContext {
  return request.context;
}

export const loadOwnProjects = async (request: Request, ids: string[]) => {
  const context = currentContext(request);
  const projects = [];
  for (const id of ids) {
    projects.push(await context.queries.projects.lookup(id));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return projects;
};

export const countReports = async (request: Request, userIds: string[]) => {
  const context = contextOf(request);
  return Promise.all(userIds.map(async (userId) => context.reports.countFor(userId)));
//                                                 ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
};

export const loadDirect = async (queries: Queries, invoiceIds: string[], projectIds: string[]) => {
  for (const id of invoiceIds) {
    await queries.invoices.findInvoiceById(id);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  for (const id of projectIds) {
    await queries.projects.lookup(id);
//        ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
};
