// valid
export interface ReportSink {
  append(line: string): void;
  close(): Promise<void>;
}
