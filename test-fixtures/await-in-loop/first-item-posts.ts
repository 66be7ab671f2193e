// Publishing the parts of one post: the caption or the answer to a message goes with the first part only, each
// reply answers the one sent before it. Readers see the parts in the order they were sent, so they stay one at a time.
// Beside them, a loop that only numbers its items, and one that tests another counter, are reported.
interface MediaPart {
  url: string;
  kind: 'photo' | 'video';
}

interface ChatBot {
  sendMediaGroup(chatId: string, media: Array<MediaPart & { caption?: string }>, options: { replyTo?: number }): Promise<Array<{ messageId: number }>>;
  sendMessage(chatId: string, text: string, options: { replyTo?: number }): Promise<{ messageId: number }>;
}

export async function publishAlbum(bot: ChatBot, chatId: string, groups: MediaPart[][], caption: string, replyTo?: number): Promise<number | undefined> {
  let firstMessageId: number | undefined;
  for (let i = 0; i < groups.length; i++) {
    const sent = await bot.sendMediaGroup(
      chatId,
      groups[i]!.map((part, index) => ({ ...part, caption: index === 0 ? caption : undefined })),
      { replyTo: i === 0 ? replyTo : undefined },
    );
    if (i === 0) firstMessageId = sent[0]?.messageId;
  }
  return firstMessageId;
}

export async function publishSlides(bot: ChatBot, chatId: string, slides: string[], header: string): Promise<void> {
  for (const [position, slide] of slides.entries()) {
    await bot.sendMessage(chatId, 0 === position ? `${header}\n${slide}` : slide, {});
  }
}

export async function publishThread(bot: ChatBot, chatId: string, parts: string[]): Promise<number[]> {
  const ids: number[] = [];
  let previousId: number | undefined;
  for (const part of parts) {
    const sent = await bot.sendMessage(chatId, part, { replyTo: previousId });
    previousId = sent.messageId;
    ids.push(sent.messageId);
  }
  return ids;
}

export async function announceEverywhere(bot: ChatBot, chatIds: string[], text: string): Promise<void> {
  for (let i = 0; i < chatIds.length; i++) {
    await bot.sendMessage(chatIds[i]!, `${i + 1}. ${text}`, {});
  //^^^^^ await-in-loop
  }
}

export async function announceWithHeader(bot: ChatBot, chatIds: string[], pages: string[][]): Promise<void> {
  for (const chatId of chatIds) {
    await bot.sendMessage(
  //^^^^^ await-in-loop
      chatId,
      pages.map((lines, page) => (page === 0 ? lines.join('\n') : '')).join(''),
      {},
    );
  }
}

// A cover stored for the first image only runs once, by the loop's counter or a count raised in the guard; a count raised
// elsewhere, or a test that every later turn passes, is reported.
declare function storeCover(image: string): Promise<void>;

export async function storeImages(images: Record<string, string>): Promise<string[]> {
  const names: string[] = [];
  let turn = 0;
  for (const [name, image] of Object.entries(images)) {
    if (turn++ === 0) {
      await storeCover(image);
    }
    names.push(name);
  }
  for (let i = 0; i < names.length; i++) {
    if (i === 0) await storeCover(names[i]!);
  }
  return names;
}

export async function storeLaterImages(images: string[]): Promise<void> {
  let turn = 0;
  for (const image of images) {
    if (turn++ !== 0) await storeCover(image);
    //                ^^^^^ await-in-loop
  }
  let seen = 0;
  for (const image of images) {
    seen++;
    if (seen++ === 0) await storeCover(image);
    //                ^^^^^ await-in-loop
  }
}
