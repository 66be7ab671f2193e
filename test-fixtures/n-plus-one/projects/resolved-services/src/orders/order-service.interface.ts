// valid
export interface Order {
  id: string;
  status: string;
}

/** The port the routes and jobs resolve from the container. */
export interface IOrderService {
  retrieve(id: string): Promise<Order | null>;
  archive(id: string): Promise<void>;
}
