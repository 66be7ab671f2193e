// A helper of the function that drives the one browser page it opened (swaps the page's body, prints it) takes turns on that
// page: its calls are not reported. A helper that opens a page of its own for each call is.
interface Page {
  evaluate<T>(script: (arg: string) => T, arg: string): Promise<T>;
  pdf(options: { width: number; height: number }): Promise<Uint8Array>;
  goto(url: string): Promise<void>;
  close(): Promise<void>;
}

interface Browser {
  newPage(): Promise<Page>;
}

declare function connectBrowser(): Promise<Browser>;

export async function printSections(sections: string[]): Promise<Uint8Array[]> {
  const browser = await connectBrowser();
  const page = await browser.newPage();
  const printed: Uint8Array[] = [];
  const printSection = async (html: string): Promise<Uint8Array> => {
    const previous = await page.evaluate((next) => {
      const before = document.body.innerHTML;
      document.body.innerHTML = next;
      return before;
    }, html);
    const file = await page.pdf({ width: 800, height: 1120 });
    await page.evaluate((before) => {
      document.body.innerHTML = before;
    }, previous);
    return file;
  };
  for (const section of sections) {
    printed.push(await printSection(section));
  }
  return printed;
}

export async function capture(browser: Browser, urls: string[]): Promise<Uint8Array[]> {
  const captured: Uint8Array[] = [];
  const captureOne = async (url: string): Promise<Uint8Array> => {
    const page = await browser.newPage();
    await page.goto(url);
    const file = await page.pdf({ width: 800, height: 1120 });
    await page.close();
    return file;
  };
  for (const url of urls) {
    captured.push(await captureOne(url));
//                ^^^^^ await-in-loop
  }
  return captured;
}
