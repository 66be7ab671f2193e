// valid
export interface INotifier {
  notify(orderId: string): Promise<void>;
}
