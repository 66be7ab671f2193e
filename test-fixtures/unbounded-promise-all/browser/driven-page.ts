// A server that drives a browser reads the page's document only in the functions it hands to the page.
declare const page: { evaluate<T>(fn: () => T): Promise<T> };
declare function visit(url: string): Promise<void>;

export async function crawl() {
  const links = await page.evaluate(() => Array.from(document.querySelectorAll('a')).map((a) => a.href));
  await Promise.all(links.map((link) => visit(link)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
