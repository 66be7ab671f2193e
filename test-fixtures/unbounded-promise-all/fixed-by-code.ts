// Fan-outs whose size the code fixes: a pool of workers, the members of a module, waits for events that start no work.
import * as reminders from './reminders';
import { scheduledReminders } from './reminders';

declare function startWorker(queue: string): Promise<void>;
declare function loadImage(url: string): Promise<HTMLImageElement>;

export async function runWorkers(queue: string): Promise<void> {
  const workers = Array.from({ length: 5 }).map(() => startWorker(queue));
  await Promise.all(workers);
}

export async function runWorkersPerItem(queue: string, n: number): Promise<void> {
  const workers = Array.from({ length: n }).map(() => startWorker(queue));
  await Promise.all(workers);
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function reminderStates(userId: string): Promise<unknown[]> {
  return Promise.all(
    //   ^^^^^^^^^^^ unbounded-promise-all
    scheduledReminders.map((reminder) => reminder.stateFor(userId)),
  );
}

export async function visibleReminderStates(userId: string): Promise<unknown[]> {
  return Promise.all(
    Object.values(reminders)
      .filter((reminder) => reminder.visible)
      .map((reminder) => reminder.stateFor(userId)),
  );
}

export async function imagesLoaded(container: HTMLElement): Promise<void> {
  const images = Array.from(container.querySelectorAll('img'));
  await Promise.all(
    images.map(
      (image) =>
        new Promise<void>((resolve) => {
          if (image.complete) {
            resolve();
          } else {
            image.addEventListener('load', () => resolve(), { once: true });
            image.addEventListener('error', () => resolve(), { once: true });
          }
        }),
    ),
  );
}

export async function imagesFetched(urls: string[]): Promise<HTMLImageElement[]> {
  return Promise.all(
    //   ^^^^^^^^^^^ unbounded-promise-all
    urls.map(
      (url) =>
        new Promise<HTMLImageElement>((resolve) => {
          loadImage(url).then(resolve);
        }),
    ),
  );
}
