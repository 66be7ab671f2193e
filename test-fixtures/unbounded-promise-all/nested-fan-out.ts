// A `Promise.all` over the list of one item, inside the callback of an outer map that is reported itself, is the
// same fan-out: only the outer one is reported. Under an outer map over a few items, the inner one is reported.
interface Attachment {
  path: string;
}

interface Row {
  id: string;
  attachments: Attachment[];
}

declare function uploadCopy(path: string): Promise<string>;

export async function uploadCopyRows(rows: Row[]): Promise<Array<Row & { urls: string[] }>> {
  return Promise.all(
  //     ^^^^^^^^^^^ unbounded-promise-all
    rows.map(async (row) => ({
      ...row,
      urls: await Promise.all(row.attachments.map((attachment) => uploadCopy(attachment.path))),
    })),
  );
}

export async function uploadCopyCells(cells: unknown[]): Promise<string[][]> {
  const pending = cells.map((cell) => {
    const attachments = cell as Attachment[];
    const signed = attachments.map((attachment) => uploadCopy(attachment.path));
    return Promise.all(signed);
  });
  return Promise.all(pending);
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function uploadCopyPair(first: Row, second: Row): Promise<string[][]> {
  return Promise.all(
    [first, second].map((row) => Promise.all(row.attachments.map((attachment) => uploadCopy(attachment.path)))),
    //                           ^^^^^^^^^^^ unbounded-promise-all
  );
}

export async function uploadCopyEach(rows: Row[], paths: string[]): Promise<string[][]> {
  return Promise.all(
  //     ^^^^^^^^^^^ unbounded-promise-all
    rows.map(() => Promise.all(paths.map((path) => uploadCopy(path)))),
  );
}
