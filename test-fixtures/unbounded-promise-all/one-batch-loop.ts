// A loop over one batch, from its start to the smaller of start + size and the total, starts as many
// calls as the batch holds. A loop from the start to the total starts one per page.
import { PDFDocument, type PDFFont } from 'pdf-lib';

declare function stampPage(pdf: PDFDocument, index: number, font: PDFFont): Promise<void>;

export async function stampAll(pdf: PDFDocument, font: PDFFont, batchSize: number): Promise<void> {
  const pageCount = pdf.getPageCount();
  for (let batchStart = 0; batchStart < pageCount; batchStart += batchSize) {
    const batchEnd = Math.min(batchStart + batchSize, pageCount);
    const batch: Promise<void>[] = [];
    for (let index = batchStart; index < batchEnd; index++) {
      batch.push(stampPage(pdf, index, font));
    }
    await Promise.all(batch);
  }
}

export async function stampInSteps(pdf: PDFDocument, font: PDFFont, step: number): Promise<void> {
  const pageCount = pdf.getPageCount();
  for (let first = 0; first < pageCount; first += step) {
    const stamping: Promise<void>[] = [];
    for (let index = first; index < first + step && index < pageCount; index++) {
      stamping.push(stampPage(pdf, index, font));
    }
    await Promise.all(stamping);
  }
}

export async function stampEvery(pdf: PDFDocument, font: PDFFont): Promise<void> {
  const pageCount = pdf.getPageCount();
  const stamping: Promise<void>[] = [];
  for (let index = 0; index < pageCount; index++) {
    stamping.push(stampPage(pdf, index, font));
  }
  await Promise.all(stamping);
  //    ^^^^^^^^^^^ unbounded-promise-all
}
