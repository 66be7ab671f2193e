// A counter bound written in the code, as a number or a `const`, counts steps of a calendar's size (the days of a week or a
// month): a few numbered steps. A bound of data, or a larger count, is reported.
declare function countVisits(siteId: string, day: Date): Promise<number>;
declare function fetchPage(page: number): Promise<string[]>;

const DAY_MS = 24 * 60 * 60 * 1000;

export async function visitsThisWeek(siteId: string): Promise<number[]> {
  const days = 7;
  const visits: number[] = [];
  for (let i = 0; i < days; i++) {
    visits.push(await countVisits(siteId, new Date(Date.now() - i * DAY_MS)));
  }
  return visits;
}

export async function visitsThisMonth(siteId: string): Promise<number[]> {
  const visits: number[] = [];
  for (let day = 0; day < 30; day++) {
    visits.push(await countVisits(siteId, new Date(Date.now() - day * DAY_MS)));
  }
  return visits;
}

export async function firstPages(): Promise<string[]> {
  const pages = 50;
  const names: string[] = [];
  for (let page = 1; page <= pages; page++) {
    names.push(...(await fetchPage(page)));
    //             ^^^^^ await-in-loop
  }
  return names;
}

export async function visitsSince(siteId: string, days: number): Promise<number[]> {
  const visits: number[] = [];
  for (let i = 0; i < days; i++) {
    visits.push(await countVisits(siteId, new Date(Date.now() - i * DAY_MS)));
    //          ^^^^^ await-in-loop
  }
  return visits;
}
