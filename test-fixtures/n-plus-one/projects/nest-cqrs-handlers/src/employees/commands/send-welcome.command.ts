// valid
import { ICommand } from '@nestjs/cqrs';

export class SendWelcomeCommand implements ICommand {
  constructor(public readonly email: string) {}
}
