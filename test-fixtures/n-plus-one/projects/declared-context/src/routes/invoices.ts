import type { ApiLocals } from '../../types/api';
import type { ReqContext } from '../../types/request';

export async function loadInvoices(context: ReqContext, ids: string[]) {
  const invoices = [];
  for (const id of ids) {
    invoices.push(await context.models.invoices.getById(id));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return invoices;
}

export async function apiInvoices(req: ApiLocals & { body: { ids: string[] } }) {
  return Promise.all(req.body.ids.map((id) => req.context.models.invoices.getById(id)));
//                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}
