// valid
export interface ReportSink {
  append(line: string): void;
  close(): Promise<void>;
}

export type ReportContext = {
  sink: ReportSink;
  title: string;
};
