interface Thread {
  post(text: string): Promise<void>;
}
interface Api {
  post(path: string, body: unknown): Promise<void>;
}
interface Inspector {
  attach(page: unknown, url: string): Promise<void>;
  inputKind(selector: string): Promise<string>;
}
declare function openSession(owner: string): Promise<{ id: string; page: unknown }>;
declare function makeInspector(): Inspector;

// Replies posted to one thread must appear in the order written.
export async function replyAll(thread: Thread, replies: string[]) {
  for (const reply of replies) {
    await thread.post(reply);
  }
}

// A post whose failure is ignored still takes its turn in the thread.
export async function replyAllQuietly(thread: Thread, replies: string[]) {
  for (const reply of replies) {
    await thread.post(reply).catch(() => {});
  }
}

// Posts to a client, one per user: nothing orders them.
export async function notifyAll(api: Api, userIds: string[], text: string) {
  for (const userId of userIds) {
    await api.post(`/users/${userId}/notices`, { text });
//  ^^^^^ await-in-loop
  }
}

// The inspector holds one opened browser page: each check drives that page in turn.
export async function inputKinds(owner: string, url: string, selectors: string[]) {
  const inspector = makeInspector();
  const { page } = await openSession(owner);
  await inspector.attach(page, url);
  const kinds: Record<string, string> = {};
  for (const selector of selectors) {
    const kind = await inspector.inputKind(selector);
    kinds[selector] = kind;
  }
  return kinds;
}

// `page` is a page number here, not a browser page: the checks are independent.
export async function kindsOnPage(page: number, url: string, selectors: string[]) {
  const inspector = makeInspector();
  await inspector.attach(page, url);
  const kinds: Record<string, string> = {};
  for (const selector of selectors) {
    const kind = await inspector.inputKind(selector);
//               ^^^^^ await-in-loop
    kinds[selector] = kind;
  }
  return kinds;
}
