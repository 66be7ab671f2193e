import fse from 'fs-extra';
import bcrypt from 'bcrypt';
import fg from 'fast-glob';

export async function register(user: { name: string; password: string }) {
  const hash = bcrypt.hashSync(user.password, 12);
  const users = fse.pathExistsSync('users.json') ? fse.readJsonSync('users.json') : [];
  fse.outputJsonSync('users.json', [...users, { name: user.name, hash }]);
  const avatars = fg.globSync('avatars/*.png');
  const legacy = fg.sync('legacy/*.png');
  return { ok: bcrypt.compareSync(user.password, hash), avatars, legacy };
}
