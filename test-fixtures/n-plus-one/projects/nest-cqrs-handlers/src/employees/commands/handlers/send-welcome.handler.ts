// valid
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SendWelcomeCommand } from '../send-welcome.command';

@CommandHandler(SendWelcomeCommand)
export class SendWelcomeHandler implements ICommandHandler<SendWelcomeCommand> {
  async execute({ email }: SendWelcomeCommand) {
    return `Welcome, ${email}`;
  }
}
