import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);

declare const mailer: { send(to: string, subject: string): Promise<void> };

class Member extends Model {
  declare email: string;
}
Member.init({ email: DataTypes.STRING }, { sequelize });

class Team extends Model {
  declare getMembers: () => Promise<Member[]>;
  declare getOwner: () => Promise<Member | null>;

  async announce(subject: string): Promise<void> {
    const members = await this.getMembers();
    await Promise.all(members.map((member) => mailer.send(member.email, subject)));
    //    ^^^^^^^^^^^ unbounded-promise-all
  }

  async announceCurrencies(): Promise<void> {
    const currencies = await Member.findAll({ attributes: ['currency'], group: ['currency'] });
    await Promise.all(currencies.map((row) => mailer.send(row.email, 'Rates')));
  }

  async remindOwner(): Promise<void> {
    const owner = await this.getOwner();
    await Promise.all([owner].map((member) => mailer.send(member!.email, 'Renewal')));
  }
}
Team.init({}, { sequelize });
Team.hasMany(Member, { as: 'members' });
Team.belongsTo(Member, { as: 'owner' });
