// valid
export interface ICustomerRepository {
  nameOf(id: string): Promise<string | undefined>;
}
