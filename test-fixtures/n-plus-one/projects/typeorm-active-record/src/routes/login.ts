import { Router } from 'express';
import { User } from '../entity/user.entity';
import { recordLogin } from '../services/user-activity';

export const loginRouter = Router();

loginRouter.post('/logins/import', async (req, res) => {
  const users = await User.findBy({ active: true });
  for (const user of users) {
    await recordLogin(user);
//        ^^^^^^^^^^^ n-plus-one
  }
  res.sendStatus(204);
});
