// React imported by default and by name without a hook: a server rendering PDFs, not a page.
import React, { Fragment } from 'react';
import { renderToBuffer, Document, Page, Text } from '@react-pdf/renderer';

declare const storage: { upload(key: string, body: Buffer): Promise<void> };

export async function renderInvoices(invoices: Array<{ id: string; total: string }>): Promise<void> {
  await Promise.all(
  //    ^^^^^^^^^^^ unbounded-promise-all
    invoices.map(async (invoice) => {
      const pdf = await renderToBuffer(
        <Document>
          <Fragment>
            <Page>
              <Text>{invoice.total}</Text>
            </Page>
          </Fragment>
        </Document>,
      );
      await storage.upload(`invoices/${invoice.id}.pdf`, pdf);
    }),
  );
}
