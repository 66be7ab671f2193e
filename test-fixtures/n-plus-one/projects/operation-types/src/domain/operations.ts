// valid
export interface Shelf {
  id: string;
  label: string;
}

export interface Member {
  id: string;
  name: string;
}

export interface Loan {
  bookId: string;
  memberId: string;
  dueAt: Date;
}

/** Each operation of the domain is a function type; repositories and services implement them. */
export type GetShelves = (shelfIds: string[]) => Promise<Shelf[]>;
export type GetShelf = (shelfId: string) => Promise<Shelf | undefined>;
export type CountLoans = (bookId: string) => Promise<number>;
export type InsertLoan = (loan: Loan) => Promise<void>;
export type FindMember = (memberId: string) => Promise<Member | undefined>;
export type NotifyMember = (memberId: string, text: string) => Promise<void>;
export type CloseShelf = (shelfId: string) => Promise<void>;
