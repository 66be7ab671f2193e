import type { CountLoans, InsertLoan, Loan } from '../domain/operations';

export const loanTotalsFactory =
  ({ countLoans }: { countLoans: CountLoans }) =>
  async (bookIds: string[]) =>
    Promise.all(
      bookIds.map(async (bookId) => ({ bookId, total: await countLoans(bookId) })),
      //                                                    ^^^^^^^^^^ n-plus-one
    );

export const lendBooksFactory =
  ({ insertLoan }: { insertLoan: InsertLoan }) =>
  async (memberId: string, bookIds: string[], dueAt: Date) => {
    const loans: Loan[] = bookIds.map((bookId) => ({ bookId, memberId, dueAt }));
    for (const loan of loans) {
      await insertLoan(loan);
      //    ^^^^^^^^^^ n-plus-one
    }
    return loans.length;
  };
