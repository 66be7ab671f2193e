// valid
import { Meteor } from 'meteor/meteor';

export const Cache = {
  async getUser(id) {
    return Meteor.users.findOneAsync(id);
  },
};
