// valid
export class ArchiveEmployeeCommand {
  constructor(public readonly id: string) {}
}
